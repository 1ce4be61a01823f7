package cn.wenming.practice.store;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.HeavyTest;
import cn.wenming.practice.testinfra.ThreeInstances;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 爱心超市 on three instances and a 3-master Redis Cluster ({@link ThreeInstances}): a redemption
 * race spread over all three keeps every invariant of the single-instance race, and the two halves
 * of a reservation — the user's hold and the reward's stock, which live on different cluster nodes —
 * are finished correctly by the reconciler of another instance when a request dies between them.
 */
@HeavyTest
class RedemptionScaleOutTest {

	ThreeInstances instances;

	JdbcTemplate jdbc;

	StringRedisTemplate redis;

	RedemptionRig rig;

	@BeforeEach
	void setUp() {
		this.instances = ThreeInstances.get();
		this.jdbc = this.instances.jdbc();
		this.redis = this.instances.redis();
		this.rig = new RedemptionRig(this.jdbc, this.redis);
	}

	@Test
	void aRaceSpreadOverThreeInstancesIssuesExactlyTheStockAndTheBooksAgree() throws Exception {
		int users = 120;
		int stock = 90;
		long rewardId = this.rig.reward(10, stock, 2);
		List<Session> sessions = new ArrayList<>();
		for (int i = 0; i < users; i++) {
			sessions.add(this.instances.api(i % 3).login(Fixtures.unique("scale-redeem")));
		}
		List<Long> userIds = sessions.stream().map(Session::userId).toList();
		givePoints(userIds, 30);

		// Each user fires three redemptions at once, each to a different instance: they can afford
		// three, the limit is two, and there are fewer items than users.
		Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
		Map<Long, AtomicInteger> okPerUser = new ConcurrentHashMap<>();
		ExecutorService pool = Executors.newFixedThreadPool(48);
		try {
			CountDownLatch go = new CountDownLatch(1);
			List<Future<?>> results = new ArrayList<>();
			for (Session session : sessions) {
				for (int attempt = 0; attempt < 3; attempt++) {
					Instance api = new Instance(this.instances.port((int) ((session.userId() + attempt) % 3)));
					results.add(pool.submit(() -> {
						go.await();
						var response = api.redeem(session, rewardId);
						String code = ApiErrors.codeOf(response);
						String outcome = (code != null) ? code : "OK";
						outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
						if (code == null) {
							okPerUser.computeIfAbsent(session.userId(), k -> new AtomicInteger()).incrementAndGet();
						}
						return null;
					}));
				}
			}
			go.countDown();
			for (Future<?> result : results) {
				result.get(180, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(outcomes.get("OK")).as("outcomes %s", outcomes).hasValue(stock);
		assertThat(outcomes.keySet()).as("outcomes %s", outcomes).containsOnly("OK", "OUT_OF_STOCK", "LIMIT_EXCEEDED");
		assertThat(okPerUser.values()).allSatisfy(count -> assertThat(count.get()).isBetween(1, 2));
		assertThat(this.rig.orders(rewardId, "ISSUED")).isEqualTo(stock);
		assertThat(this.rig.mysqlStock(rewardId)).isZero();
		assertThat(this.rig.redisStock(rewardId)).isZero();
		assertThat(this.jdbc.queryForObject(
				"SELECT COALESCE(SUM(redeemed), 0) FROM reward_user_count WHERE reward_id = ?", Integer.class,
				rewardId))
			.isEqualTo(stock);
		for (Session session : sessions) {
			int ok = okPerUser.getOrDefault(session.userId(), new AtomicInteger()).get();
			assertThat(this.jdbc.queryForObject("SELECT balance FROM points_account WHERE user_id = ?", Integer.class,
					session.userId()))
				.isEqualTo(30 - 10 * ok);
		}
		// Σ ledger = account = Redis balance for every user, no hold left anywhere.
		this.rig.assertBooksAgree(userIds);
		// Nothing for the reconciler of any instance to repair: Redis already agrees with MySQL.
		assertThat(this.instances.beans(RedemptionReconciler.class).get(1).reconcile(Duration.ZERO).rewardsRepaired())
			.isZero();
		// The keys really are spread: every master holds some.
		for (int port : this.instances.cluster().ports()) {
			assertThat(this.instances.cluster().keysOn(port)).as("keys on %s", port).isPositive();
		}
	}

	@Test
	void aRequestThatDiedBetweenTheTwoHalvesIsFinishedByAnotherInstance() {
		long rewardId = this.rig.reward(10, 5, 5);
		// The hold and the reward must live on different masters (no single script could do both):
		// of six users, take one whose slot is on another node than the reward's.
		List<Long> candidates = this.rig.usersWithPoints(6, 100);
		int rewardNode = this.instances.cluster().portOf(RedemptionStore.rewardKey(rewardId));
		long userId = candidates.stream()
			.filter(id -> this.instances.cluster().portOf(RedemptionStore.holdKey(id)) != rewardNode)
			.findFirst()
			.orElseThrow();
		long other = candidates.stream().filter(id -> id != userId).findFirst().orElseThrow();
		List<Long> userIds = List.of(userId, other);
		RedemptionStore store = this.instances.beans(RedemptionStore.class).get(0);
		long stale = Instant.now().minus(Duration.ofMinutes(10)).toEpochMilli();

		// Died after both halves (no order in MySQL): everything is given back once.
		assertThat(store.reserve(-1_000_001L, userId, rewardId, 2, 5, 20, snapshot(rewardId, userId), stale))
			.isEqualTo(RedemptionStore.Outcome.RESERVED);
		assertThat(this.rig.redisStock(rewardId)).isEqualTo(3);
		// Died after the hold only: the user's points are freed, the stock (never taken) is left alone.
		this.redis.opsForHash().put(RedemptionStore.holdKey(other), "-1000002", "10:" + rewardId + ":1:" + stale);

		RedemptionReconciler reconciler = this.instances.beans(RedemptionReconciler.class).get(2);
		assertThat(reconciler.reconcile(Duration.ZERO).deadRedemptions()).isGreaterThanOrEqualTo(2);
		assertThat(this.rig.redisStock(rewardId)).isEqualTo(5);
		Map<String, String> reward = store.rewardHash(rewardId);
		assertThat(reward).containsEntry("p", "0").containsEntry("u" + userId, "0");
		assertThat(reward.keySet()).noneMatch(field -> field.startsWith("r"));
		this.rig.assertBooksAgree(userIds);
		assertThat(store.holds(userId)).isEmpty();
		assertThat(store.holds(other)).isEmpty();
	}

	private RedemptionStore.Snapshot snapshot(long rewardId, long userId) {
		int balance = this.jdbc.queryForObject("SELECT balance FROM points_account WHERE user_id = ?", Integer.class,
				userId);
		return RedemptionStore.Snapshot.withStock(this.rig.mysqlStock(rewardId), 0, 0, balance, 1);
	}

	/** Points for users who logged in through the API, written as one ADJUSTMENT each (ledger = account). */
	private void givePoints(List<Long> userIds, int points) {
		Timestamp now = Timestamp.from(Instant.now());
		for (long userId : userIds) {
			this.jdbc.update("INSERT INTO points_account (user_id, balance, version, created_at, updated_at) "
					+ "VALUES (?, ?, 1, ?, ?)", userId, points, now, now);
			this.jdbc.update("INSERT INTO points_entry (user_id, delta, balance_after, business_type, business_id, "
					+ "reason, created_at) VALUES (?, ?, ?, 'ADJUSTMENT', ?, '测试积分', ?)", userId, points, points,
					"scale-" + userId, now);
		}
	}

	/** GraphQL over HTTP to one instance. */
	private record Instance(int port) {

		org.springframework.graphql.test.tester.GraphQlTester.Response redeem(Session as, long rewardId) {
			return new cn.wenming.practice.testinfra.Api(this.port).as(as).documentName("redeem")
				.variable("rewardId", Long.toString(rewardId)).variable("quantity", 1)
				.variable("idempotencyKey", Fixtures.unique("scale-key-")).execute();
		}

	}

}
