package cn.wenming.practice.assessment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.IdempotencyKeys;
import cn.wenming.practice.testinfra.Scenario;
import cn.wenming.practice.testinfra.Volunteers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The figures of seeds 003/004 added in issue 18: 品牌项目 (marked by center admins, with a trail),
 * 中心培训 (sessions and coverage of staff and 骨干, with who is missing), 站每周活动, 活跃队伍 and
 * 在职党员 (declared by volunteers, confirmed by admins). Values are worked out by hand from the rows.
 */
@IntegrationTest
class AssessmentSeedFiguresTest {

	@Scenario
	Api api;

	@Autowired
	JdbcTemplate jdbc;

	@Scenario
	AssessmentCounties counties;

	@Test
	void brandProjectsAreMarkedByCenterAdminsWithATrailAndCountedPerSubtree() {
		AssessmentCounties.County county = this.counties.create(33.1, 106.6, "中心", "所", "站");
		long c = county.center();
		long i = county.institute();
		long st = county.station();
		AssessmentScenario s = county.scenario();
		Session stationAdmin = s.grantee("st-admin", "STATION_ADMIN", st);
		String p1 = s.project(st);
		String p2 = s.project(i);
		String p3 = s.project(st);

		// Only a center admin marks; a station admin can neither mark nor create a brand project.
		ApiErrors.expectCode(mark(stationAdmin, p1, true, "群众认可度高"), "PROJECT_BRAND_CENTER_ONLY");
		Map<String, Object> input = new HashMap<>();
		input.put("orgUnitId", Long.toString(st));
		input.put("name", Fixtures.unique("健康江来"));
		input.put("category", "HEALTH_SPORTS");
		input.put("brand", true);
		ApiErrors.expectCode(this.api.as(stationAdmin).documentName("createProject").variable("input", input).execute(),
				"PROJECT_BRAND_CENTER_ONLY");
		ApiErrors.expectCode(mark(s.admin, p1, true, " "), "BAD_REQUEST");
		assertThat(brandOf(p1)).isFalse();

		mark(s.admin, p1, true, "群众认可度高").path("markBrandProject.brand").entity(Boolean.class).isEqualTo(true)
			.path("markBrandProject.brandMarkedAt").entity(String.class).satisfies(at -> assertThat(at).isNotBlank());
		ApiErrors.expectCode(mark(s.approver, p1, true, "重复标记"), "PROJECT_BRAND_UNCHANGED");
		mark(s.admin, p2, true, "连续三年开展");
		mark(s.admin, p3, true, "试点");
		mark(s.approver, p3, false, "试点结束，效果一般").path("markBrandProject.brand").entity(Boolean.class)
			.isEqualTo(false);
		// A station admin may still edit the project, but not its flag.
		Map<String, Object> change = new HashMap<>();
		change.put("name", "理论宣讲·改");
		change.put("category", "THEORY_LECTURE");
		change.put("brand", false);
		ApiErrors.expectCode(this.api.as(stationAdmin).documentName("updateProject").variable("id", p1)
			.variable("input", change).execute(), "PROJECT_BRAND_CENTER_ONLY");
		change.remove("brand");
		this.api.as(stationAdmin).documentName("updateProject").variable("id", p1).variable("input", change).execute()
			.path("updateProject.brand").entity(Boolean.class).isEqualTo(true);

		// The trail, newest first, for admins over the project's unit only.
		this.api.as(stationAdmin).documentName("projectBrandChanges").variable("projectId", p3).execute()
			.path("projectBrandChanges[*].brand").entityList(Boolean.class).containsExactly(false, true)
			.path("projectBrandChanges[0].reason").entity(String.class).isEqualTo("试点结束，效果一般")
			.path("projectBrandChanges[0].changedBy").entity(String.class)
			.isEqualTo(Long.toString(s.approver.userId()));
		ApiErrors.expectCode(this.api.as(stationAdmin).documentName("projectBrandChanges").variable("projectId", p2)
			.execute(), "FORBIDDEN");

		Map<String, Object> answer = s.assessment(s.admin, c, 2024, 6).path("assessment").entity(Map.class).get();
		Map<String, Object> center = AssessmentScenario.figuresOf(answer, c).get("BRAND_PROJECTS");
		assertThat(center.get("value")).isEqualTo(2.0);
		assertThat(center.get("target")).isEqualTo(5.0);
		assertThat(center.get("met")).isEqualTo(false);
		assertThat(AssessmentScenario.figuresOf(answer, i).get("BRAND_PROJECTS").get("value")).isEqualTo(2.0);
		assertThat(AssessmentScenario.figuresOf(answer, i).get("BRAND_PROJECTS").get("target")).isNull();
		assertThat(AssessmentScenario.figuresOf(answer, st).get("BRAND_PROJECTS").get("value")).isEqualTo(1.0);
		// The drill-down: the brand projects of the subtree.
		this.api.as(s.admin).documentName("brandProjects").variable("orgUnitId", Long.toString(c)).variable("first", 50)
			.execute().path("projects.edges[*].node.id").entityList(String.class).containsExactly(p1, p2);
	}

	@Test
	void staffTrainingSessionsAndCoverageOfStaffAndTeamLeaders() {
		AssessmentCounties.County county = this.counties.create(33.2, 106.7, "中心", "所", "一站", "二站");
		long c = county.center();
		long i = county.institute();
		long st1 = county.station(0);
		long st2 = county.station(1);
		AssessmentScenario s = county.scenario();
		Session stationAdmin = s.grantee("st-admin", "STATION_ADMIN", st1);
		Session leader = s.volunteer(st2, false);
		team(s, st2, leader);

		// Nobody records their own attendance; only admins over the holding unit record; no future dates.
		ApiErrors.expectCode(training(s.admin, c, "2024-03-10", List.of(s.admin)), "STAFF_TRAINING_SELF_ATTENDANCE");
		ApiErrors.expectCode(training(stationAdmin, c, "2024-03-10", List.of(s.admin)), "FORBIDDEN");
		ApiErrors.expectCode(training(s.admin, c, "2999-01-01", List.of(s.approver)), "BAD_REQUEST");
		training(s.admin, c, "2024-03-10", List.of(s.approver, stationAdmin, s.approver))
			.path("recordStaffTraining.attendees[*].userId").entityList(String.class)
			.containsExactly(Long.toString(s.approver.userId()), Long.toString(stationAdmin.userId()));
		training(s.approver, c, "2024-05-20", List.of(s.admin));
		this.api.as(s.admin).documentName("staffTrainings").variable("orgUnitId", Long.toString(c)).variable("year", 2024)
			.execute().path("staffTrainings[*].heldOn").entityList(String.class).containsExactly("2024-05-20", "2024-03-10");

		// June: both sessions; four people (two center admins, a station admin, a team leader), three trained.
		Map<String, Object> june = s.assessment(s.admin, c, 2024, 6).path("assessment").entity(Map.class).get();
		Map<String, Object> sessions = AssessmentScenario.figuresOf(june, c).get("STAFF_TRAINING_SESSIONS");
		assertThat(sessions.get("value")).isEqualTo(2.0);
		assertThat(sessions.get("target")).isEqualTo(2.0);
		assertThat(sessions.get("met")).isEqualTo(true);
		assertThat(sessions.get("expectedToDate")).isEqualTo(1.0);
		assertThat(AssessmentScenario.figuresOf(june, i).get("STAFF_TRAINING_SESSIONS").get("target")).isNull();
		coverage(june, c, 75.0, 3, 4, false);
		coverage(june, i, 50.0, 1, 2, false);
		coverage(june, st1, 100.0, 1, 1, true);
		coverage(june, st2, 0.0, 0, 1, false);
		// April: only the March session counts so far.
		Map<String, Object> april = s.assessment(s.admin, c, 2024, 4).path("assessment").entity(Map.class).get();
		assertThat(AssessmentScenario.figuresOf(april, c).get("STAFF_TRAINING_SESSIONS").get("value")).isEqualTo(1.0);
		coverage(april, c, 50.0, 2, 4, false);

		// Who is missing: the team leader, at their team's station.
		this.api.as(s.admin).documentName("staffTrainingCoverage").variable("orgUnitId", Long.toString(c))
			.variable("year", 2024).variable("month", 6).execute()
			.path("staffTrainingCoverage[*].userId").entityList(String.class).containsExactly(Long.toString(leader.userId()))
			.path("staffTrainingCoverage[0].roles").entityList(String.class).containsExactly("TEAM_LEADER")
			.path("staffTrainingCoverage[0].orgUnitId").entity(String.class).isEqualTo(Long.toString(st2))
			.path("staffTrainingCoverage[0].sessionsAttended").entity(Integer.class).isEqualTo(0);
		this.api.as(s.admin).documentName("staffTrainingCoverage").variable("orgUnitId", Long.toString(c))
			.variable("year", 2024).variable("month", 6).variable("missingOnly", false).execute()
			.path("staffTrainingCoverage").entityList(Object.class).hasSize(4);
		ApiErrors.expectCode(this.api.as(stationAdmin).documentName("staffTrainingCoverage")
			.variable("orgUnitId", Long.toString(c)).variable("year", 2024).variable("month", 6).execute(), "FORBIDDEN");
	}

	/**
	 * A session lists only the staff and 骨干 its coverage figure counts within the holding unit's
	 * subtree: staff of another county (or of a sibling station, or nobody's) are refused with a stable
	 * code naming them, so a station admin of one county cannot raise another county's coverage.
	 */
	@Test
	void aSessionListsOnlyStaffAndTeamLeadersOfItsOwnSubtree() {
		AssessmentCounties.County a = this.counties.create(33.7, 107.2, "中心", "所", "一站", "二站");
		AssessmentCounties.County b = this.counties.create(34.7, 108.2, "中心", "所", "站");
		AssessmentScenario sa = a.scenario();
		AssessmentScenario sb = b.scenario();
		Session stationAdminA = sa.grantee("st-admin", "STATION_ADMIN", a.station(0));
		Session siblingAdminA = sa.grantee("st-admin", "STATION_ADMIN", a.station(1));
		Session leaderA = sa.volunteer(a.station(0), false);
		team(sa, a.station(0), leaderA);
		Session stationAdminB = sb.grantee("st-admin", "STATION_ADMIN", b.station());
		Session nobody = this.api.login(Fixtures.unique("not-staff"));
		// County B: its two center admins and its station admin, none trained.
		Map<String, Object> before = sb.assessment(sb.admin, b.center(), 2024, 6).path("assessment").entity(Map.class).get();
		coverage(before, b.center(), 0.0, 0, 3, false);
		coverage(before, b.station(), 0.0, 0, 1, false);

		// County A's station admin lists county B's station admin: refused, named, nothing stored.
		var errors = ApiErrors.expectCode(training(stationAdminA, a.station(0), "2024-03-10",
				List.of(leaderA, stationAdminB)), "STAFF_TRAINING_ATTENDEE_NOT_STAFF");
		assertThat(errors.get(0).getMessage()).contains("工作人员").endsWith("：" + stationAdminB.userId());
		ApiErrors.expectCode(training(sa.admin, a.center(), "2024-03-10", List.of(sa.approver, stationAdminB)),
				"STAFF_TRAINING_ATTENDEE_NOT_STAFF");
		// Nor someone who is nobody's staff, nor staff of a sibling station (outside the holding station).
		ApiErrors.expectCode(training(stationAdminA, a.station(0), "2024-03-10", List.of(nobody)),
				"STAFF_TRAINING_ATTENDEE_NOT_STAFF");
		ApiErrors.expectCode(training(stationAdminA, a.station(0), "2024-03-10", List.of(siblingAdminA)),
				"STAFF_TRAINING_ATTENDEE_NOT_STAFF");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM staff_training WHERE org_unit_id IN (?, ?)",
				Integer.class, a.center(), a.station(0))).isZero();

		// The station's own team leader, and at the center every staff member of the county: recorded.
		training(stationAdminA, a.station(0), "2024-03-10", List.of(leaderA))
			.path("recordStaffTraining.attendees[*].userId").entityList(String.class)
			.containsExactly(Long.toString(leaderA.userId()));
		training(sa.admin, a.center(), "2024-05-20", List.of(sa.approver, siblingAdminA, stationAdminA))
			.path("recordStaffTraining.attendees").entityList(Object.class).hasSize(3);

		// County B's coverage did not move.
		Map<String, Object> after = sb.assessment(sb.admin, b.center(), 2024, 6).path("assessment").entity(Map.class).get();
		coverage(after, b.center(), 0.0, 0, 3, false);
		coverage(after, b.station(), 0.0, 0, 1, false);
		this.api.as(sb.admin).documentName("staffTrainingCoverage").variable("orgUnitId", Long.toString(b.center()))
			.variable("year", 2024).variable("month", 6).execute()
			.path("staffTrainingCoverage[*].userId").entityList(String.class)
			.contains(Long.toString(stationAdminB.userId()));
	}

	@Test
	void stationWeeksWithActivitiesAndActiveTeams() {
		AssessmentCounties.County county = this.counties.create(33.3, 106.8, "中心", "所", "一站", "二站");
		long c = county.center();
		long i = county.institute();
		long st1 = county.station(0);
		long st2 = county.station(1);
		AssessmentScenario s = county.scenario();
		// June 2024 (China time): Mondays 3, 10, 17, 24, so four weeks; 1–2 June belong to May's last week.
		String p1 = s.project(st1);
		s.finished(p1, "2024-06-02T15:30:00Z", false); // Sunday 23:30: May's week
		s.finished(p1, "2024-06-09T16:00:00Z", false); // Monday 10 June 00:00: week 2
		s.finished(p1, "2024-06-12T01:00:00Z", false); // week 2 again
		s.finished(p1, "2024-06-24T01:00:00Z", false); // week 4
		s.activity(p1, "2024-06-17T01:00:00Z", 2, false, null, "ONGOING", Map.of(), List.of()); // not held

		// Three teams at st2: A serves through its project's activity in June, B only in May, C a need in June.
		Session leaderA = s.volunteer(st2, false);
		Session leaderB = s.volunteer(st2, false);
		Session leaderC = s.volunteer(st2, false);
		String teamA = team(s, st2, leaderA);
		String teamB = team(s, st2, leaderB);
		String teamC = team(s, st2, leaderC);
		Session served = s.volunteer(st2, false);
		s.activity(teamProject(s, st2, teamA), "2024-06-05T01:00:00Z", 2, false, null, "FINISHED", Map.of(served, 2),
				List.of(served));
		s.activity(teamProject(s, st2, teamB), "2024-05-15T01:00:00Z", 2, false, null, "FINISHED", Map.of(served, 2),
				List.of(served));
		// The need feature's rollup as a confirmation of the team's need hours in June would leave it.
		this.jdbc.update("INSERT INTO need_hours_rollup (period, period_value, subject, subject_id, hours) "
				+ "VALUES ('MONTH', '2024-06', 'T', ?, 3.00)", Long.valueOf(teamC));

		Map<String, Object> june = s.assessment(s.admin, c, 2024, 6).path("assessment").entity(Map.class).get();
		share(june, st1, "STATION_WEEKLY_ACTIVITIES", 50.0, 2, 4, 100.0, false);
		// st2 held team A's activity on 5 June (week 1).
		share(june, st2, "STATION_WEEKLY_ACTIVITIES", 25.0, 1, 4, 100.0, false);
		share(june, i, "STATION_WEEKLY_ACTIVITIES", 37.5, 3, 8, 100.0, false);
		share(june, c, "STATION_WEEKLY_ACTIVITIES", 37.5, 3, 8, 100.0, false);
		share(june, st2, "ACTIVE_TEAMS", 66.67, 2, 3, null, null);
		share(june, c, "ACTIVE_TEAMS", 66.67, 2, 3, null, null);
		share(june, st1, "ACTIVE_TEAMS", null, 0, 0, null, null);
		// May: the week of 27 May–2 June holds the Sunday activity; B's team served.
		Map<String, Object> may = s.assessment(s.admin, c, 2024, 5).path("assessment").entity(Map.class).get();
		share(may, st1, "STATION_WEEKLY_ACTIVITIES", 25.0, 1, 4, 100.0, false);
		share(may, st2, "ACTIVE_TEAMS", 33.33, 1, 3, null, null);
	}

	@Test
	void inServicePartyMembersAreDeclaredConfirmedWithATrailAndCountedWhenTheyServed() {
		AssessmentCounties.County county = this.counties.create(33.4, 106.9, "中心", "所", "站");
		long c = county.center();
		long st = county.station();
		AssessmentScenario s = county.scenario();
		Session v1 = register(st, true);
		Session v2 = register(st, false);
		Session v3 = register(st, true);
		Session stationAdmin = register(st, true);
		s.fixtures.grant(stationAdmin.userId(), "STATION_ADMIN", st);
		s.backdate(List.of(v1, v2, v3, stationAdmin), List.of(), "2024-01-10T00:00:00Z");

		// The declared ones wait for an admin.
		this.api.as(s.admin).documentName("volunteersPartyPending").variable("orgUnitId", Long.toString(st)).execute()
			.path("volunteers.edges[*].node.id").entityList(String.class)
			.containsExactly(id(s, v1), id(s, v3), id(s, stationAdmin));
		setFlag(s.admin, id(s, v1), true, "已到站报到").path("setInServicePartyMember.inServicePartyMember")
			.entity(Boolean.class).isEqualTo(true);
		ApiErrors.expectCode(setFlag(s.approver, id(s, v1), true, "已到站报到"), "IN_SERVICE_PARTY_UNCHANGED");
		setFlag(stationAdmin, id(s, v2), true, "组织部报到名单");
		ApiErrors.expectCode(setFlag(stationAdmin, id(s, stationAdmin), true, "本人"), "FORBIDDEN");
		ApiErrors.expectCode(setFlag(s.admin, id(s, v3), true, " "), "BAD_REQUEST");

		String project = s.project(st);
		s.activity(project, "2024-06-05T01:00:00Z", 2, false, null, "FINISHED", Map.of(v1, 2, v3, 2), List.of(v1, v3));
		s.activity(project, "2024-05-05T01:00:00Z", 2, false, null, "FINISHED", Map.of(v2, 2), List.of(v2));

		// June: v1 and v2 are confirmed, v1 served; v3 served but is only declared.
		Map<String, Object> june = s.assessment(s.admin, c, 2024, 6).path("assessment").entity(Map.class).get();
		share(june, st, "IN_SERVICE_PARTY_PARTICIPATION", 50.0, 1, 2, null, null);
		share(june, c, "IN_SERVICE_PARTY_PARTICIPATION", 50.0, 1, 2, null, null);
		Map<String, Object> may = s.assessment(s.admin, c, 2024, 5).path("assessment").entity(Map.class).get();
		share(may, st, "IN_SERVICE_PARTY_PARTICIPATION", 50.0, 1, 2, null, null);

		// v1 withdraws the declaration: the flag goes too, and the trail says so.
		this.api.as(v1).documentName("declareInServicePartyMember").variable("declared", false).execute()
			.path("declareInServicePartyMember.inServicePartyMember").entity(Boolean.class).isEqualTo(false);
		this.api.as(v1).documentName("inServicePartyChanges").variable("volunteerId", id(s, v1)).execute()
			.path("inServicePartyChanges[*].inService").entityList(Boolean.class).containsExactly(false, true)
			.path("inServicePartyChanges[1].reason").entity(String.class).isEqualTo("已到站报到");
		june = s.assessment(s.admin, c, 2024, 6).path("assessment").entity(Map.class).get();
		share(june, st, "IN_SERVICE_PARTY_PARTICIPATION", 0.0, 0, 1, null, null);
	}

	// --- helpers

	private GraphQlTester.Response mark(Session as, String projectId, boolean brand, String reason) {
		return this.api.as(as).documentName("markBrandProject")
			.variable("input", Map.of("projectId", projectId, "brand", brand, "reason", reason)).execute();
	}

	private boolean brandOf(String projectId) {
		return this.jdbc.queryForObject("SELECT brand FROM project WHERE id = ?", Boolean.class, Long.valueOf(projectId));
	}

	private GraphQlTester.Response training(Session as, long unitId, String heldOn, List<Session> attendees) {
		return this.api.as(as).documentName("recordStaffTraining").variable("input", IdempotencyKeys.keyed(Map.of("orgUnitId",
				Long.toString(unitId), "heldOn", heldOn, "topic", "志愿服务组织管理培训", "attendeeUserIds",
				attendees.stream().map(a -> Long.toString(a.userId())).toList()))).execute();
	}

	private String team(AssessmentScenario s, long unitId, Session leader) {
		Map<String, Object> input = Map.of("orgUnitId", Long.toString(unitId), "name", Fixtures.unique("分队"), "kind",
				"SQUAD", "leaderUserId", Long.toString(leader.userId()));
		return this.api.as(s.admin).documentName("createTeam").variable("input", input).execute()
			.path("createTeam.id").entity(String.class).get();
	}

	private String teamProject(AssessmentScenario s, long unitId, String teamId) {
		Map<String, Object> input = Map.of("orgUnitId", Long.toString(unitId), "teamId", teamId, "name",
				Fixtures.unique("队伍项目"), "category", "CULTURE");
		return this.api.as(s.admin).documentName("createProject").variable("input", input).execute()
			.path("createProject.id").entity(String.class).get();
	}

	private Session register(long stationId, boolean inServiceParty) {
		Session session = this.api.login(Fixtures.unique("party-vol"));
		Map<String, Object> input = Volunteers.input("王五", Volunteers.idNumber(), stationId);
		input.put("partyMember", true);
		input.put("inServicePartyMember", inServiceParty);
		this.api.as(session).documentName("registerVolunteerParty").variable("input", input).execute()
			.path("registerVolunteer.inServicePartyDeclared").entity(Boolean.class).isEqualTo(inServiceParty)
			.path("registerVolunteer.inServicePartyMember").entity(Boolean.class).isEqualTo(false);
		return session;
	}

	private GraphQlTester.Response setFlag(Session as, String volunteerId, boolean flag, String reason) {
		return this.api.as(as).documentName("setInServicePartyMember")
			.variable("input", Map.of("volunteerId", volunteerId, "inService", flag, "reason", reason)).execute();
	}

	private static String id(AssessmentScenario s, Session volunteer) {
		return Long.toString(s.volunteerId(volunteer));
	}

	private static void coverage(Map<String, Object> answer, long unitId, Double value, int trained, int people,
			Boolean met) {
		share(answer, unitId, "STAFF_TRAINING_COVERAGE", value, trained, people, 100.0, met);
	}

	private static void share(Map<String, Object> answer, long unitId, String kind, Double value, int numerator,
			int denominator, Double target, Boolean met) {
		Map<String, Object> f = AssessmentScenario.figuresOf(answer, unitId).get(kind);
		assertThat(f).as(kind).isNotNull();
		assertThat(number(f.get("value"))).as(kind + ".value of " + unitId).isEqualTo(value);
		assertThat(number(f.get("numerator"))).as(kind + ".numerator of " + unitId).isEqualTo((double) numerator);
		assertThat(number(f.get("denominator"))).as(kind + ".denominator of " + unitId).isEqualTo((double) denominator);
		assertThat(number(f.get("target"))).as(kind + ".target").isEqualTo(target);
		assertThat(f.get("met")).as(kind + ".met of " + unitId).isEqualTo(met);
	}

	private static Double number(Object value) {
		return (value == null) ? null : ((Number) value).doubleValue();
	}

}
