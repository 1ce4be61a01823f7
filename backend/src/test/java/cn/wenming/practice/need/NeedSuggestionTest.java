package cn.wenming.practice.need;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.IdempotencyKeys;
import cn.wenming.practice.testinfra.Scenario;
import cn.wenming.practice.testinfra.SqlCounter;
import cn.wenming.practice.testinfra.Volunteers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 派单建议: ranking by skill, distance, load and history, with reasons; admin-only; bounded cost.
 * Each test builds its own tree at far-away coordinates, so no other test's data is a candidate.
 */
@IntegrationTest
class NeedSuggestionTest {

	/** The need and its station sit here; the "far" institute is ~9 km east. */
	private static final double LAT = 45.5;

	private static final double LNG = 95.0;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SqlCounter sql;

	@Scenario
	Api api;

	@Scenario
	Fixtures fixtures;

	long center;

	long institute;

	long station;

	Session admin;

	Session resident;

	String categoryId;

	@BeforeEach
	void setUp() {
		this.center = this.fixtures.unit(null, "CENTER", Fixtures.unique("中心"), LAT, LNG);
		this.institute = this.fixtures.unit(this.center, "INSTITUTE", Fixtures.unique("所"), LAT, LNG + 0.12);
		this.station = this.fixtures.unit(this.institute, "STATION", Fixtures.unique("站"), LAT, LNG);
		this.admin = this.api.login(Fixtures.unique("sg-admin"));
		this.fixtures.grant(this.admin.userId(), "INSTITUTE_ADMIN", this.institute);
		this.resident = this.api.login(Fixtures.unique("sg-resident"));
		this.categoryId = this.jdbc
			.queryForObject("SELECT id FROM need_category WHERE name = ?", Long.class, "助老服务")
			.toString();
	}

	@Test
	void ranksByMatchDistanceLoadAndHistoryAndSaysWhy() {
		Session near = trainedVolunteer(List.of("助老"));
		Session busy = trainedVolunteer(List.of("摄影"));
		for (int i = 0; i < 3; i++) {
			dispatch(published("忙碌" + i), null, busy.userId()).path("dispatchNeed.status").entity(String.class)
				.isEqualTo("DISPATCHED");
		}
		Session ratedLeader = volunteer(List.of());
		String rated = createTeam(this.station, ratedLeader, List.of("助老"));
		Session farLeader = volunteer(List.of());
		String far = createTeam(this.institute, farLeader, List.of("助老"));
		// The near team served two needs well: accepted, completed, rated 5 stars.
		// Participants are trained volunteers: the leader is trained while serving, then no longer, so
		// that the ranking below is about exactly the four candidates it names (test-only surgery).
		this.jdbc.update("UPDATE volunteer SET trained = 1 WHERE user_id = ?", ratedLeader.userId());
		for (int i = 0; i < 2; i++) {
			String needId = published("好评" + i);
			dispatch(needId, rated, null);
			byNeed(ratedLeader, "acceptNeed", needId).path("acceptNeed.status").entity(String.class)
				.isEqualTo("ACCEPTED");
			byNeed(ratedLeader, "startNeed", needId);
			this.api.as(ratedLeader).documentName("completeNeed")
				.variable("input", Map.of("needId", needId, "note", "已完成", "participants",
						List.of(Map.of("userId", Long.toString(ratedLeader.userId()), "hours", 1.0))))
				.execute().path("completeNeed.status").entity(String.class).isEqualTo("COMPLETED");
			this.api.as(this.resident).documentName("rateNeed")
				.variable("input", Map.of("needId", needId, "stars", 5, "comment", "很好"))
				.execute().path("rateNeed.status").entity(String.class).isEqualTo("RATED");
		}
		this.jdbc.update("UPDATE volunteer SET trained = 0 WHERE user_id = ?", ratedLeader.userId());
		String needId = published("送餐上门");

		List<Map<String, Object>> list = suggest(this.admin, needId, 20).path("suggestAssignees")
			.entityList(Map.class).get().stream().map(m -> (Map<String, Object>) m).toList();
		List<String> order = list.stream().map(NeedSuggestionTest::keyOf).toList();
		String nearKey = "VOLUNTEER:" + near.userId();
		String busyKey = "VOLUNTEER:" + busy.userId();
		assertThat(order).containsExactlyInAnyOrder(nearKey, busyKey, "TEAM:" + rated, "TEAM:" + far);
		assertThat(order.indexOf(nearKey)).isLessThan(order.indexOf(busyKey));
		assertThat(order.indexOf("TEAM:" + rated)).isLessThan(order.indexOf("TEAM:" + far));
		assertThat(order.get(order.size() - 1)).isEqualTo(busyKey);

		Map<String, Map<String, Object>> byKey = new HashMap<>();
		list.forEach(s -> byKey.put(keyOf(s), s));
		assertThat(reasons(byKey.get(nearKey))).contains("技能匹配：助老", "当前在办需求 0 件");
		assertThat(reasons(byKey.get(busyKey))).contains("技能不匹配：助老服务", "当前在办需求 3 件");
		assertThat(reasons(byKey.get("TEAM:" + rated))).contains("平均评价 5.0 星（2 次）", "接单率 100%（2/2）");
		assertThat(reasons(byKey.get("TEAM:" + far))).anyMatch(r -> r.startsWith("距离约 9."));
		for (Map<String, Object> s : list) {
			List<Map<String, Object>> factors = factors(s);
			assertThat(factors).extracting(f -> f.get("name"))
				.containsExactly("SKILL_MATCH", "DISTANCE", "OPEN_LOAD", "ACCEPTANCE_RATE", "RATING");
			double sum = factors.stream()
				.mapToDouble(f -> ((Number) f.get("value")).doubleValue() * ((Number) f.get("weight")).doubleValue())
				.sum();
			assertThat(((Number) s.get("score")).doubleValue()).isCloseTo(sum, org.assertj.core.data.Offset.offset(0.01));
		}
		// first cuts the ranked list.
		suggest(this.admin, needId, 1).path("suggestAssignees").entityList(Object.class).hasSize(1);
	}

	@Test
	void onlyAdminsCoveringTheStationOnPublishedNeedsWithinBounds() {
		trainedVolunteer(List.of("助老"));
		String needId = published("权限");
		ApiErrors.expectCode(suggest(this.resident, needId, 5), "FORBIDDEN");
		long otherInstitute = this.fixtures.unit(this.center, "INSTITUTE", Fixtures.unique("所"), LAT, LNG);
		Session otherAdmin = this.api.login(Fixtures.unique("sg-other"));
		this.fixtures.grant(otherAdmin.userId(), "INSTITUTE_ADMIN", otherInstitute);
		ApiErrors.expectCode(suggest(otherAdmin, needId, 5), "FORBIDDEN");
		ApiErrors.expectCode(suggest(this.admin, needId, 100), "BAD_REQUEST");
		ApiErrors.expectCode(suggest(this.admin, needId, 0), "BAD_REQUEST");
		String submitted = submit("未审核");
		ApiErrors.expectCode(suggest(this.admin, submitted, 5), "NEED_INVALID_STATE");
		suggest(this.admin, needId, 5).path("suggestAssignees").entityList(Object.class).hasSize(1);
	}

	@Test
	void statementCountDoesNotGrowWithCandidates() {
		List<Session> volunteers = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			volunteers.add(trainedVolunteerDirect(List.of("助老")));
		}
		dispatch(published("已派"), null, volunteers.get(0).userId());
		String needId = published("计数");
		long of3 = count(needId, 3);
		for (int i = 3; i < 30; i++) {
			volunteers.add(trainedVolunteerDirect(List.of((i % 2 == 0) ? "助老" : "摄影")));
		}
		long of30 = count(needId, 20);
		assertThat(of3).isPositive();
		assertThat(of30).as("statements for 30 candidates vs 3").isEqualTo(of3);
	}

	private long count(String needId, int expected) {
		suggest(this.admin, needId, 20);
		var measured = this.sql.measure(() -> suggest(this.admin, needId, 20));
		measured.result().path("suggestAssignees").entityList(Object.class).hasSize(expected);
		return measured.count();
	}

	// --- Arranging.

	private Session volunteer(List<String> skills) {
		Session session = this.api.login(Fixtures.unique("sg-vol"));
		Volunteers.register(this.api.as(session), this.station, "李四", skills, List.of("CULTURE"));
		return session;
	}

	private Session trainedVolunteer(List<String> skills) {
		Session session = this.api.login(Fixtures.unique("sg-vol"));
		String volunteerId = Volunteers.register(this.api.as(session), this.station, "李四", skills, List.of("CULTURE"));
		Map<String, Object> input = Map.of("volunteerId", volunteerId, "course", "岗前培训", "completedAt",
				"2026-01-10T02:00:00Z");
		this.api.as(this.admin).documentName("recordTraining").variable("input", input).execute()
			.path("recordTraining.trained").entity(Boolean.class).isEqualTo(true);
		return session;
	}

	/** Training is not what the statement count is about: marked directly. */
	private Session trainedVolunteerDirect(List<String> skills) {
		Session session = volunteer(skills);
		this.jdbc.update("UPDATE volunteer SET trained = 1 WHERE user_id = ?", session.userId());
		return session;
	}

	private String createTeam(long unitId, Session leader, List<String> skills) {
		Map<String, Object> input = new HashMap<>();
		input.put("orgUnitId", Long.toString(unitId));
		input.put("name", Fixtures.unique("助老队"));
		input.put("kind", "SQUAD");
		input.put("leaderUserId", Long.toString(leader.userId()));
		input.put("skills", skills);
		return this.api.as(this.admin).documentName("createTeam").variable("input", input).execute()
			.path("createTeam.id").entity(String.class).get();
	}

	private String submit(String title) {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("categoryId", this.categoryId);
		input.put("title", title);
		input.put("description", "老人行动不便，需要有人帮忙送餐");
		input.put("beneficiaryType", "ELDERLY");
		input.put("urgency", "URGENT");
		input.put("address", "某村 3 组 12 号");
		input.put("latitude", LAT);
		input.put("longitude", LNG);
		input.put("contactName", "张秀英");
		input.put("contactPhone", "13812345678");
		input.put("stationId", Long.toString(this.station));
		return this.api.as(this.resident).documentName("submitNeed").variable("input", IdempotencyKeys.keyed(input)).execute()
			.path("submitNeed.id").entity(String.class).get();
	}

	private String published(String title) {
		String id = submit(title);
		byNeed(this.admin, "publishNeed", id).path("publishNeed.status").entity(String.class).isEqualTo("PUBLISHED");
		return id;
	}

	private GraphQlTester.Response byNeed(Session as, String document, String needId) {
		return this.api.as(as).documentName(document).variable("needId", needId).execute();
	}

	private GraphQlTester.Response dispatch(String needId, String teamId, Long volunteerUserId) {
		Map<String, Object> input = new HashMap<>();
		input.put("needId", needId);
		input.put("teamId", teamId);
		input.put("volunteerUserId", (volunteerUserId == null) ? null : volunteerUserId.toString());
		input.put("deadline", Instant.now().plus(3, ChronoUnit.DAYS).toString());
		return this.api.as(this.admin).documentName("dispatchNeed").variable("input", input).execute();
	}

	private GraphQlTester.Response suggest(Session as, String needId, int first) {
		return this.api.as(as).documentName("suggestAssignees").variable("needId", needId).variable("first", first)
			.execute();
	}

	private static String keyOf(Map<String, Object> s) {
		return s.get("kind") + ":" + ("TEAM".equals(s.get("kind")) ? s.get("teamId") : s.get("volunteerUserId"));
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> factors(Map<String, Object> s) {
		return (List<Map<String, Object>>) s.get("factors");
	}

	private static List<String> reasons(Map<String, Object> s) {
		return factors(s).stream().map(f -> (String) f.get("reason")).toList();
	}

}
