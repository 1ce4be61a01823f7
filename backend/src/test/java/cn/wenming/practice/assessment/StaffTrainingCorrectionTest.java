package cn.wenming.practice.assessment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.Map;
import java.util.UUID;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.IdempotencyKeys;
import cn.wenming.practice.testinfra.Race;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Corrections of 中心培训 records (staff and 骨干 trainings): an admin over the holding unit corrects
 * the attendees or the date, or withdraws the session, with a reason; an attendee of the session may
 * not; the figures (sessions, coverage, who is missing) follow; the trail is readable; a key repeats
 * its request, refuses other input and, raced by ten requests, writes once; a key is its corrector's
 * own, another admin's of the same string is independent.
 */
@IntegrationTest
class StaffTrainingCorrectionTest {

	static final String CORRECT = """
			mutation($input: CorrectStaffTrainingInput!) { correctStaffTraining(input: $input) {
			  id heldOn topic withdrawn attendees { userId }
			  corrections { id action reason correctedBy correctedByName correctedAt
			    before { heldOn topic attendeeUserIds } after { heldOn topic attendeeUserIds } } } }""";

	static final String LIST = """
			query($u: ID!, $y: Int!) { staffTrainings(orgUnitId: $u, year: $y) { id heldOn withdrawn
			  corrections { action reason before { attendeeUserIds } after { attendeeUserIds } } } }""";

	@Scenario
	Api api;

	@Autowired
	JdbcTemplate jdbc;

	@Scenario
	AssessmentCounties counties;

	final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	@Test
	void aTrainingIsCorrectedOrWithdrawnByAnAdminWhoDidNotAttendAndTheFiguresFollow() {
		AssessmentCounties.County county = this.counties.create(33.4, 106.9, "中心", "所", "站");
		long c = county.center();
		long st = county.station();
		AssessmentScenario s = county.scenario();
		Session stationAdmin = s.grantee("st-admin", "STATION_ADMIN", st);
		String first = training(s.admin, c, "2024-03-10", List.of(s.approver, stationAdmin));
		training(s.approver, c, "2024-05-20", List.of(s.admin));
		Map<String, Object> june = s.assessment(s.admin, c, 2024, 6).path("assessment").entity(Map.class).get();
		assertThat(AssessmentScenario.figuresOf(june, c).get("STAFF_TRAINING_SESSIONS").get("value")).isEqualTo(2.0);
		assertThat(AssessmentScenario.figuresOf(june, c).get("STAFF_TRAINING_COVERAGE").get("value")).isEqualTo(100.0);

		// Not an admin over the center; an attendee of the session; oneself as attendee: refused.
		ApiErrors.expectCode(correct(stationAdmin, first, null, List.of(s.approver), false, "名单有误", key("own")),
				"FORBIDDEN");
		List<ResponseError> errors = ApiErrors.expectCode(
				correct(s.approver, first, null, List.of(stationAdmin), false, "名单有误", key("attendee")), "FORBIDDEN");
		assertThat(errors.get(0).getMessage()).isEqualTo("参加了该培训的人不能更正该培训记录");
		errors = ApiErrors.expectCode(correct(s.admin, first, null, List.of(s.admin, s.approver), false, "名单有误",
				key("self")), "STAFF_TRAINING_SELF_ATTENDANCE");
		assertThat(errors.get(0).getMessage()).contains("不能登记本人参加培训");
		ApiErrors.expectCode(correct(s.admin, first, null, List.of(s.approver), false, "RISKY 原因", key("risky")),
				"CONTENT_REJECTED");
		ApiErrors.expectCode(correct(s.admin, first, null, List.of(s.approver), false, " ", key("blank")), "BAD_REQUEST");
		ApiErrors.expectCode(correct(s.admin, first, "2999-01-01", null, false, "日期有误", key("future")), "BAD_REQUEST");
		errors = ApiErrors.expectCode(correct(s.admin, first, null, List.of(s.approver, stationAdmin), false, "无变化",
				key("same")), "STAFF_TRAINING_CORRECTION_UNCHANGED");
		assertThat(errors.get(0).getMessage()).isEqualTo("更正后的内容与原培训记录相同");

		// The station admin did not attend after all: coverage drops, they are missing.
		correct(s.admin, first, null, List.of(s.approver), false, "站长当天请假，误登记", key("fix"))
			.path("correctStaffTraining.attendees[*].userId").entityList(Long.class).containsExactly(s.approver.userId())
			.path("correctStaffTraining.corrections[0].action").entity(String.class).isEqualTo("CORRECTED")
			.path("correctStaffTraining.corrections[0].reason").entity(String.class).isEqualTo("站长当天请假，误登记")
			.path("correctStaffTraining.corrections[0].correctedBy").entity(Long.class).isEqualTo(s.admin.userId())
			.path("correctStaffTraining.corrections[0].before.attendeeUserIds").entityList(Long.class)
			.contains(s.approver.userId(), stationAdmin.userId()).hasSize(2)
			.path("correctStaffTraining.corrections[0].after.attendeeUserIds").entityList(Long.class)
			.containsExactly(s.approver.userId());
		june = s.assessment(s.admin, c, 2024, 6).path("assessment").entity(Map.class).get();
		assertThat(((Number) AssessmentScenario.figuresOf(june, c).get("STAFF_TRAINING_COVERAGE").get("value"))
			.doubleValue()).isLessThan(100.0);
		this.api.as(s.admin).documentName("staffTrainingCoverage").variable("orgUnitId", Long.toString(c))
			.variable("year", 2024).variable("month", 6).execute()
			.path("staffTrainingCoverage[*].userId").entityList(Long.class).containsExactly(stationAdmin.userId());

		// Idempotent by key; the key with other input is refused; one trail entry.
		correct(s.admin, first, null, List.of(s.approver), false, "站长当天请假，误登记", key("fix"))
			.path("correctStaffTraining.corrections").entityList(Object.class).hasSize(1);
		errors = ApiErrors.expectCode(correct(s.admin, first, "2024-03-11", null, false, "站长当天请假，误登记", key("fix")),
				"IDEMPOTENCY_KEY_REUSED");
		assertThat(errors.get(0).getMessage()).isEqualTo("幂等键已用于另一请求");
		assertThat(trailSize(first)).isEqualTo(1);

		// The date moves the session out of April's figure.
		Map<String, Object> april = s.assessment(s.admin, c, 2024, 4).path("assessment").entity(Map.class).get();
		assertThat(AssessmentScenario.figuresOf(april, c).get("STAFF_TRAINING_SESSIONS").get("value")).isEqualTo(1.0);
		correct(s.admin, first, "2024-04-30", null, false, "日期登记错了", key("date"))
			.path("correctStaffTraining.heldOn").entity(String.class).isEqualTo("2024-04-30");
		Map<String, Object> march = s.assessment(s.admin, c, 2024, 3).path("assessment").entity(Map.class).get();
		assertThat(AssessmentScenario.figuresOf(march, c).get("STAFF_TRAINING_SESSIONS").get("value")).isEqualTo(0.0);

		// Withdrawn: still listed with its trail, no longer counted, not correctable.
		correct(s.admin, first, null, null, true, "重复登记", key("withdraw"))
			.path("correctStaffTraining.withdrawn").entity(Boolean.class).isEqualTo(true);
		june = s.assessment(s.admin, c, 2024, 6).path("assessment").entity(Map.class).get();
		assertThat(AssessmentScenario.figuresOf(june, c).get("STAFF_TRAINING_SESSIONS").get("value")).isEqualTo(1.0);
		this.api.as(s.admin).document(LIST).variable("u", c).variable("y", 2024).execute()
			.path("staffTrainings[?(@.id == '" + first + "')].withdrawn").entityList(Boolean.class).containsExactly(true)
			.path("staffTrainings[?(@.id == '" + first + "')].corrections[*].action").entityList(String.class)
			.containsExactly("CORRECTED", "CORRECTED", "WITHDRAWN");
		errors = ApiErrors.expectCode(correct(s.admin, first, "2024-04-29", null, false, "再改", key("again")),
				"STAFF_TRAINING_WITHDRAWN");
		assertThat(errors.get(0).getMessage()).isEqualTo("该培训记录已撤回，不能再更正");
	}

	/**
	 * The rights come before the input: whatever a caller without them sends (nothing to change, a
	 * withdrawal with changes, a date in the future or malformed, an empty topic, a blank reason, a
	 * malformed key or one someone else used), the answer is FORBIDDEN — or NOT_FOUND for no such
	 * session — never what is wrong with the input; one who may is told, the field named as before.
	 */
	@Test
	void aCallerWithoutRightsIsRefusedBeforeTheInputIsJudged() {
		AssessmentCounties.County county = this.counties.create(33.6, 107.1, "中心", "所", "站");
		long c = county.center();
		long st = county.station();
		AssessmentScenario s = county.scenario();
		Session stationAdmin = s.grantee("st-admin", "STATION_ADMIN", st);
		String id = training(s.admin, c, "2024-03-10", List.of(s.approver));
		correct(s.admin, id, "2024-03-11", null, false, "日期有误", key("used"));

		for (Session outsider : List.of(stationAdmin, s.approver)) {
			// stationAdmin is no admin over the center; s.approver attended the session.
			String who = (outsider == stationAdmin) ? "o" : "a";
			ApiErrors.expectCode(correct(outsider, id, null, null, false, "无变化", key(who + "-none")), "FORBIDDEN");
			ApiErrors.expectCode(correct(outsider, id, "2024-03-12", null, true, "撤回并改", key(who + "-both")),
					"FORBIDDEN");
			ApiErrors.expectCode(correct(outsider, id, "2999-01-01", null, false, "日期有误", key(who + "-future")),
					"FORBIDDEN");
			ApiErrors.expectCode(correct(outsider, id, "2024-02-30", null, false, "日期有误", key(who + "-badday")),
					"FORBIDDEN");
			ApiErrors.expectCode(correctTopic(outsider, id, "  ", key(who + "-topic")), "FORBIDDEN");
			ApiErrors.expectCode(correct(outsider, id, "2024-03-11", null, false, "日期有误", key("used")), "FORBIDDEN");
			// What the input's constraints refuse (a blank reason, a malformed date or key, no attendees) too.
			ApiErrors.expectCode(correct(outsider, id, "2024-03-12", null, false, " ", key(who + "-blank")), "FORBIDDEN");
			ApiErrors.expectCode(correct(outsider, id, "3月12日", null, false, "日期有误", key(who + "-format")), "FORBIDDEN");
			ApiErrors.expectCode(correct(outsider, id, "2024-03-12", null, false, "日期有误", "短键"), "FORBIDDEN");
			ApiErrors.expectCode(correct(outsider, id, null, List.of(), false, "名单有误", key(who + "-nobody")), "FORBIDDEN");
		}
		// No such session: NOT_FOUND, whatever the input.
		ApiErrors.expectCode(correct(s.admin, "999999999", null, null, false, "无变化", key("missing")), "NOT_FOUND");
		// The same inputs from the admin who may: the input's own errors.
		ApiErrors.expectCode(correct(s.admin, id, null, null, false, "无变化", key("a-none")),
				"STAFF_TRAINING_CORRECTION_UNCHANGED");
		ApiErrors.expectCode(correct(s.admin, id, "2024-03-12", null, true, "撤回并改", key("a-both")), "BAD_REQUEST");
		ApiErrors.expectCode(correctTopic(s.admin, id, "  ", key("a-topic")), "BAD_REQUEST");
		ApiErrors.expectBadField(correct(s.admin, id, "3月12日", null, false, "日期有误", key("a-format")), "input.heldOn");
		ApiErrors.expectBadField(correct(s.admin, id, "2024-03-12", null, false, " ", key("a-blank")), "input.reason");
		assertThat(trailSize(id)).isEqualTo(1);
	}

	/**
	 * A correction adds only staff and 骨干 of the holding unit's subtree (another county's admin is
	 * refused with the stable code, the session unchanged); an attendee already listed who has since
	 * left their post stays listed through a correction of the others.
	 */
	@Test
	void aCorrectionAddsOnlyStaffOfTheHoldingUnitsSubtree() {
		AssessmentCounties.County a = this.counties.create(33.8, 107.3, "中心", "所", "站");
		AssessmentCounties.County b = this.counties.create(34.8, 108.3, "中心", "所", "站");
		AssessmentScenario s = a.scenario();
		Session stationAdmin = s.grantee("st-admin", "STATION_ADMIN", a.station());
		Session leaving = s.grantee("st-admin", "STATION_ADMIN", a.station());
		Session otherCounty = b.scenario().grantee("st-admin", "STATION_ADMIN", b.station());
		String id = training(s.admin, a.center(), "2024-03-10", List.of(leaving));

		List<ResponseError> errors = ApiErrors.expectCode(correct(s.admin, id, null, List.of(leaving, otherCounty), false,
				"补登参加人", key("other-county")), "STAFF_TRAINING_ATTENDEE_NOT_STAFF");
		assertThat(errors.get(0).getMessage()).endsWith("：" + otherCounty.userId());
		assertThat(trailSize(id)).isZero();

		// The one who attended has left their post since: kept while the station admin is added.
		this.jdbc.update("DELETE FROM user_role WHERE user_id = ?", leaving.userId());
		assertThat(correct(s.admin, id, null, List.of(leaving, stationAdmin), false, "补登参加人", key("add-staff"))
			.path("correctStaffTraining.attendees[*].userId").entityList(Long.class).get())
			.containsExactlyInAnyOrder(leaving.userId(), stationAdmin.userId());
	}

	@Test
	void tenConcurrentCorrectionsWithOneKeyLeaveOneTrailEntry(@Scenario Fixtures fixtures) throws Exception {
		long c = fixtures.unit(null, "CENTER", Fixtures.unique("中心"), 33.5, 107.0);
		AssessmentScenario s = this.counties.scenario(c);
		Session other = s.grantee("st-admin", "CENTER_ADMIN", c);
		String id = training(s.admin, c, "2024-03-10", List.of(s.approver, other));
		List<String> codes = Race.times(10, () -> ApiErrors
			.codeOf(correct(s.admin, id, null, List.of(s.approver), false, "并发更正", key("race"))));
		assertThat(codes).hasSize(10).containsOnlyNulls();
		assertThat(trailSize(id)).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM staff_training_attendee WHERE training_id = ?",
				Integer.class, Long.valueOf(id))).isEqualTo(1);
	}

	/**
	 * A key is its corrector's own: two admins over the unit each use one key string for their own
	 * correction — two trail entries, each in its own name — each one's retry repeats their own and
	 * each one's reuse of it for other input is still refused; five requests of each racing with the
	 * key write once per admin.
	 */
	@Test
	void twoAdminsUseOneKeyStringEachForTheirOwnCorrection(@Scenario Fixtures fixtures) throws Exception {
		long c = fixtures.unit(null, "CENTER", Fixtures.unique("中心"), 33.7, 107.2);
		AssessmentScenario s = this.counties.scenario(c);
		Session attendee = s.grantee("st-admin", "STATION_ADMIN", c);
		String id = training(s.admin, c, "2024-03-10", List.of(attendee));
		String key = key("shared");
		correct(s.admin, id, "2024-03-11", null, false, "日期有误", key)
			.path("correctStaffTraining.corrections").entityList(Object.class).hasSize(1);
		correctTopic(s.approver, id, "骨干业务培训", key)
			.path("correctStaffTraining.heldOn").entity(String.class).isEqualTo("2024-03-11")
			.path("correctStaffTraining.topic").entity(String.class).isEqualTo("骨干业务培训")
			.path("correctStaffTraining.corrections[*].correctedBy").entityList(Long.class)
			.containsExactly(s.admin.userId(), s.approver.userId())
			.path("correctStaffTraining.corrections[*].reason").entityList(String.class).containsExactly("日期有误", "主题有误");
		correct(s.admin, id, "2024-03-11", null, false, "日期有误", key)
			.path("correctStaffTraining.corrections").entityList(Object.class).hasSize(2);
		correctTopic(s.approver, id, "骨干业务培训", key)
			.path("correctStaffTraining.corrections").entityList(Object.class).hasSize(2);
		List<ResponseError> errors = ApiErrors.expectCode(correct(s.admin, id, "2024-03-12", null, false, "日期有误", key),
				"IDEMPOTENCY_KEY_REUSED");
		assertThat(errors.get(0).getMessage()).isEqualTo("幂等键已用于另一请求");
		ApiErrors.expectCode(correctTopic(s.approver, id, "骨干服务培训", key), "IDEMPOTENCY_KEY_REUSED");
		assertThat(keyHolders(key)).containsExactlyInAnyOrder(s.admin.userId(), s.approver.userId());

		// Racing: five requests of each with one key, each changing what the other leaves alone.
		String raced = training(s.admin, c, "2024-03-10", List.of(attendee));
		String raceKey = key("shared-race");
		List<Callable<String>> calls = new ArrayList<>();
		for (int n = 0; n < 10; n++) {
			boolean first = n % 2 == 0;
			calls.add(() -> ApiErrors.codeOf(first ? correct(s.admin, raced, "2024-03-09", null, false, "并发更正", raceKey)
					: correctTopic(s.approver, raced, "并发更正主题", raceKey)));
		}
		List<String> codes = Race.run(calls);
		assertThat(codes).hasSize(10).containsOnlyNulls();
		assertThat(trailSize(raced)).isEqualTo(2);
		assertThat(keyHolders(raceKey)).containsExactlyInAnyOrder(s.admin.userId(), s.approver.userId());
		assertThat(this.jdbc.queryForMap("SELECT held_on, topic FROM staff_training WHERE id = ?", Long.valueOf(raced)))
			.containsEntry("topic", "并发更正主题")
			.hasEntrySatisfying("held_on", heldOn -> assertThat(heldOn.toString()).isEqualTo("2024-03-09"));
	}

	/**
	 * 骨干培训 counts in the assessment: a session sent again with its key (a double click, the client's
	 * retry of a 503 whose commit went through, ten at once) is recorded once and every send answers it
	 * — also after a correction; the key for another session is refused; another admin's key of the same
	 * string is theirs; an admin not over the unit gets FORBIDDEN whatever the key.
	 */
	@Test
	void aSessionSentAgainWithItsKeyIsRecordedOnce(@Scenario Fixtures fixtures) throws Exception {
		long c = fixtures.unit(null, "CENTER", Fixtures.unique("中心"), 33.8, 107.3);
		AssessmentScenario s = this.counties.scenario(c);
		Session attendee = s.grantee("st-admin", "STATION_ADMIN", c);
		String key = key("record");
		Map<String, Object> input = Map.of("orgUnitId", Long.toString(c), "heldOn", "2024-03-10", "topic",
				"志愿服务组织管理培训", "attendeeUserIds", List.of(Long.toString(attendee.userId())), "idempotencyKey", key);
		List<GraphQlTester.Response> answers = Race.times(10,
				() -> this.api.as(s.admin).documentName("recordStaffTraining").variable("input", input).execute());
		List<String> ids = answers.stream()
			.map(answer -> answer.path("recordStaffTraining.id").entity(String.class).get())
			.toList();
		assertThat(ids).hasSize(10).containsOnly(ids.get(0));
		assertThat(sessionsWithKey(key)).isEqualTo(1);

		correctTopic(s.admin, ids.get(0), "骨干业务培训", key("record-fix"));
		this.api.as(s.admin).documentName("recordStaffTraining").variable("input", input).execute()
			.path("recordStaffTraining.id").entity(String.class).isEqualTo(ids.get(0))
			.path("recordStaffTraining.topic").entity(String.class).isEqualTo("骨干业务培训");
		Map<String, Object> other = new LinkedHashMap<>(input);
		other.put("heldOn", "2024-03-11");
		ApiErrors.expectCode(this.api.as(s.admin).documentName("recordStaffTraining").variable("input", other).execute(),
				"IDEMPOTENCY_KEY_REUSED");
		Session outsider = this.counties.scenario(fixtures.unit(null, "CENTER", Fixtures.unique("中心"), 33.9, 107.4)).admin;
		ApiErrors.expectCode(this.api.as(outsider).documentName("recordStaffTraining").variable("input", input).execute(),
				"FORBIDDEN");
		assertThat(sessionsWithKey(key)).isEqualTo(1);
		this.api.as(s.approver).documentName("recordStaffTraining").variable("input", input).execute()
			.path("recordStaffTraining.id").entity(String.class).isNotEqualTo(ids.get(0));
		assertThat(sessionsWithKey(key)).isEqualTo(2);
	}

	private int sessionsWithKey(String key) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM staff_training WHERE idempotency_key = ?", Integer.class,
				key);
	}

	/** Who holds the key in the trail: one entry per admin who used it. */
	private List<Long> keyHolders(String key) {
		return this.jdbc.queryForList("SELECT corrected_by FROM staff_training_correction WHERE idempotency_key = ?",
				Long.class, key);
	}

	private String key(String name) {
		return "st-" + name + "-" + this.run;
	}

	private int trailSize(String id) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM staff_training_correction WHERE training_id = ?",
				Integer.class, Long.valueOf(id));
	}

	private String training(Session as, long unitId, String heldOn, List<Session> attendees) {
		return this.api.as(as).documentName("recordStaffTraining").variable("input", IdempotencyKeys.keyed(Map.of("orgUnitId",
				Long.toString(unitId), "heldOn", heldOn, "topic", "志愿服务组织管理培训", "attendeeUserIds",
				attendees.stream().map(a -> Long.toString(a.userId())).toList()))).execute()
			.path("recordStaffTraining.id").entity(String.class).get();
	}

	private GraphQlTester.Response correctTopic(Session as, String id, String topic, String key) {
		return this.api.as(as).document(CORRECT).variable("input", Map.of("staffTrainingId", id, "topic", topic,
				"withdraw", false, "reason", "主题有误", "idempotencyKey", key)).execute();
	}

	private GraphQlTester.Response correct(Session as, String id, String heldOn, List<Session> attendees,
			boolean withdraw, String reason, String key) {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("staffTrainingId", id);
		if (heldOn != null) {
			input.put("heldOn", heldOn);
		}
		if (attendees != null) {
			input.put("attendeeUserIds", attendees.stream().map(a -> Long.toString(a.userId())).toList());
		}
		input.put("withdraw", withdraw);
		input.put("reason", reason);
		input.put("idempotencyKey", key);
		return this.api.as(as).document(CORRECT).variable("input", input).execute();
	}

}
