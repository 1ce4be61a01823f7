package cn.wenming.practice.points;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import cn.wenming.practice.testinfra.AfterCommit;
import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.IdempotencyKeys;
import cn.wenming.practice.testinfra.MutableClock;
import cn.wenming.practice.testinfra.Volunteers;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A fresh org tree with a station admin, and helpers to earn points the way users do (activity
 * hours, needs) and to check the ledger, the account and the Redis copy against each other.
 * Shared by the points tests.
 */
public final class PointsScenario {

	public final Api api;

	public final JdbcTemplate jdbc;

	public final StringRedisTemplate redis;

	public final Fixtures fixtures;

	public final Fixtures.Tree tree;

	public final Session admin;

	public PointsScenario(Api api, JdbcTemplate jdbc, StringRedisTemplate redis) {
		this.api = api;
		this.jdbc = jdbc;
		this.redis = redis;
		this.fixtures = new Fixtures(jdbc);
		this.tree = this.fixtures.tree();
		this.admin = api.login(Fixtures.unique("points-admin"));
		this.fixtures.grant(this.admin.userId(), "STATION_ADMIN", this.tree.station());
	}

	/** A new user registered as a volunteer at the scenario's station; returns the session and volunteer id. */
	public Session volunteer(String prefix) {
		Session session = this.api.login(Fixtures.unique(prefix));
		Volunteers.register(this.api.as(session), this.tree.station());
		return session;
	}

	// --- Points API.

	/** An adjustment with a fresh idempotency key, as a client makes one per intended adjustment. */
	public GraphQlTester.Response adjust(Session as, long userId, int delta, String reason) {
		return adjust(as, userId, delta, reason, "adj-" + java.util.UUID.randomUUID());
	}

	public GraphQlTester.Response adjust(Session as, long userId, int delta, String reason, String idempotencyKey) {
		Map<String, Object> input = Map.of("userId", Long.toString(userId), "delta", delta, "reason", reason,
				"idempotencyKey", idempotencyKey);
		return this.api.as(as).documentName("adjustPoints").variable("input", input).execute();
	}

	GraphQlTester.Response reverse(Session as, String entryId, String reason) {
		return this.api.as(as).documentName("reversePointsEntry").variable("entryId", entryId)
			.variable("reason", reason).execute();
	}

	public int balance(Session as) {
		settle();
		return this.api.as(as).documentName("myPoints").execute().path("me.points.balance").entity(Integer.class).get();
	}

	GraphQlTester.Response entries(Session as, Integer first, String after) {
		settle();
		return this.api.as(as).documentName("pointsEntries").variable("first", first).variable("after", after).execute();
	}

	/**
	 * Points are awarded by after-commit listeners on other threads: every read of balances and
	 * entries first waits until they have run.
	 */
	void settle() {
		AfterCommit.awaitListeners(this.jdbc);
	}

	// --- Stores.

	public long ledgerSum(long userId) {
		settle();
		return this.jdbc.queryForObject("SELECT COALESCE(SUM(delta), 0) FROM points_entry WHERE user_id = ?", Long.class,
				userId);
	}

	public Long accountBalance(long userId) {
		settle();
		List<Long> rows = this.jdbc.queryForList("SELECT balance FROM points_account WHERE user_id = ?", Long.class,
				userId);
		return rows.isEmpty() ? null : rows.get(0);
	}

	public Long accountDebt(long userId) {
		settle();
		List<Long> rows = this.jdbc.queryForList("SELECT debt FROM points_account WHERE user_id = ?", Long.class, userId);
		return rows.isEmpty() ? null : rows.get(0);
	}

	public long ledgerDebt(long userId) {
		settle();
		return this.jdbc.queryForObject("SELECT COALESCE(SUM(debt_change), 0) FROM points_entry WHERE user_id = ?",
				Long.class, userId);
	}

	/**
	 * The invariant of the ledger: Σ deltas = account balance = Redis balance, and
	 * Σ debt changes = account debt; the balance is never negative. Returns the balance.
	 */
	public long assertConsistent(long userId) {
		long sum = ledgerSum(userId);
		Long account = accountBalance(userId);
		org.assertj.core.api.Assertions.assertThat(account).as("account balance").isEqualTo(sum);
		org.assertj.core.api.Assertions.assertThat(sum).as("balance").isNotNegative();
		// Every commit refreshes Redis: a missing copy here would hide a lost refresh.
		org.assertj.core.api.Assertions.assertThat(redisBalance(userId)).as("Redis balance").isEqualTo(sum);
		org.assertj.core.api.Assertions.assertThat(accountDebt(userId)).as("account debt").isEqualTo(ledgerDebt(userId));
		return sum;
	}

	public Long redisBalance(long userId) {
		settle();
		Object value = this.redis.opsForHash().get(PointsBalanceCache.key(userId), "b");
		return (value == null) ? null : Long.valueOf(value.toString());
	}

	public int entryCount(long userId, String type) {
		settle();
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM points_entry WHERE user_id = ? AND business_type = ?",
				Integer.class, userId, type);
	}

	// --- Spending in the station's 爱心超市 (over the store API).

	/** {@code volunteer} redeems one of a new reward of the scenario's station priced {@code points}; returns the order id. */
	public String spendAtStore(Session volunteer, int points) {
		Map<String, Object> input = new HashMap<>();
		input.put("stationId", Long.toString(this.tree.station()));
		input.put("name", Fixtures.unique("大米"));
		input.put("pictureUrl", "https://img.example.cn/rice.png");
		input.put("kind", "GOODS");
		input.put("pricePoints", points);
		input.put("stock", 5);
		input.put("perPersonLimit", 1);
		String rewardId = this.api.as(this.admin).documentName("createReward").variable("input", input).execute()
			.path("createReward.id").entity(String.class).get();
		return this.api.as(volunteer).documentName("redeem").variable("rewardId", rewardId).variable("quantity", 1)
			.variable("idempotencyKey", Fixtures.unique("spend-")).execute().path("redeem.status").entity(String.class)
			.isEqualTo("ISSUED")
			.path("redeem.id").entity(String.class).get();
	}

	// --- Earning through activities: the whole path over the activity API.

	/**
	 * An activity of the scenario's station starting in 30 minutes and lasting 3 hours that
	 * {@code volunteer} signs up for, checks in to, and leaves {@code hoursServed} hours after its
	 * start (the clock is moved); the organiser then confirms the hours. Returns the sign-up id.
	 */
	public String serveActivity(Session volunteer, MutableClock clock, int hoursServed) {
		return serveActivity(volunteer, clock, hoursServed, true);
	}

	/** As {@link #serveActivity(Session, MutableClock, int)}, leaving the hours unconfirmed unless {@code confirm}. */
	public String serveActivity(Session volunteer, MutableClock clock, int hoursServed, boolean confirm) {
		List<String> ids = serveActivityTogether(List.of(volunteer), clock, hoursServed);
		String activityId = ids.get(0);
		String signUpId = ids.get(1);
		if (confirm) {
			this.api.as(this.admin).documentName("confirmHours").variable("activityId", activityId)
				.variable("signUpIds", List.of(signUpId)).execute()
				.path("confirmHours[0].hoursConfirmed").entity(Boolean.class).isEqualTo(true);
		}
		return signUpId;
	}

	/**
	 * One activity of the scenario's station (starting in 30 minutes, 3 hours long) that all the
	 * {@code volunteers} sign up for, check in to and leave {@code hoursServed} hours after its start
	 * (the clock is moved); nothing is confirmed. Returns the activity id and then the sign-up ids, in
	 * the volunteers' order.
	 */
	public List<String> serveActivityTogether(List<Session> volunteers, MutableClock clock, int hoursServed) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		double latitude = 20 + random.nextDouble() * 20;
		double longitude = 100 + random.nextDouble() * 20;
		Map<String, Object> project = new HashMap<>();
		project.put("orgUnitId", Long.toString(this.tree.station()));
		project.put("name", Fixtures.unique("健康江来"));
		project.put("category", "HEALTH_SPORTS");
		project.put("description", "义诊、健康讲座");
		project.put("brand", false);
		String projectId = this.api.as(this.admin).documentName("createProject").variable("input", project).execute()
			.path("createProject.id").entity(String.class).get();
		Instant start = clock.instant().plus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.MILLIS);
		Map<String, Object> activity = new HashMap<>();
		activity.put("projectId", projectId);
		activity.put("title", "社区义诊");
		activity.put("description", "测血压、血糖");
		activity.put("startsAt", start.toString());
		activity.put("endsAt", start.plus(Duration.ofHours(3)).toString());
		activity.put("address", "新街道卫生服务站");
		activity.put("latitude", latitude);
		activity.put("longitude", longitude);
		activity.put("capacity", Math.max(5, volunteers.size()));
		activity.put("skills", List.of("测血压"));
		activity.put("contactName", "王老师");
		activity.put("contactPhone", "0510-88888888");
		String activityId = this.api.as(this.admin).documentName("createActivity").variable("input", activity).execute()
			.path("createActivity.id").entity(String.class).get();
		byActivity(this.admin, "publishActivity", activityId).path("publishActivity.status").entity(String.class)
			.isEqualTo("PUBLISHED");
		for (Session volunteer : volunteers) {
			this.api.as(volunteer).documentName("signUp").variable("activityId", activityId).variable("source", "menu")
				.execute().path("signUp.status").entity(String.class).isEqualTo("CONFIRMED");
			check("checkIn", volunteer, activityId, latitude, longitude).path("checkIn.checkedInAt").entity(String.class)
				.satisfies(at -> org.assertj.core.api.Assertions.assertThat(at).isNotBlank());
		}
		byActivity(this.admin, "startActivity", activityId).path("startActivity.status").entity(String.class)
			.isEqualTo("ONGOING");
		clock.set(start.plus(Duration.ofHours(hoursServed)));
		List<String> ids = new java.util.ArrayList<>();
		ids.add(activityId);
		for (Session volunteer : volunteers) {
			ids.add(check("checkOut", volunteer, activityId, latitude, longitude).path("checkOut.id")
				.entity(String.class).get());
		}
		return ids;
	}

	private GraphQlTester.Response byActivity(Session as, String document, String activityId) {
		return this.api.as(as).documentName(document).variable("id", activityId).execute();
	}

	private GraphQlTester.Response check(String document, Session as, String activityId, double latitude,
			double longitude) {
		String token = this.api.as(this.admin).documentName("activityCheckInCode").variable("activityId", activityId)
			.execute().path("activityCheckInCode.token").entity(String.class).get();
		return this.api.as(as).documentName(document).variable("activityId", activityId).variable("token", token)
			.variable("latitude", latitude).variable("longitude", longitude).execute();
	}

	// --- Earning through needs: 点单 → 审核 → 认领 → 服务 → 完成 → 评单 over the need API.

	/** A volunteer whose training the station admin recorded, so they may claim needs. */
	Session trainedVolunteer(String prefix) {
		Session session = this.api.login(Fixtures.unique(prefix));
		String volunteerId = Volunteers.register(this.api.as(session), this.tree.station());
		Map<String, Object> input = Map.of("volunteerId", volunteerId, "course", "岗前培训", "completedAt",
				"2026-01-10T02:00:00Z");
		this.api.as(this.admin).documentName("recordTraining").variable("input", input).execute()
			.path("recordTraining.trained").entity(Boolean.class).isEqualTo(true);
		return session;
	}

	/** A need the resident ordered and the volunteer claimed, served for {@code hours} and completed. Returns its id. */
	String completeNeed(Session resident, Session volunteer, double hours) {
		String categoryId = this.jdbc.queryForObject("SELECT id FROM need_category WHERE name = ?", Long.class, "生活服务")
			.toString();
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("categoryId", categoryId);
		input.put("title", "帮老人修电灯");
		input.put("description", "家里灯不亮了，需要有人帮忙检查电路");
		input.put("beneficiaryType", "ELDERLY");
		input.put("urgency", "URGENT");
		input.put("address", "高港区口岸街道柴墟村 3 组 12 号");
		input.put("latitude", 32.3201);
		input.put("longitude", 119.8802);
		input.put("contactName", "张秀英");
		input.put("contactPhone", "13812345678");
		input.put("desiredDate", "2026-12-01");
		input.put("stationId", Long.toString(this.tree.station()));
		String needId = this.api.as(resident).documentName("submitNeed").variable("input", IdempotencyKeys.keyed(input)).execute()
			.path("submitNeed.id").entity(String.class).get();
		byNeed(this.admin, "publishNeed", needId).path("publishNeed.status").entity(String.class).isEqualTo("PUBLISHED");
		this.api.as(volunteer).documentName("claimNeed").variable("needId", needId).variable("teamId", null).execute()
			.path("claimNeed.status").entity(String.class).isEqualTo("CLAIMED");
		byNeed(volunteer, "startNeed", needId).path("startNeed.status").entity(String.class).isEqualTo("IN_PROGRESS");
		// The service took as long as claimed: within the bound checked at completion.
		this.jdbc.update("UPDATE need SET stage_started_at = DATE_SUB(stage_started_at, INTERVAL ? SECOND) WHERE id = ?",
				(long) Math.ceil(hours * 3600), Long.valueOf(needId));
		List<Map<String, Object>> participants = List
			.of(Map.of("userId", Long.toString(volunteer.userId()), "hours", hours));
		this.api.as(volunteer).documentName("completeNeed")
			.variable("input", Map.of("needId", needId, "note", "已更换灯泡并检查线路", "participants", participants))
			.execute().path("completeNeed.status").entity(String.class).isEqualTo("COMPLETED");
		return needId;
	}

	/** The station admin (who served no need) confirms a completed need's hours. */
	void confirmNeedHours(String needId) {
		byNeed(this.admin, "confirmNeedHours", needId).path("confirmNeedHours.participants[*].hoursStatus")
			.entityList(String.class).satisfies(statuses -> org.assertj.core.api.Assertions.assertThat(statuses)
				.containsOnly("CONFIRMED"));
	}

	GraphQlTester.Response rateNeed(Session resident, String needId, int stars) {
		return this.api.as(resident).documentName("rateNeed")
			.variable("input", Map.of("needId", needId, "stars", stars, "comment", "很及时，谢谢"))
			.execute();
	}

	private GraphQlTester.Response byNeed(Session as, String document, String needId) {
		return this.api.as(as).documentName(document).variable("needId", needId).execute();
	}

}
