package cn.wenming.practice.store;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import cn.wenming.practice.shared.CommonError;
import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.points.PointsWallet;
import cn.wenming.practice.points.PrivateRedisPoints;
import cn.wenming.practice.shared.DomainException;
import cn.wenming.practice.testinfra.HeavyTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.jedis.JedisClientConfiguration;
import org.springframework.data.redis.connection.jedis.JedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Redemptions when Redis misbehaves, on a PRIVATE Redis server this test starts, flushes, restarts
 * and stops (the shared one is never touched): the redemption beans are built by hand on it, over
 * the shared context's MySQL. After a flush, a restart, an outage, a failure between the Redis and
 * the MySQL step (undone at once) and a crash there (repaired by the reconciler), Σ ledger =
 * account = Redis for every user and Redis stock = MySQL stock.
 */
@IntegrationTest
@HeavyTest
class RedemptionRedisFailureTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RewardMapper rewards;

	@Autowired
	RedemptionMapper orders;

	@Autowired
	ApplicationContext context;

	@Autowired
	RedemptionProperties redemptionProperties;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	Clock clock;

	int port;

	RedisServer server;

	JedisConnectionFactory connections;

	StringRedisTemplate redis;

	/** Redemption ids whose MySQL step fails after Redis reserved; and those whose undo "crashes" too. */
	final Set<Long> failBetween = ConcurrentHashMap.newKeySet();

	final Set<Long> crashBeforeUndo = ConcurrentHashMap.newKeySet();

	boolean failNext;

	boolean crashNext;

	Redemptions redemptions;

	RedemptionReconciler reconciler;

	PrivateRedisPoints points;

	RedemptionStore store;

	RedemptionFaults faults;

	RedemptionRig rig;

	@BeforeEach
	void startPrivateRedis() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			this.port = socket.getLocalPort();
		}
		startServer();
		wire();
	}

	/** A new connection factory on the private server, and the redemption beans over it. */
	private void wire() {
		this.connections = new JedisConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", this.port),
				JedisClientConfiguration.builder().connectTimeout(Duration.ofMillis(500))
					.readTimeout(Duration.ofMillis(1000)).usePooling().build());
		this.connections.afterPropertiesSet();
		this.connections.start();
		this.redis = new StringRedisTemplate(this.connections);
		this.points = new PrivateRedisPoints(this.context, this.redis);
		RedemptionStore store = new RedemptionStore(this.redis, this.points.wallet());
		this.store = store;
		RedemptionFaults faults = new RedemptionFaults() {
			@Override
			void afterReserve(long redemptionId) {
				if (RedemptionRedisFailureTest.this.failNext) {
					RedemptionRedisFailureTest.this.failNext = false;
					throw new IllegalStateException("injected: MySQL step failed");
				}
			}

			@Override
			void beforeUndo(long redemptionId) {
				if (RedemptionRedisFailureTest.this.crashNext) {
					RedemptionRedisFailureTest.this.crashNext = false;
					throw new IllegalStateException("injected: process died before undoing");
				}
			}
		};
		this.faults = faults;
		this.redemptions = new Redemptions(this.rewards, new RecentRewards(this.rewards, this.redemptionProperties),
				new ShardLevels(this.rewards, this.redemptionProperties), this.orders, this.points.wallet(), store, faults,
				this.redemptionProperties, this.clock, this.transactionManager);
		this.reconciler = new RedemptionReconciler(store, this.orders, this.rewards, this.points.wallet(),
				this.redemptionProperties, this.clock);
		this.rig = new RedemptionRig(this.jdbc, this.redis);
	}

	@AfterEach
	void stopPrivateRedis() throws IOException {
		this.connections.destroy();
		if (this.server.isActive()) {
			this.server.stop();
		}
	}

	private void startServer() throws IOException {
		this.server = RedisServer.newRedisServer()
			.port(this.port)
			.bind("127.0.0.1")
			.setting("save \"\"")
			.setting("appendonly no")
			.build();
		this.server.start();
	}

	private String redeem(long userId, long rewardId, String key) {
		try {
			this.redemptions.redeem(userId, rewardId, 1, key);
			return "OK";
		}
		catch (DomainException ex) {
			return ex.code().name();
		}
	}

	private void assertConsistent(List<Long> users, long rewardId) {
		this.rig.assertBooksAgree(users);
		for (long userId : users) {
			// Read through the cache: loads what a flush lost, and must equal the ledger.
			assertThat((long) this.points.shownBalance(userId)).isEqualTo(this.jdbc
				.queryForObject("SELECT COALESCE(SUM(delta), 0) FROM points_entry WHERE user_id = ?", Long.class, userId));
		}
		Integer redisStock = this.rig.redisStock(rewardId);
		if (redisStock != null) {
			assertThat(redisStock).isEqualTo(this.rig.mysqlStock(rewardId));
		}
	}

	@Test
	void afterAFlushAndARestartRedisIsReloadedFromMySqlAndNothingOversells() throws Exception {
		List<Long> users = this.rig.usersWithPoints(3, 50);
		long rewardId = this.rig.reward(20, 4, 2);
		assertThat(redeem(users.get(0), rewardId, "first-key-0")).isEqualTo("OK");
		assertThat(redeem(users.get(1), rewardId, "first-key-1")).isEqualTo("OK");
		assertConsistent(users, rewardId);

		this.redis.getRequiredConnectionFactory().getConnection().serverCommands().flushAll();
		assertThat(this.rig.redisStock(rewardId)).isNull();
		// user 0 has 30 left and one of two allowed; stock 2 left.
		assertThat(redeem(users.get(0), rewardId, "after-flush-0")).isEqualTo("OK");
		assertThat(redeem(users.get(0), rewardId, "after-flush-0b")).isEqualTo("LIMIT_EXCEEDED");
		assertThat(this.rig.redisStock(rewardId)).isEqualTo(1);
		assertConsistent(users, rewardId);

		// A restart of a Redis without persistence loses everything, as a flush.
		this.server.stop();
		startServer();
		this.connections.destroy();
		wire();
		assertThat(redeem(users.get(0), rewardId, "after-restart-0")).isEqualTo("LIMIT_EXCEEDED");
		assertThat(redeem(users.get(1), rewardId, "after-restart-1")).isEqualTo("OK");
		assertThat(redeem(users.get(2), rewardId, "after-restart-2")).isEqualTo("OUT_OF_STOCK");
		assertThat(this.rig.mysqlStock(rewardId)).isZero();
		assertThat(this.rig.redisStock(rewardId)).isZero();
		assertConsistent(users, rewardId);
		assertThat(this.reconciler.reconcile(Duration.ZERO)).isEqualTo(new RedemptionReconciler.Result(0, 0, 0));
	}

	@Test
	void withRedisDownRedeemingFailsCleanlyAndBalancesAreReadFromMySql() throws Exception {
		List<Long> users = this.rig.usersWithPoints(1, 50);
		long rewardId = this.rig.reward(20, 4, 2);
		assertThat(redeem(users.get(0), rewardId, "before-down")).isEqualTo("OK");
		this.server.stop();

		assertThatThrownBy(() -> this.redemptions.redeem(users.get(0), rewardId, 1, "while-down"))
			.isInstanceOfSatisfying(DomainException.class,
					ex -> assertThat(ex.code()).isEqualTo(CommonError.SERVICE_UNAVAILABLE));
		assertThat(this.points.shownBalance(users.get(0))).isEqualTo(30);
		assertThat(this.rig.mysqlStock(rewardId)).isEqualTo(3);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM redemption WHERE user_id = ?", Integer.class,
				users.get(0))).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM points_entry WHERE user_id = ?", Integer.class,
				users.get(0))).isEqualTo(2);

		startServer();
		this.connections.destroy();
		wire();
		// The same key works once Redis is back: the failed attempt left no claim behind.
		assertThat(redeem(users.get(0), rewardId, "while-down")).isEqualTo("OK");
		assertThat(this.points.shownBalance(users.get(0))).isEqualTo(10);
		assertConsistent(users, rewardId);
	}

	@Test
	void aFailureBetweenRedisAndMySqlIsUndoneAndACrashThereIsRepairedByTheReconciler() {
		List<Long> users = this.rig.usersWithPoints(2, 50);
		long rewardId = this.rig.reward(20, 5, 2);
		assertThat(redeem(users.get(0), rewardId, "ok-0")).isEqualTo("OK");

		// The MySQL step fails: Redis is given back at once, no order or entry exists, the key is free.
		this.failNext = true;
		assertThatThrownBy(() -> this.redemptions.redeem(users.get(1), rewardId, 1, "fails-1"))
			.hasMessageContaining("injected");
		assertThat(this.rig.redisStock(rewardId)).isEqualTo(4);
		assertThat(this.rig.mysqlStock(rewardId)).isEqualTo(4);
		assertConsistent(users, rewardId);
		assertThat(this.orders.findByKey(users.get(1), "fails-1")).isNull();

		// The process "dies" between the steps: Redis keeps the reservation, MySQL a PENDING claim.
		this.failNext = true;
		this.crashNext = true;
		assertThatThrownBy(() -> this.redemptions.redeem(users.get(1), rewardId, 1, "crash-1"))
			.hasMessageContaining("injected");
		assertThat(this.rig.redisStock(rewardId)).isEqualTo(3);
		assertThat(this.rig.mysqlStock(rewardId)).isEqualTo(4);
		assertThat(this.redis.opsForHash().size(RedemptionStore.holdKey(users.get(1)))).isEqualTo(1);
		assertThat(this.orders.findByKey(users.get(1), "crash-1").getStatus()).isEqualTo(RedemptionStatus.PENDING);
		// A live redemption is not touched while it may still be running.
		assertThat(this.reconciler.reconcile(Duration.ofMinutes(2)).deadRedemptions()).isZero();

		RedemptionReconciler.Result repaired = this.reconciler.reconcile(Duration.ZERO);
		assertThat(repaired.deadRedemptions()).isEqualTo(1);
		assertThat(this.orders.findByKey(users.get(1), "crash-1")).isNull();
		assertThat(this.rig.redisStock(rewardId)).isEqualTo(4);
		assertConsistent(users, rewardId);
		// Nothing left to do: a second run repairs nothing.
		assertThat(this.reconciler.reconcile(Duration.ZERO)).isEqualTo(new RedemptionReconciler.Result(0, 0, 0));

		// Drift of any other origin (a lost after-commit update, a hand edit) is replaced by MySQL.
		this.redis.opsForHash().put(RedemptionStore.rewardKey(rewardId), "s", "40");
		this.redis.opsForHash().put(RedemptionStore.rewardKey(rewardId), "u" + users.get(0), "0");
		this.redis.opsForHash().put(PointsWallet.balanceKey(users.get(0)), "b", "999");
		RedemptionReconciler.Result drift = this.reconciler.reconcile(Duration.ZERO);
		assertThat(drift.rewardsRepaired()).isEqualTo(1);
		assertThat(drift.balancesRepaired()).isGreaterThanOrEqualTo(1);
		assertConsistent(users, rewardId);
		assertThat(redeem(users.get(0), rewardId, "ok-0b")).isEqualTo("OK");
		assertThat(redeem(users.get(0), rewardId, "ok-0c")).isEqualTo("LIMIT_EXCEEDED");
		assertConsistent(users, rewardId);
	}

	/**
	 * An instance dies mid-redemption: the frequent dead check (every 30 s, not the 10-minute full
	 * reconciliation) gives back its reservation and frees the key, so the user's retry with the same
	 * key redeems; it repairs nothing else (a drifted balance waits for the full run).
	 */
	@Test
	void theDeadCheckFreesADeadRedemptionsKeyAndLeavesOtherDriftToTheFullRun() {
		List<Long> users = this.rig.usersWithPoints(2, 50);
		long rewardId = this.rig.reward(20, 5, 2);
		assertThat(redeem(users.get(1), rewardId, "ok-1")).isEqualTo("OK");
		this.failNext = true;
		this.crashNext = true;
		assertThatThrownBy(() -> this.redemptions.redeem(users.get(0), rewardId, 1, "died-0"))
			.hasMessageContaining("injected");
		assertThat(this.orders.findByKey(users.get(0), "died-0").getStatus()).isEqualTo(RedemptionStatus.PENDING);
		this.redis.opsForHash().put(PointsWallet.balanceKey(users.get(1)), "b", "999");

		assertThat(this.reconciler.finishDead(Duration.ofMinutes(2))).as("still possibly running").isZero();
		assertThat(this.reconciler.finishDead(Duration.ZERO)).isEqualTo(1);
		assertThat(this.orders.findByKey(users.get(0), "died-0")).isNull();
		assertThat(this.redis.opsForHash().size(RedemptionStore.holdKey(users.get(0)))).isZero();
		assertThat(this.rig.redisStock(rewardId)).isEqualTo(4);
		assertThat(this.redis.opsForHash().get(PointsWallet.balanceKey(users.get(1)), "b")).isEqualTo("999");

		assertThat(redeem(users.get(0), rewardId, "died-0")).isEqualTo("OK");
		assertThat(this.reconciler.reconcile(Duration.ZERO).balancesRepaired()).isGreaterThanOrEqualTo(1);
		assertConsistent(users, rewardId);
	}

	/**
	 * MySQL fails the request and is still down when it gives its claim back (FaultDrillTest's MySQL
	 * drill): the instance releases the claim as soon as MySQL answers again, so the client's retry
	 * with the same key is not told "still processing" until the reconciler's next tick.
	 */
	@Test
	void aClaimMySqlCouldNotReleaseIsReleasedOnceItAnswersAgain() {
		List<Long> users = this.rig.usersWithPoints(1, 50);
		long rewardId = this.rig.reward(20, 4, 2);
		java.util.concurrent.atomic.AtomicInteger refusals = new java.util.concurrent.atomic.AtomicInteger(2);
		RedemptionMapper down = (RedemptionMapper) java.lang.reflect.Proxy.newProxyInstance(
				RedemptionMapper.class.getClassLoader(), new Class<?>[] { RedemptionMapper.class },
				(proxy, method, args) -> {
					if (method.getName().equals("release") && refusals.getAndDecrement() > 0) {
						throw new org.springframework.jdbc.CannotGetJdbcConnectionException("injected: MySQL down");
					}
					try {
						return method.invoke(this.orders, args);
					}
					catch (java.lang.reflect.InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
		Redemptions redemptions = new Redemptions(this.rewards, new RecentRewards(this.rewards, this.redemptionProperties),
				new ShardLevels(this.rewards, this.redemptionProperties), down, this.points.wallet(), this.store, this.faults,
				this.redemptionProperties, this.clock, this.transactionManager);
		this.failNext = true;
		assertThatThrownBy(() -> redemptions.redeem(users.get(0), rewardId, 1, "mysql-down"))
			.hasMessageContaining("injected");
		// Redis was given back at once; the claim waits for MySQL (two more refusals, a second apart).
		assertThat(this.rig.redisStock(rewardId)).isEqualTo(4);
		assertThat(this.orders.findByKey(users.get(0), "mysql-down")).isNotNull();
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15))
			.until(() -> this.orders.findByKey(users.get(0), "mysql-down") == null);
		assertThat(refusals.get()).isNegative();
		assertThat(redeem(users.get(0), rewardId, "mysql-down")).isEqualTo("OK");
		assertConsistent(users, rewardId);
	}

}
