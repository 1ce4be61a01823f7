package cn.wenming.practice.assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.activity.ActivityHoursRollup;
import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.MutableClock;
import cn.wenming.practice.testinfra.Scenario;
import cn.wenming.practice.testinfra.SqlCounter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may see an assessment, bad periods, and a statement count that does not grow with the subtree. */
@IntegrationTest
class AssessmentAccessTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	SqlCounter counter;

	@Autowired
	ActivityHoursRollup hoursRollup;

	@Test
	void onlyAdminsOfTheUnitOrAboveSeeIt(@Scenario Api api, @Scenario Fixtures fixtures) {
		Fixtures.Tree tree = fixtures.tree();
		long otherStation = fixtures.unit(tree.institute(), "STATION", Fixtures.unique("站"), 31.0, 119.0);
		AssessmentScenario s = new AssessmentScenario(api, this.jdbc, this.clock, tree.center());
		Session stationAdmin = api.login(Fixtures.unique("assess-station"));
		fixtures.grant(stationAdmin.userId(), "STATION_ADMIN", tree.station());
		Session instituteAdmin = api.login(Fixtures.unique("assess-institute"));
		fixtures.grant(instituteAdmin.userId(), "INSTITUTE_ADMIN", tree.institute());
		Session volunteer = s.volunteer(tree.station(), true);

		// Own unit and below: allowed, and only that subtree is returned.
		s.assessment(stationAdmin, tree.station(), 2024, 6).path("assessment.units[*].orgUnitId")
			.entityList(String.class).containsExactly(Long.toString(tree.station()));
		s.assessment(instituteAdmin, tree.institute(), 2024, 6).path("assessment.units[*].orgUnitId")
			.entityList(String.class)
			.containsExactly(Long.toString(tree.institute()), Long.toString(tree.station()), Long.toString(otherStation));
		s.assessment(s.admin, tree.station(), 2024, 6).path("assessment.units").entityList(Object.class).hasSize(1);

		// Above one's unit, a sibling, or not an admin: refused.
		ApiErrors.expectCode(s.assessment(stationAdmin, tree.institute(), 2024, 6), "FORBIDDEN");
		ApiErrors.expectCode(s.assessment(stationAdmin, otherStation, 2024, 6), "FORBIDDEN");
		ApiErrors.expectCode(s.assessment(instituteAdmin, tree.center(), 2024, 6), "FORBIDDEN");
		ApiErrors.expectCode(s.assessment(volunteer, tree.station(), 2024, 6), "FORBIDDEN");
		ApiErrors.expectCode(api.anonymous().documentName("assessment").variable("orgUnitId", Long.toString(tree.station()))
			.variable("year", 2024).variable("month", 6).execute(), "UNAUTHENTICATED");

		// Bad periods and units.
		ApiErrors.expectCode(s.assessment(s.admin, tree.center(), 2024, 13), "BAD_REQUEST");
		ApiErrors.expectCode(s.assessment(s.admin, tree.center(), 2024, 0), "BAD_REQUEST");
		ApiErrors.expectCode(s.assessment(s.admin, tree.center(), 1999, 6), "BAD_REQUEST");
		ApiErrors.expectCode(s.assessment(s.admin, Long.MAX_VALUE, 2024, 6), "NOT_FOUND");
	}

	@Test
	void anActivityNamesOnlyACivilizedUnitLivePairedWithItsStation(@Scenario Api api, @Scenario Fixtures fixtures) {
		Fixtures.Tree tree = fixtures.tree();
		AssessmentScenario s = new AssessmentScenario(api, this.jdbc, this.clock, tree.center());
		String cu = s.civilizedUnit(tree.institute());
		String stationProject = s.project(tree.station());
		java.time.Instant start = java.time.Instant.parse("2026-03-01T01:00:00Z");
		java.time.Duration hour = java.time.Duration.ofHours(1);

		// Not yet paired, then paired, then the pairing ended.
		ApiErrors.expectCode(s.createActivity(stationProject, start, hour, false, cu), "CIVILIZED_UNIT_NOT_PAIRED");
		s.pair(cu, tree.station());
		s.createActivity(stationProject, start, hour, false, cu).path("createActivity.civilizedUnitId")
			.entity(String.class).isEqualTo(cu);
		api.as(s.admin).documentName("unpairCivilizedUnit").variable("civilizedUnitId", cu)
			.variable("stationId", Long.toString(tree.station())).execute().path("unpairCivilizedUnit")
			.entity(Boolean.class).isEqualTo(true);
		ApiErrors.expectCode(s.createActivity(stationProject, start, hour, false, cu), "CIVILIZED_UNIT_NOT_PAIRED");
		// An unknown unit is refused the same way; no civilized unit is fine.
		ApiErrors.expectCode(s.createActivity(stationProject, start, hour, false, "999999999"),
				"CIVILIZED_UNIT_NOT_PAIRED");
		s.createActivity(stationProject, start, hour, false, null).path("createActivity.civilizedUnitId")
			.valueIsNull();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM activity WHERE project_id = ? AND civilized_unit_id = ?",
				Integer.class, Long.valueOf(stationProject), Long.valueOf(cu))).isEqualTo(1);
	}

	@Test
	void statementCountIsTheSameForTwoStationsAndForTwelve(@Scenario Api api, @Scenario Fixtures fixtures) {
		long small = fixtures.unit(null, "CENTER", Fixtures.unique("中心"), 33.0, 107.0);
		long smallInstitute = fixtures.unit(small, "INSTITUTE", Fixtures.unique("所"), 33.0, 107.0);
		List<Long> smallStations = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			smallStations.add(fixtures.unit(smallInstitute, "STATION", Fixtures.unique("站"), 33.0, 107.0));
		}
		long large = fixtures.unit(null, "CENTER", Fixtures.unique("中心"), 34.0, 108.0);
		List<Long> largeStations = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			long institute = fixtures.unit(large, "INSTITUTE", Fixtures.unique("所"), 34.0, 108.0);
			for (int j = 0; j < 4; j++) {
				largeStations.add(fixtures.unit(institute, "STATION", Fixtures.unique("站"), 34.0, 108.0));
			}
		}
		AssessmentScenario s = new AssessmentScenario(api, this.jdbc, this.clock, small);
		fixtures.grant(s.admin.userId(), "CENTER_ADMIN", large);
		// Something for every grouped query to find in every station: a party-member volunteer, a
		// paired civilized unit whose finished theory lecture the volunteer served with confirmed
		// hours, a rated need. Only the volunteer goes through the API (the figures test covers the
		// flows); the rest are rows, to keep this test fast.
		for (long station : concat(smallStations, largeStations)) {
			Session v = s.volunteer(station, true);
			this.jdbc.update("UPDATE volunteer SET created_at = '2026-01-10 00:00:00' WHERE user_id = ?", v.userId());
			long cu = fixtures.insert("INSERT INTO civilized_unit (name, org_unit_id, created_at, updated_at) "
					+ "VALUES ('文明单位', ?, '2026-01-01 00:00:00', '2026-01-01 00:00:00')", station);
			this.jdbc.update("INSERT INTO civilized_unit_pairing (civilized_unit_id, station_id, active, paired_at) "
					+ "VALUES (?, ?, 1, '2026-01-02 00:00:00')", cu, station);
			long project = fixtures.insert("INSERT INTO project (org_unit_id, name, category, brand, status, created_by, created_at, "
					+ "updated_at) VALUES (?, '理论宣讲', 'THEORY_LECTURE', 0, 'ACTIVE', " + s.admin.userId()
					+ ", '2026-01-01 00:00:00', '2026-01-01 00:00:00')", station);
			long activity = fixtures.insert("INSERT INTO activity (project_id, org_unit_id, category, title, starts_at, ends_at, "
					+ "sign_up_deadline, address, latitude, longitude, capacity, theory_lecture, status, created_by, "
					+ "created_at, updated_at, civilized_unit_id) VALUES (" + project + ", ?, 'THEORY_LECTURE', '宣讲', "
					+ "'2026-02-10 01:00:00', '2026-02-10 03:00:00', '2026-02-10 01:00:00', '站', 33, 107, 10, 1, "
					+ "'FINISHED', " + s.admin.userId() + ", '2026-01-01 00:00:00', '2026-01-01 00:00:00', " + cu + ")",
					station);
			this.jdbc.update("INSERT INTO activity_sign_up (activity_id, user_id, volunteer_id, status, live_flag, hours, "
					+ "hours_confirmed_at, created_at, updated_at) VALUES (?, ?, ?, 'CONFIRMED', 1, 2.00, "
					+ "'2026-02-10 04:00:00', '2026-02-01 00:00:00', '2026-02-01 00:00:00')", activity, v.userId(),
					s.volunteerId(v));
			// Rows, not the API: the hours rollup is added up from them as a confirmation would have.
			this.hoursRollup.rebuildUsers(v.userId(), v.userId());
			s.need(station, "2026-02-03T01:00:00Z", "RATED", "2026-02-05T01:00:00Z", 5, "2026-02-06T01:00:00Z");
		}

		var two = this.counter.measure(() -> s.assessment(s.admin, small, 2026, 2).path("assessment.units")
			.entityList(Object.class).hasSize(4).get());
		var twelve = this.counter.measure(() -> s.assessment(s.admin, large, 2026, 2).path("assessment.units")
			.entityList(Object.class).hasSize(16).get());

		assertThat(twelve.count()).as(String.join("\n", twelve.statements())).isEqualTo(two.count());
		// 12: the confirmed need-service hours are one statement of their own (need's NeedStandings), and
		// so are the recorded lectures (lecture's LectureStatistics, issue 18).
		// 22 (issue 18's seed figures): brand projects (project), weeks with activities, projects and
		// users with hours in the month (activity), users with need hours (need), the active teams
		// (team), the 在职党员, staff-training sessions and attendance (volunteer), the admins (auth):
		// one statement each; the teams' projects and need hours only when there are teams (none here).
		// 23: the 随手拍 counts (civic's CivicStatistics); 24: the spot checks and peer reviews
		// (evaluation's EvaluationStatistics, one UNION statement).
		assertThat(two.count()).as(String.join("\n", two.statements())).isLessThanOrEqualTo(24);
		// And the figures saw the data (so the queries were not trivially empty): every station held one.
		Map<String, Object> answer = s.assessment(s.admin, large, 2026, 2).path("assessment").entity(Map.class).get();
		for (long station : largeStations) {
			var figures = AssessmentScenario.figuresOf(answer, station);
			assertThat(figures.get("ACTIVITIES").get("value")).isEqualTo(1.0);
			assertThat(figures.get("CIVILIZED_UNIT_ACTIVITIES").get("value")).isEqualTo(100.0);
			assertThat(figures.get("PARTY_MEMBER_PARTICIPATION").get("value")).isEqualTo(100.0);
			assertThat(figures.get("NEED_SATISFACTION").get("value")).isEqualTo(100.0);
		}
	}

	private static List<Long> concat(List<Long> a, List<Long> b) {
		List<Long> all = new ArrayList<>(a);
		all.addAll(b);
		return all;
	}

}
