package cn.wenming.practice.assessment;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.activity.ActivityHoursRollup;
import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.Exports;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.MutableClock;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static cn.wenming.practice.testinfra.Exports.rows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Excel exports of issue 16 read back with POI and compared with what GraphQL answers the same
 * caller: the assessment (assessment), the 落实清单 (need), the hours roster (activity) and the
 * volunteer list (volunteer); anonymous callers get 401, callers without rights 403 (the 落实清单, public
 * once published, answers 404 before). One scenario
 * feeds all four, with rows written directly as in the assessment's statement-count test.
 */
@IntegrationTest
class ExcelExportTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	ActivityHoursRollup hoursRollup;

	@LocalServerPort
	int port;

	@Test
	void exportsMatchTheGraphQlFiguresAndAreRefusedWithoutRights(@Scenario Api api, @Scenario Fixtures fixtures)
			throws Exception {
		Fixtures.Tree tree = fixtures.tree();
		long otherStation = fixtures.unit(tree.institute(), "STATION", Fixtures.unique("站"), 31.0, 119.0);
		AssessmentScenario s = new AssessmentScenario(api, this.jdbc, this.clock, tree.center());
		Session stationAdmin = api.login(Fixtures.unique("export-station"));
		fixtures.grant(stationAdmin.userId(), "STATION_ADMIN", otherStation);
		Session v = s.volunteer(tree.station(), true);
		long volunteerId = s.volunteerId(v);
		this.jdbc.update("UPDATE volunteer SET created_at = '2026-01-10 00:00:00' WHERE user_id = ?", v.userId());
		long project = fixtures.insert("INSERT INTO project (org_unit_id, name, category, brand, status, created_by, created_at, "
				+ "updated_at) VALUES (?, '理论宣讲', 'THEORY_LECTURE', 0, 'ACTIVE', " + s.admin.userId()
				+ ", '2026-01-01 00:00:00', '2026-01-01 00:00:00')", tree.station());
		long activity = fixtures.insert("INSERT INTO activity (project_id, org_unit_id, category, title, starts_at, ends_at, "
				+ "sign_up_deadline, address, latitude, longitude, capacity, theory_lecture, status, created_by, "
				+ "created_at, updated_at) VALUES (" + project + ", ?, 'THEORY_LECTURE', '宣讲进村', "
				+ "'2026-02-10 01:00:00', '2026-02-10 03:00:00', '2026-02-10 01:00:00', '站', 33, 107, 10, 1, "
				+ "'FINISHED', " + s.admin.userId() + ", '2026-01-01 00:00:00', '2026-01-01 00:00:00')", tree.station());
		this.jdbc.update("INSERT INTO activity_sign_up (activity_id, user_id, volunteer_id, status, live_flag, hours, "
				+ "hours_confirmed_at, created_at, updated_at) VALUES (?, ?, ?, 'CONFIRMED', 1, 2.50, "
				+ "'2026-02-10 04:00:00', '2026-02-01 00:00:00', '2026-02-01 00:00:00')", activity, v.userId(), volunteerId);
		// Rows, not the API: the hours rollup is added up from them as a confirmation would have.
		this.hoursRollup.rebuildUsers(v.userId(), v.userId());
		s.need(tree.station(), "2026-02-03T01:00:00Z", "RATED", "2026-02-05T01:00:00Z", 5, "2026-02-06T01:00:00Z");
		s.need(tree.station(), "2026-02-04T01:00:00Z", "SUBMITTED", null, null, null);

		// Assessment: one row per unit and figure, the values GraphQL gives.
		Map<String, Object> answer = s.assessment(s.admin, tree.institute(), 2026, 2).path("assessment")
			.entity(Map.class).get();
		List<List<Object>> rows = rows(get("/exports/assessment/" + tree.institute() + "/2026-2.xlsx", s.admin, 200), 0);
		assertThat(rows.get(0)).startsWith("单位编号", "单位", "层级", "指标", "期间", "数值");
		int figures = 0;
		for (Object unit : (List<?>) answer.get("units")) {
			long unitId = Long.parseLong((String) ((Map<?, ?>) unit).get("orgUnitId"));
			List<List<Object>> unitRows = rows.stream().filter(r -> Double.valueOf(unitId).equals(r.get(0))).toList();
			List<Map<String, Object>> expected = new ArrayList<>(AssessmentScenario.figuresOf(answer, unitId).values());
			assertThat(unitRows).hasSize(expected.size());
			for (int i = 0; i < expected.size(); i++) {
				assertThat(unitRows.get(i).get(5)).as("unit %d figure %s", unitId, expected.get(i).get("kind"))
					.isEqualTo(expected.get(i).get("value"));
				assertThat(unitRows.get(i).get(8)).isEqualTo(expected.get(i).get("target"));
				figures++;
			}
		}
		assertThat(figures).isEqualTo(rows.size() - 1).isGreaterThan(10);
		Map<String, Map<String, Object>> station = AssessmentScenario.figuresOf(answer, tree.station());
		assertThat(station.get("ACTIVITIES").get("value")).isEqualTo(1.0);

		// 落实清单 of the station, live for its admins: the totals row and the need lists.
		Map<String, Object> list = api.as(s.admin).documentName("fulfilmentList")
			.variable("orgUnitId", Long.toString(tree.station())).variable("month", "2026-02").execute()
			.path("fulfilmentList").entity(Map.class).get();
		byte[] fulfilment = get("/exports/need/fulfilment/" + tree.station() + "/2026-02.xlsx", s.admin, 200);
		List<List<Object>> summary = rows(fulfilment, 0);
		List<Object> total = summary.get(summary.size() - 1);
		Map<?, ?> expectedTotal = (Map<?, ?>) list.get("total");
		assertThat(total.get(0)).isEqualTo("合计");
		assertThat(total.subList(1, 3)).containsExactly(((Number) expectedTotal.get("received")).doubleValue(),
				((Number) expectedTotal.get("fulfilled")).doubleValue());
		assertThat(total.get(1)).isEqualTo(2.0);
		assertThat(rows(fulfilment, 1)).hasSize(1 + ((List<?>) list.get("fulfilled")).size()).hasSize(2);
		List<List<Object>> open = rows(fulfilment, 2);
		assertThat(open).hasSize(2);
		assertThat(open.get(1).get(2)).isEqualTo(((Map<?, ?>) ((List<?>) list.get("unfulfilled")).get(0)).get("residentName"))
			.isNotEqualTo("张秀英");

		// Hours roster of February: the confirmed sign-up, masked name, the volunteer's credit hours.
		List<List<Object>> roster = rows(get("/exports/activity/hours/" + tree.institute()
				+ ".xlsx?from=2026-02-01&to=2026-02-28", s.admin, 200), 0);
		assertThat(roster).hasSize(2);
		assertThat(roster.get(1).get(1)).isEqualTo("宣讲进村");
		assertThat(roster.get(1).get(4)).isEqualTo((double) volunteerId);
		assertThat(roster.get(1).get(5)).isEqualTo("李*");
		assertThat(roster.get(1).get(6)).isEqualTo(2.5);
		assertThat(rows(get("/exports/activity/hours/" + tree.institute() + ".xlsx?from=2026-03-01&to=2026-03-31",
				s.admin, 200), 0)).hasSize(1);
		// Its second sheet: need-service hours of the period, confirmed ones only (a pending claim is not credit).
		long need = this.jdbc.queryForObject("SELECT id FROM need WHERE station_id = ? AND status = 'RATED'", Long.class,
				tree.station());
		this.jdbc.update("INSERT INTO need_participant (need_id, user_id, volunteer_id, hours, hours_status, confirmed_at) "
				+ "VALUES (?, ?, ?, 1.5, 'CONFIRMED', '2026-02-05 03:00:00')", need, v.userId(), volunteerId);
		Session pending = s.volunteer(otherStation, true);
		this.jdbc.update("INSERT INTO need_participant (need_id, user_id, volunteer_id, hours, hours_status) "
				+ "VALUES (?, ?, ?, 2.0, 'PENDING')", need, pending.userId(), s.volunteerId(pending));
		List<List<Object>> needHours = rows(get("/exports/activity/hours/" + tree.institute()
				+ ".xlsx?from=2026-02-01&to=2026-02-28", s.admin, 200), 1);
		assertThat(needHours).hasSize(2);
		assertThat(needHours.get(0)).startsWith("需求编号", "需求");
		assertThat(needHours.get(1)).startsWith((double) need, "帮老人买菜");
		assertThat(needHours.get(1).subList(4, 7)).containsExactly((double) volunteerId, "李*", 1.5);
		assertThat(rows(get("/exports/activity/hours/" + tree.institute() + ".xlsx?from=2026-03-01&to=2026-03-31",
				s.admin, 200), 1)).hasSize(1);

		// Volunteers of the station: the ID number only masked.
		String masked = this.jdbc.queryForObject("SELECT id_number_masked FROM volunteer WHERE id = ?", String.class,
				volunteerId);
		List<List<Object>> people = rows(get("/exports/volunteer/" + tree.station() + ".xlsx", s.admin, 200), 0);
		assertThat(people).hasSize(2);
		assertThat(people.get(1)).startsWith((double) volunteerId, "李四", masked);
		assertThat(masked).contains("*");

		// Refusals: anonymous 401, a volunteer or another station's admin 403, in GraphQL's error shape.
		for (String path : List.of("/exports/assessment/" + tree.station() + "/2026-2.xlsx",
				"/exports/activity/hours/" + tree.station() + ".xlsx?from=2026-02-01&to=2026-02-28",
				"/exports/volunteer/" + tree.station() + ".xlsx")) {
			assertThat(new String(get(path, null, 401))).contains("UNAUTHENTICATED");
			assertThat(new String(get(path, stationAdmin, 403))).as(path).contains("FORBIDDEN");
		}
		assertThat(new String(get("/exports/volunteer/" + tree.station() + ".xlsx", v, 403))).contains("FORBIDDEN");
		// The 落实清单 follows fulfilmentList: others see only a published month (unpublished: 404,
		// nothing told), and then the same cells as the admins.
		String fulfilmentPath = "/exports/need/fulfilment/" + tree.station() + "/2026-02.xlsx";
		assertThat(new String(get(fulfilmentPath, null, 404))).contains("NOT_FOUND");
		assertThat(new String(get(fulfilmentPath, stationAdmin, 404))).contains("NOT_FOUND");
		api.as(s.admin).documentName("publishFulfilmentList").variable("orgUnitId", Long.toString(tree.station()))
			.variable("month", "2026-02").execute().path("publishFulfilmentList.published").entity(Boolean.class)
			.isEqualTo(true);
		assertThat(rows(get(fulfilmentPath, null, 200), 0)).isEqualTo(summary);
		assertThat(new String(get("/exports/activity/hours/" + tree.station() + ".xlsx?from=2026-01-01&to=2027-06-01",
				s.admin, 400))).contains("BAD_REQUEST");
	}

	private byte[] get(String path, Session as, int expectedStatus) throws IOException, InterruptedException {
		HttpResponse<byte[]> response = Exports.get(this.port, path, as, expectedStatus);
		if (expectedStatus == 200) {
			assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
					type -> assertThat(type).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml"));
		}
		return response.body();
	}

}
