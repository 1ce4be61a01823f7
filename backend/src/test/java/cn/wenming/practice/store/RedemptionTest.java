package cn.wenming.practice.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.points.PointsScenario;
import cn.wenming.practice.points.PointsWallet;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.DeleteMarkedKey;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.MutableClock;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 爱心超市 over HTTP: store admins manage rewards, users redeem (balance, stock, per-person limit,
 * availability), idempotency keys, pickup codes used once and only by the store's admins, cancel
 * and expiry refunds — and one user who can afford three firing 200 concurrent redemptions.
 */
@IntegrationTest
class RedemptionTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	MutableClock clock;

	@Autowired
	RedemptionJobs jobs;

	@Scenario
	PointsScenario s;

	// --- helpers

	String createReward(Session as, long stationId, int price, int stock, int limit) {
		return createRewardResponse(as, stationId, price, stock, limit).path("createReward.id").entity(String.class).get();
	}

	GraphQlTester.Response createRewardResponse(Session as, long stationId, int price, int stock, int limit) {
		Map<String, Object> input = new HashMap<>();
		input.put("stationId", Long.toString(stationId));
		input.put("name", Fixtures.unique("大米"));
		input.put("pictureUrl", "https://img.example.cn/rice.png");
		input.put("kind", "GOODS");
		input.put("pricePoints", price);
		input.put("stock", stock);
		input.put("perPersonLimit", limit);
		return this.s.api.as(as).documentName("createReward").variable("input", input).execute();
	}

	GraphQlTester.Response redeem(Session as, String rewardId, int quantity, String key) {
		return this.s.api.as(as).documentName("redeem").variable("rewardId", rewardId).variable("quantity", quantity)
			.variable("idempotencyKey", key).execute();
	}

	Session richVolunteer(String prefix, int points) {
		Session volunteer = this.s.volunteer(prefix);
		this.s.adjust(this.s.admin, volunteer.userId(), points, "志愿服务积分").path("adjustPoints.balanceAfter")
			.entity(Integer.class).isEqualTo(points);
		return volunteer;
	}

	int mysqlStock(String rewardId) {
		return this.jdbc.queryForObject("SELECT SUM(stock) FROM reward_stock WHERE reward_id = ?", Integer.class, Long.valueOf(rewardId));
	}

	Integer redisStock(String rewardId) {
		Object s = this.redis.opsForHash().get(RedemptionStore.rewardKey(Long.parseLong(rewardId)), "s");
		return (s == null) ? null : Integer.valueOf(s.toString());
	}

	void assertLedgerAccountAndRedisAgree(Session user) {
		long id = user.userId();
		assertThat(this.s.accountBalance(id)).isEqualTo(this.s.ledgerSum(id));
		assertThat(this.s.redisBalance(id)).isEqualTo(this.s.ledgerSum(id));
		assertThat(this.redis.opsForHash().size(RedemptionStore.holdKey(id))).isZero();
	}

	static String key() {
		return Fixtures.unique("key-");
	}

	// --- tests

	@Test
	void storeAdminsManageRewardsAndAnyoneListsThem() {
		Session stranger = this.s.api.login(Fixtures.unique("stranger"));
		ApiErrors.expectCode(createRewardResponse(stranger, this.s.tree.station(), 10, 5, 1), "FORBIDDEN");
		String rewardId = createReward(this.s.admin, this.s.tree.station(), 10, 5, 1);
		// An institute admin (above the station) may manage the store too.
		Session instituteAdmin = this.s.api.login(Fixtures.unique("inst-admin"));
		this.s.fixtures.grant(instituteAdmin.userId(), "INSTITUTE_ADMIN", this.s.tree.institute());
		this.s.api.as(instituteAdmin).documentName("restockReward").variable("rewardId", rewardId)
			.variable("quantity", 7).execute().path("restockReward.stock").entity(Integer.class).isEqualTo(12);
		ApiErrors.expectCode(this.s.api.as(stranger).documentName("restockReward").variable("rewardId", rewardId)
			.variable("quantity", 7).execute(), "FORBIDDEN");
		// Rewards belong to stations, not institutes.
		ApiErrors.expectCode(createRewardResponse(instituteAdmin, this.s.tree.institute(), 10, 5, 1), "BAD_REQUEST");

		this.s.api.anonymous().documentName("rewards").variable("stationId", Long.toString(this.s.tree.station()))
			.execute().path("rewards[*].id").entityList(String.class).containsExactly(rewardId)
			.path("rewards[0].stock").entity(Integer.class).isEqualTo(12);
		this.s.api.as(this.s.admin).documentName("withdrawReward").variable("rewardId", rewardId).execute()
			.path("withdrawReward.status").entity(String.class).isEqualTo("WITHDRAWN");
		this.s.api.anonymous().documentName("rewards").variable("stationId", Long.toString(this.s.tree.station()))
			.execute().path("rewards").entityList(Object.class).hasSize(0);

		Session volunteer = richVolunteer("withdrawn", 100);
		ApiErrors.expectCode(redeem(volunteer, rewardId, 1, key()), "REWARD_UNAVAILABLE");
		assertThat(this.s.entryCount(volunteer.userId(), "REDEMPTION")).isZero();
	}

	@Test
	void redeemingChecksBalanceStockAndLimitAndWritesOneEntry() {
		String rewardId = createReward(this.s.admin, this.s.tree.station(), 30, 3, 2);
		Session volunteer = richVolunteer("redeemer", 100);

		var first = redeem(volunteer, rewardId, 2, key());
		first.path("redeem.status").entity(String.class).isEqualTo("ISSUED")
			.path("redeem.points").entity(Integer.class).isEqualTo(60)
			.path("redeem.reward.id").entity(String.class).isEqualTo(rewardId)
			.path("redeem.pickupCode").entity(String.class).matches(code -> code.matches("[A-Z2-9]{16}"));
		assertThat(this.s.balance(volunteer)).isEqualTo(40);
		assertThat(this.s.entryCount(volunteer.userId(), "REDEMPTION")).isEqualTo(1);
		assertThat(mysqlStock(rewardId)).isEqualTo(1);
		assertThat(redisStock(rewardId)).isEqualTo(1);

		ApiErrors.expectCode(redeem(volunteer, rewardId, 1, key()), "LIMIT_EXCEEDED");
		Session other = richVolunteer("other", 100);
		ApiErrors.expectCode(redeem(other, rewardId, 2, key()), "OUT_OF_STOCK");
		Session poor = richVolunteer("poor", 20);
		ApiErrors.expectCode(redeem(poor, rewardId, 1, key()), "POINTS_INSUFFICIENT");
		ApiErrors.expectCode(redeem(poor, rewardId, 0, key()), "BAD_REQUEST");
		ApiErrors.expectCode(redeem(poor, rewardId, 1, "short"), "BAD_REQUEST");

		// Nothing of the refused attempts stays behind.
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM redemption WHERE reward_id = ?", Integer.class,
				Long.valueOf(rewardId))).isEqualTo(1);
		assertThat(mysqlStock(rewardId)).isEqualTo(1);
		assertThat(redisStock(rewardId)).isEqualTo(1);
		for (Session user : List.of(volunteer, other, poor)) {
			assertLedgerAccountAndRedisAgree(user);
		}
		this.s.api.as(volunteer).documentName("myRedemptions").execute()
			.path("myRedemptions.edges[*].node.reward.id").entityList(String.class).containsExactly(rewardId);
	}

	GraphQlTester.Response stationRedemptions(Session as, long stationId, String status, String from, String to,
			Integer first, String after) {
		Map<String, Object> vars = new HashMap<>();
		vars.put("stationId", Long.toString(stationId));
		vars.put("status", status);
		vars.put("from", from);
		vars.put("to", to);
		vars.put("first", first);
		vars.put("after", after);
		var request = this.s.api.as(as).documentName("stationRedemptions");
		vars.forEach(request::variable);
		return request.execute();
	}

	@Test
	void staffListAStationsRedemptionsByStatusAndPeriodWithoutPickupCodes() {
		Fixtures.Tree tree = this.s.fixtures.tree();
		Session stationAdmin = this.s.api.login(Fixtures.unique("desk-admin"));
		this.s.fixtures.grant(stationAdmin.userId(), "STATION_ADMIN", tree.station());
		String rewardId = createReward(stationAdmin, tree.station(), 10, 10, 5);
		Session volunteer = richVolunteer("desk", 100);
		String first = redeem(volunteer, rewardId, 1, key()).path("redeem.id").entity(String.class).get();
		String second = redeem(volunteer, rewardId, 2, key()).path("redeem.id").entity(String.class).get();
		String firstCode = this.jdbc.queryForObject("SELECT pickup_code FROM redemption WHERE id = ?", String.class,
				Long.valueOf(first));
		this.s.api.as(stationAdmin).documentName("fulfilRedemption").variable("code", firstCode).execute()
			.path("fulfilRedemption.status").entity(String.class).isEqualTo("FULFILLED");
		this.clock.shift(Duration.ofDays(1));
		String third = redeem(volunteer, rewardId, 1, key()).path("redeem.id").entity(String.class).get();
		// Another station's order is not on this desk.
		redeem(volunteer, createReward(this.s.admin, this.s.tree.station(), 10, 10, 5), 1, key());

		stationRedemptions(stationAdmin, tree.station(), null, null, null, null, null)
			.path("stationRedemptions.edges[*].node.id").entityList(String.class).containsExactly(third, second, first)
			.path("stationRedemptions.edges[*].node.pickupCode").entityList(Object.class).satisfies(codes ->
				assertThat(codes).allMatch(java.util.Objects::isNull))
			.path("stationRedemptions.edges[0].node.reward.id").entity(String.class).isEqualTo(rewardId);
		stationRedemptions(stationAdmin, tree.station(), "FULFILLED", null, null, null, null)
			.path("stationRedemptions.edges[*].node.id").entityList(String.class).containsExactly(first);
		stationRedemptions(stationAdmin, tree.station(), "ISSUED", null, null, null, null)
			.path("stationRedemptions.edges[*].node.id").entityList(String.class).containsExactly(third, second);
		String dayStart = this.clock.instant().minus(Duration.ofHours(1)).toString();
		stationRedemptions(stationAdmin, tree.station(), null, dayStart, null, null, null)
			.path("stationRedemptions.edges[*].node.id").entityList(String.class).containsExactly(third);
		stationRedemptions(stationAdmin, tree.station(), null, null, dayStart, null, null)
			.path("stationRedemptions.edges[*].node.id").entityList(String.class).containsExactly(second, first);
		ApiErrors.expectCode(stationRedemptions(stationAdmin, tree.station(), null, dayStart, dayStart, null, null),
				"BAD_REQUEST");
		// Paged newest first.
		String cursor = stationRedemptions(stationAdmin, tree.station(), null, null, null, 2, null)
			.path("stationRedemptions.edges[*].node.id").entityList(String.class).containsExactly(third, second)
			.path("stationRedemptions.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true)
			.path("stationRedemptions.pageInfo.endCursor").entity(String.class).get();
		stationRedemptions(stationAdmin, tree.station(), null, null, null, 2, cursor)
			.path("stationRedemptions.edges[*].node.id").entityList(String.class).containsExactly(first);

		// The 所 above may look; a sibling station's admin and the volunteer may not; anonymous is 401.
		Session instituteAdmin = this.s.api.login(Fixtures.unique("desk-inst"));
		this.s.fixtures.grant(instituteAdmin.userId(), "INSTITUTE_ADMIN", tree.institute());
		stationRedemptions(instituteAdmin, tree.station(), null, null, null, null, null)
			.path("stationRedemptions.edges").entityList(Object.class).hasSize(3);
		ApiErrors.expectCode(stationRedemptions(volunteer, tree.station(), null, null, null, null, null), "FORBIDDEN");
		ApiErrors.expectCode(stationRedemptions(stationAdmin, this.s.tree.station(), null, null, null, null, null),
				"FORBIDDEN");
	}

	@Test
	void outsideItsWindowARewardIsUnavailable() {
		Map<String, Object> input = new HashMap<>();
		input.put("stationId", Long.toString(this.s.tree.station()));
		input.put("name", "中秋月饼");
		input.put("kind", "GOODS");
		input.put("pricePoints", 5);
		input.put("stock", 5);
		input.put("perPersonLimit", 1);
		input.put("availableFrom", this.clock.instant().plus(Duration.ofDays(1)).toString());
		String rewardId = this.s.api.as(this.s.admin).documentName("createReward").variable("input", input).execute()
			.path("createReward.id").entity(String.class).get();
		Session volunteer = richVolunteer("early", 10);
		ApiErrors.expectCode(redeem(volunteer, rewardId, 1, key()), "REWARD_UNAVAILABLE");
		this.clock.shift(Duration.ofDays(2));
		redeem(volunteer, rewardId, 1, key()).path("redeem.status").entity(String.class).isEqualTo("ISSUED");
	}

	@Test
	void aPickupCodeIsUsedOnceAndOnlyByTheStoresAdmins() {
		String rewardId = createReward(this.s.admin, this.s.tree.station(), 10, 10, 5);
		Session volunteer = richVolunteer("pickup", 100);
		String code = redeem(volunteer, rewardId, 1, key()).path("redeem.pickupCode").entity(String.class).get();
		String second = redeem(volunteer, rewardId, 1, key()).path("redeem.pickupCode").entity(String.class).get();
		assertThat(second).isNotEqualTo(code);

		// Another station's admin (same institute) may not hand it out; the owner may not either.
		Fixtures.Tree otherTree = this.s.fixtures.tree();
		Session otherAdmin = this.s.api.login(Fixtures.unique("other-admin"));
		this.s.fixtures.grant(otherAdmin.userId(), "STATION_ADMIN", otherTree.station());
		long sibling = this.s.fixtures.unit(this.s.tree.institute(), "STATION", Fixtures.unique("站"), 31.3, 119.8);
		Session siblingAdmin = this.s.api.login(Fixtures.unique("sibling-admin"));
		this.s.fixtures.grant(siblingAdmin.userId(), "STATION_ADMIN", sibling);
		for (Session wrong : List.of(otherAdmin, siblingAdmin, volunteer)) {
			ApiErrors.expectCode(this.s.api.as(wrong).documentName("fulfilRedemption").variable("code", code).execute(),
					"FORBIDDEN");
		}
		ApiErrors.expectCode(this.s.api.as(this.s.admin).documentName("fulfilRedemption")
			.variable("code", "ABCDEFGHJKLMNPQR").execute(), "PICKUP_CODE_INVALID");

		this.s.api.as(this.s.admin).documentName("fulfilRedemption").variable("code", code).execute()
			.path("fulfilRedemption.status").entity(String.class).isEqualTo("FULFILLED")
			.path("fulfilRedemption.pickupCode").valueIsNull();
		ApiErrors.expectCode(this.s.api.as(this.s.admin).documentName("fulfilRedemption").variable("code", code)
			.execute(), "PICKUP_CODE_USED");
		// The institute's admin answers for the station's store.
		Session instituteAdmin = this.s.api.login(Fixtures.unique("inst-admin"));
		this.s.fixtures.grant(instituteAdmin.userId(), "INSTITUTE_ADMIN", this.s.tree.institute());
		this.s.api.as(instituteAdmin).documentName("fulfilRedemption").variable("code", second.toLowerCase()).execute()
			.path("fulfilRedemption.status").entity(String.class).isEqualTo("FULFILLED");

		// A fulfilled order cannot be cancelled; points stay spent.
		String fulfilledId = this.jdbc.queryForObject("SELECT id FROM redemption WHERE pickup_code = ?", String.class,
				code);
		ApiErrors.expectCode(this.s.api.as(volunteer).documentName("cancelRedemption").variable("id", fulfilledId)
			.execute(), "PICKUP_CODE_USED");
		assertThat(this.s.balance(volunteer)).isEqualTo(80);
	}

	@Test
	void cancellingBeforePickupRefundsPointsAndStock() {
		String rewardId = createReward(this.s.admin, this.s.tree.station(), 25, 4, 4);
		Session volunteer = richVolunteer("canceller", 100);
		String orderId = redeem(volunteer, rewardId, 2, key()).path("redeem.id").entity(String.class).get();
		assertThat(this.s.balance(volunteer)).isEqualTo(50);
		assertThat(redisStock(rewardId)).isEqualTo(2);

		Session stranger = richVolunteer("stranger", 1);
		ApiErrors.expectCode(this.s.api.as(stranger).documentName("cancelRedemption").variable("id", orderId).execute(),
				"FORBIDDEN");
		this.s.api.as(volunteer).documentName("cancelRedemption").variable("id", orderId).execute()
			.path("cancelRedemption.status").entity(String.class).isEqualTo("CANCELLED");
		assertThat(this.s.balance(volunteer)).isEqualTo(100);
		assertThat(this.s.entryCount(volunteer.userId(), "REDEMPTION_REFUND")).isEqualTo(1);
		assertThat(mysqlStock(rewardId)).isEqualTo(4);
		assertThat(redisStock(rewardId)).isEqualTo(4);
		ApiErrors.expectCode(this.s.api.as(volunteer).documentName("cancelRedemption").variable("id", orderId).execute(),
				"CONFLICT");
		assertThat(this.s.entryCount(volunteer.userId(), "REDEMPTION_REFUND")).isEqualTo(1);
		// The per-person count came back too: the whole limit can be redeemed again.
		redeem(volunteer, rewardId, 4, key()).path("redeem.status").entity(String.class).isEqualTo("ISSUED");
		// The store's admin may cancel for the resident.
		String second = this.jdbc.queryForObject(
				"SELECT id FROM redemption WHERE user_id = ? AND status = 'ISSUED'", String.class, volunteer.userId());
		this.s.api.as(this.s.admin).documentName("cancelRedemption").variable("id", second).execute()
			.path("cancelRedemption.status").entity(String.class).isEqualTo("CANCELLED");
		assertLedgerAccountAndRedisAgree(volunteer);
		assertThat(mysqlStock(rewardId)).isEqualTo(4);
		assertThat(redisStock(rewardId)).isEqualTo(4);

		// Redis forgets the user's side (a flush): MySQL says count 0, so the next redemption tries to
		// create the count row — which the cancels left at 0 — meets its key, and the guarded update counts.
		long reward = Long.parseLong(rewardId);
		this.redis.delete(PointsWallet.balanceKey(volunteer.userId()));
		this.redis.opsForHash().delete(RedemptionStore.rewardKey(reward), "u" + volunteer.userId());
		redeem(volunteer, rewardId, 3, key()).path("redeem.status").entity(String.class).isEqualTo("ISSUED");
		assertThat(this.jdbc.queryForObject("SELECT redeemed FROM reward_user_count WHERE reward_id = ? AND user_id = ?",
				Integer.class, reward, volunteer.userId())).isEqualTo(3);
		redeem(volunteer, rewardId, 1, key()).path("redeem.status").entity(String.class).isEqualTo("ISSUED");
		assertThat(this.jdbc.queryForObject("SELECT redeemed FROM reward_user_count WHERE reward_id = ? AND user_id = ?",
				Integer.class, reward, volunteer.userId())).isEqualTo(4);
		assertLedgerAccountAndRedisAgree(volunteer);
		assertThat(mysqlStock(rewardId)).isZero();
		assertThat(redisStock(rewardId)).isZero();
	}

	@Test
	void expiredOrdersAreCancelledAndRefundedOnceByTheJob() {
		String rewardId = createReward(this.s.admin, this.s.tree.station(), 10, 5, 5);
		Session volunteer = richVolunteer("late", 50);
		String code = redeem(volunteer, rewardId, 3, key()).path("redeem.pickupCode").entity(String.class).get();
		String kept = redeem(volunteer, rewardId, 1, key()).path("redeem.pickupCode").entity(String.class).get();
		this.s.api.as(this.s.admin).documentName("fulfilRedemption").variable("code", kept).execute()
			.path("fulfilRedemption.status").entity(String.class).isEqualTo("FULFILLED");
		assertThat(this.s.balance(volunteer)).isEqualTo(10);

		this.clock.shift(Duration.ofDays(8));
		ApiErrors.expectCode(this.s.api.as(this.s.admin).documentName("fulfilRedemption").variable("code", code)
			.execute(), "PICKUP_CODE_INVALID");
		assertThat(this.jobs.expire()).isGreaterThanOrEqualTo(1);
		assertThat(this.jdbc.queryForObject("SELECT status FROM redemption WHERE pickup_code = ?", String.class, code))
			.isEqualTo("EXPIRED");
		assertThat(this.jdbc.queryForObject("SELECT status FROM redemption WHERE pickup_code = ?", String.class, kept))
			.isEqualTo("FULFILLED");
		this.jobs.expire();
		assertThat(this.s.entryCount(volunteer.userId(), "REDEMPTION_REFUND")).isEqualTo(1);
		assertThat(this.s.balance(volunteer)).isEqualTo(40);
		assertThat(mysqlStock(rewardId)).isEqualTo(4);
		assertThat(redisStock(rewardId)).isEqualTo(4);
		assertLedgerAccountAndRedisAgree(volunteer);
	}

	@Test
	void oneIdempotencyKeySentAHundredTimesRedeemsOnce() throws Exception {
		String rewardId = createReward(this.s.admin, this.s.tree.station(), 10, 100, 100);
		Session volunteer = richVolunteer("idem", 1000);
		String key = key();
		List<String> responses = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(50);
		try {
			CountDownLatch go = new CountDownLatch(1);
			List<Future<String>> concurrent = new ArrayList<>();
			for (int i = 0; i < 50; i++) {
				concurrent.add(pool.submit(() -> {
					go.await();
					return redeem(volunteer, rewardId, 2, key).path("redeem").entity(Map.class).get().toString();
				}));
			}
			go.countDown();
			for (Future<String> response : concurrent) {
				responses.add(response.get(60, TimeUnit.SECONDS));
			}
		}
		finally {
			pool.shutdownNow();
		}
		for (int i = 0; i < 50; i++) {
			responses.add(redeem(volunteer, rewardId, 2, key).path("redeem").entity(Map.class).get().toString());
		}
		assertThat(responses).hasSize(100);
		assertThat(responses.stream().distinct()).hasSize(1);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM redemption WHERE user_id = ?", Integer.class,
				volunteer.userId())).isEqualTo(1);
		assertThat(this.s.entryCount(volunteer.userId(), "REDEMPTION")).isEqualTo(1);
		assertThat(this.s.balance(volunteer)).isEqualTo(980);
		assertThat(mysqlStock(rewardId)).isEqualTo(98);

		ApiErrors.expectCode(redeem(volunteer, rewardId, 3, key), "IDEMPOTENCY_KEY_REUSED");
		// The key is the user's: another user's same key is a request of its own.
		Session other = richVolunteer("idem-other", 100);
		redeem(other, rewardId, 2, key).path("redeem.status").entity(String.class).isEqualTo("ISSUED");
		assertLedgerAccountAndRedisAgree(volunteer);
		assertLedgerAccountAndRedisAgree(other);
	}

	/**
	 * A first request that failed released its claim with a DELETE; the key's entry in
	 * uk_redemption_idempotency stays, delete-marked, until purge, and requests retried with the key
	 * at once each share-lock it and deadlock. The victims used to answer CONFLICT; now they run
	 * again and meet the winner's order (DeleteMarkedKey makes the race certain).
	 */
	@Test
	void requestsRetryingAReleasedKeyAtOnceAllGetTheOneOrder() throws Exception {
		String rewardId = createReward(this.s.admin, this.s.tree.station(), 10, 10, 10);
		Session volunteer = this.s.volunteer("released");
		String key = key();
		Callable<String> retry = () -> {
			GraphQlTester.Response response = redeem(volunteer, rewardId, 1, key);
			String code = ApiErrors.codeOf(response);
			return (code != null) ? code : response.path("redeem.id").entity(String.class).get();
		};
		List<String> outcomes;
		try (DeleteMarkedKey held = DeleteMarkedKey.hold(this.jdbc.getDataSource())) {
			ApiErrors.expectCode(redeem(volunteer, rewardId, 1, key), "POINTS_INSUFFICIENT");
			this.s.adjust(this.s.admin, volunteer.userId(), 50, "志愿服务积分").path("adjustPoints.balanceAfter")
				.entity(Integer.class).isEqualTo(50);
			outcomes = held.race("""
					SELECT id FROM redemption FORCE INDEX (uk_redemption_idempotency)
					WHERE user_id = ? AND idempotency_key = ? LOCK IN SHARE MODE""", List.of(volunteer.userId(), key),
					Collections.nCopies(4, retry));
		}
		String order = this.jdbc.queryForObject("SELECT id FROM redemption WHERE user_id = ? AND idempotency_key = ?",
				String.class, volunteer.userId(), key);
		assertThat(outcomes).containsOnly(order);
		assertThat(this.s.balance(volunteer)).isEqualTo(40);
		assertLedgerAccountAndRedisAgree(volunteer);
	}

	@Test
	void oneUserWhoCanAffordThreeFiringTwoHundredConcurrentRedemptionsGetsExactlyThree() throws Exception {
		String rewardId = createReward(this.s.admin, this.s.tree.station(), 10, 1000, 1000);
		Session volunteer = richVolunteer("burst", 35);
		List<String> outcomes = new ArrayList<>();
		// 40 client threads: the shared 2-core test machine is slow, the server still sees a race.
		ExecutorService pool = Executors.newFixedThreadPool(40);
		try {
			CountDownLatch go = new CountDownLatch(1);
			List<Future<String>> results = new ArrayList<>();
			for (int i = 0; i < 200; i++) {
				results.add(pool.submit(() -> {
					go.await();
					var response = redeem(volunteer, rewardId, 1, key());
					String code = ApiErrors.codeOf(response);
					return (code != null) ? code : "OK";
				}));
			}
			go.countDown();
			for (Future<String> result : results) {
				outcomes.add(result.get(120, TimeUnit.SECONDS));
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(outcomes.stream().filter("OK"::equals).count()).isEqualTo(3);
		assertThat(outcomes.stream().filter("POINTS_INSUFFICIENT"::equals).count()).isEqualTo(197);
		assertThat(this.s.entryCount(volunteer.userId(), "REDEMPTION")).isEqualTo(3);
		assertThat(this.s.accountBalance(volunteer.userId())).isEqualTo(5L);
		assertThat(mysqlStock(rewardId)).isEqualTo(997);
		assertThat(redisStock(rewardId)).isEqualTo(997);
		assertLedgerAccountAndRedisAgree(volunteer);
	}

}
