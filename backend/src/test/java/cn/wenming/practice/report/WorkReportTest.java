package cn.wenming.practice.report;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.activity.ActivityHoursRollup;
import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Exports;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.HeldRow;
import cn.wenming.practice.testinfra.Scenario;
import cn.wenming.practice.testinfra.Volunteers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static cn.wenming.practice.testinfra.Exports.rows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 工作报告 through the API, over rows seeded directly for February 2026 (week 7 is 9–15 February):
 * the figures equal what was seeded, for the month and the week; a sibling station may not read a
 * station's report, the institute above may; publishing freezes the report once (idempotent), a
 * correction supersedes it with a reason; the institute sees which stations have not reported; the
 * Excel workbook read back with POI holds the same figures.
 */
@IntegrationTest
class WorkReportTest {

	static final String FIGURES = "figures { activitiesHeld signUps participants needsReceived needsFulfilled needsOverdue "
			+ "needsRated needsSatisfied satisfactionRate confirmedHours volunteers newVolunteers beneficiaries }";

	static final String REPORT = "id orgUnitId orgUnitName kind period periodStart periodEnd version status " + FIGURES
			+ " units { orgUnitId name own " + FIGURES + " } activities { id title participants } highlights"
			+ " highlightedActivities { id title } supersedesId correctionReason publishedAt excelPath";

	static final String DRAFT = "mutation($input: DraftReportInput!) { draftReport(input: $input) { " + REPORT + " } }";

	static final String EDIT = "mutation($input: EditReportInput!) { editReport(input: $input) { " + REPORT + " } }";

	static final String PUBLISH = "mutation($id: ID!) { publishReport(id: $id) { " + REPORT + " } }";

	static final String CORRECT = "mutation($input: CorrectReportInput!) { correctReport(input: $input) { " + REPORT
			+ " } }";

	static final String GET = "query($id: ID!) { workReport(id: $id) { " + REPORT + " } }";

	static final String RECEIVED = """
			query($u: ID!, $kind: WorkReportKind!, $period: String) { reportsReceived(orgUnitId: $u, kind: $kind, period: $period) {
			  period reports { id orgUnitId orgUnitName version status } missing { orgUnitId name level } } }""";

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ActivityHoursRollup hoursRollup;

	@Autowired
	DataSource dataSource;

	@Autowired
	cn.wenming.practice.testinfra.SqlCounter sql;

	@LocalServerPort
	int port;

	@Scenario
	Api api;

	@Scenario
	Fixtures fixtures;

	Fixtures.Tree tree;

	long sibling;

	long silent;

	Session admin;

	Session siblingAdmin;

	Session instituteAdmin;

	long project;

	long held;

	long siblingActivity;

	@BeforeEach
	void setUp() {
		this.tree = this.fixtures.tree();
		this.sibling = this.fixtures.unit(this.tree.institute(), "STATION", Fixtures.unique("站"), null, null);
		this.silent = this.fixtures.unit(this.tree.institute(), "STATION", Fixtures.unique("站"), null, null);
		long closed = this.fixtures.unit(this.tree.institute(), "STATION", Fixtures.unique("站"), null, null);
		this.jdbc.update("UPDATE org_unit SET status = 'CLOSED' WHERE id = ?", closed);
		this.admin = this.api.login(Fixtures.unique("report-admin"));
		this.fixtures.grant(this.admin.userId(), "STATION_ADMIN", this.tree.station());
		this.siblingAdmin = this.api.login(Fixtures.unique("report-sibling"));
		this.fixtures.grant(this.siblingAdmin.userId(), "STATION_ADMIN", this.sibling);
		this.instituteAdmin = this.api.login(Fixtures.unique("report-institute"));
		this.fixtures.grant(this.instituteAdmin.userId(), "INSTITUTE_ADMIN", this.tree.institute());
		seed();
	}

	/**
	 * At the station in February: two held activities (10th, 30 beneficiaries; 20th) and one still
	 * ongoing; two volunteers (one registered on 3 February) with 2.5 and 1.5 confirmed hours; four
	 * needs (two completed, one 5★ and one 3★; one missed its deadline of the 12th). One held
	 * activity at the sibling station.
	 */
	private void seed() {
		Session first = this.api.login(Fixtures.unique("report-vol"));
		Session second = this.api.login(Fixtures.unique("report-vol"));
		long v1 = Long.parseLong(Volunteers.register(this.api.as(first), this.tree.station()));
		long v2 = Long.parseLong(Volunteers.register(this.api.as(second), this.tree.station()));
		this.jdbc.update("UPDATE volunteer SET created_at = '2026-02-03 02:00:00' WHERE id = ?", v1);
		this.jdbc.update("UPDATE volunteer SET created_at = '2026-01-10 02:00:00' WHERE id = ?", v2);
		this.project = this.fixtures.insert("INSERT INTO project (org_unit_id, name, category, brand, status, created_by, created_at, "
				+ "updated_at) VALUES (?, '邻里守望', 'EDUCATION', 0, 'ACTIVE', " + this.admin.userId()
				+ ", '2026-01-01 00:00:00', '2026-01-01 00:00:00')", this.tree.station());
		this.held = activity(this.tree.station(), "2026-02-10 01:00:00", "FINISHED", 30);
		long later = activity(this.tree.station(), "2026-02-20 01:00:00", "FINISHED", null);
		activity(this.tree.station(), "2026-02-11 01:00:00", "ONGOING", null);
		long siblingProject = this.fixtures.insert("INSERT INTO project (org_unit_id, name, category, brand, status, created_by, "
				+ "created_at, updated_at) VALUES (?, '邻里守望', 'EDUCATION', 0, 'ACTIVE', " + this.admin.userId()
				+ ", '2026-01-01 00:00:00', '2026-01-01 00:00:00')", this.sibling);
		this.siblingActivity = this.fixtures.insert("INSERT INTO activity (project_id, org_unit_id, category, title, starts_at, ends_at, "
				+ "sign_up_deadline, address, latitude, longitude, capacity, status, created_by, created_at, updated_at) "
				+ "VALUES (" + siblingProject + ", ?, 'EDUCATION', '外站活动', '2026-02-12 01:00:00', "
				+ "'2026-02-12 03:00:00', '2026-02-12 01:00:00', '站', 33, 107, 10, 'FINISHED', " + this.admin.userId()
				+ ", '2026-01-01 00:00:00', '2026-01-01 00:00:00')", this.sibling);
		signUp(this.held, first, v1, "CONFIRMED", "2026-02-10 01:05:00", "2.50", "2026-02-10 04:00:00");
		signUp(this.held, second, v2, "NO_SHOW", null, null, null);
		signUp(later, second, v2, "CONFIRMED", null, "1.50", "2026-02-20 04:00:00");
		this.hoursRollup.rebuildUsers(Math.min(first.userId(), second.userId()), Math.max(first.userId(), second.userId()));
		need("2026-02-03T01:00:00Z", "RATED", null, "2026-02-05T01:00:00Z", 5, "2026-02-06T01:00:00Z");
		need("2026-02-04T01:00:00Z", "SUBMITTED", null, null, null, null);
		need("2026-02-10T01:00:00Z", "DISPATCHED", "2026-02-12T01:00:00Z", null, null, null);
		need("2026-02-11T01:00:00Z", "RATED", null, "2026-02-13T01:00:00Z", 3, "2026-02-14T01:00:00Z");
	}

	@Test
	void figuresEqualWhatWasSeeded() {
		GraphQlTester.Response month = draft(this.admin, this.tree.station(), "MONTHLY", "2026-02");
		month.path("draftReport.status").entity(String.class).isEqualTo("DRAFT");
		month.path("draftReport.version").entity(Integer.class).isEqualTo(1);
		month.path("draftReport.periodStart").entity(String.class).isEqualTo("2026-02-01");
		month.path("draftReport.periodEnd").entity(String.class).isEqualTo("2026-02-28");
		assertThat(figures(month, "draftReport.figures")).containsExactlyEntriesOf(expected(2, 3, 2, 4, 2, 1, 2, 1, 50.0,
				4.0, 2, 1, 32));
		month.path("draftReport.activities[*].id").entityList(String.class).hasSize(2).contains(Long.toString(this.held));

		GraphQlTester.Response week = draft(this.admin, this.tree.station(), "WEEKLY", "2026-W07");
		week.path("draftReport.periodStart").entity(String.class).isEqualTo("2026-02-09");
		week.path("draftReport.periodEnd").entity(String.class).isEqualTo("2026-02-15");
		assertThat(figures(week, "draftReport.figures")).containsExactlyEntriesOf(expected(1, 2, 1, 2, 1, 1, 1, 0, 0.0,
				2.5, 2, 0, 31));

		// The institute's report: its own part, one row per station (the sibling's activity counts there).
		GraphQlTester.Response institute = draft(this.instituteAdmin, this.tree.institute(), "MONTHLY", "2026-02");
		institute.path("draftReport.figures.activitiesHeld").entity(Integer.class).isEqualTo(3);
		institute.path("draftReport.figures.beneficiaries").entity(Integer.class).isEqualTo(32);
		institute.path("draftReport.units[0].own").entity(Boolean.class).isEqualTo(true);
		institute.path("draftReport.units[0].figures.activitiesHeld").entity(Integer.class).isEqualTo(0);
		institute.path("draftReport.units[?(@.orgUnitId == '" + this.sibling + "')].figures.activitiesHeld")
			.entityList(Integer.class).containsExactly(1);
		institute.path("draftReport.units[?(@.orgUnitId == '" + this.tree.station() + "')].figures.needsOverdue")
			.entityList(Integer.class).containsExactly(1);

		ApiErrors.expectCode(draft(this.admin, this.tree.station(), "WEEKLY", "2026-02"), "REPORT_PERIOD_INVALID");
		ApiErrors.expectCode(draft(this.admin, this.tree.station(), "WEEKLY", "2026-W60"), "REPORT_PERIOD_INVALID");
		ApiErrors.expectCode(draft(this.admin, this.tree.station(), "MONTHLY", "2099-01"), "REPORT_PERIOD_NOT_STARTED");
	}

	@Test
	void siblingCannotReadTheInstituteAboveCan() throws Exception {
		String id = draft(this.admin, this.tree.station(), "MONTHLY", "2026-02").path("draftReport.id")
			.entity(String.class).get();
		ApiErrors.expectCode(draft(this.siblingAdmin, this.tree.station(), "MONTHLY", "2026-02"), "FORBIDDEN");
		ApiErrors.expectCode(this.api.as(this.siblingAdmin).document(GET).variable("id", id).execute(), "FORBIDDEN");
		ApiErrors.expectCode(this.api.as(this.siblingAdmin).document(PUBLISH).variable("id", id).execute(), "FORBIDDEN");
		ApiErrors.expectCode(this.api.as(this.siblingAdmin)
			.document("query($u: ID!) { workReports(orgUnitId: $u) { id } }").variable("u", this.tree.station())
			.execute(), "FORBIDDEN");
		this.api.as(this.instituteAdmin).document(GET).variable("id", id).execute()
			.path("workReport.figures.activitiesHeld").entity(Integer.class).isEqualTo(2);
		this.api.as(this.admin).document("query($u: ID!) { workReports(orgUnitId: $u, kind: MONTHLY) { id status } }")
			.variable("u", this.tree.station()).execute()
			.path("workReports[*].id").entityList(String.class).containsExactly(id);
		assertThat(new String(get("/exports/report/" + id + ".xlsx", this.siblingAdmin, 403))).contains("FORBIDDEN");
		assertThat(new String(get("/exports/report/" + id + ".xlsx", null, 401))).contains("UNAUTHENTICATED");
	}

	@Test
	void publishedOnceThenCorrectedBySupersedingVersion() {
		String id = draft(this.admin, this.tree.station(), "MONTHLY", "2026-02").path("draftReport.id")
			.entity(String.class).get();
		ApiErrors.expectCode(edit(id, "亮点", List.of(Long.toString(this.siblingActivity))),
				"REPORT_HIGHLIGHT_NOT_IN_PERIOD");
		ApiErrors.expectCode(edit(id, "亮点", List.of("1", "2", "3", "4", "5", "6")), "REPORT_TOO_MANY_HIGHLIGHTED");
		edit(id, "开展邻里守望活动，群众满意", List.of(Long.toString(this.held)))
			.path("editReport.highlightedActivities[*].id").entityList(String.class)
			.containsExactly(Long.toString(this.held));

		GraphQlTester.Response published = publish(id);
		published.path("publishReport.status").entity(String.class).isEqualTo("PUBLISHED");
		String publishedAt = published.path("publishReport.publishedAt").entity(String.class).get();
		// Idempotent: publishing again answers the same report.
		publish(id).path("publishReport.publishedAt").entity(String.class).isEqualTo(publishedAt);
		ApiErrors.expectCode(edit(id, "改一下", List.of()), "REPORT_NOT_DRAFT");
		ApiErrors.expectCode(draft(this.admin, this.tree.station(), "MONTHLY", "2026-02"), "REPORT_ALREADY_PUBLISHED");

		// A late activity: the published report does not change; a correction counts it.
		activity(this.tree.station(), "2026-02-25 01:00:00", "FINISHED", 5);
		this.api.as(this.instituteAdmin).document(GET).variable("id", id).execute()
			.path("workReport.figures.activitiesHeld").entity(Integer.class).isEqualTo(2);
		ApiErrors.expectBadField(correct(id, ""), "input.reason");
		GraphQlTester.Response correction = correct(id, "漏报 2 月 25 日活动");
		String correctionId = correction.path("correctReport.id").entity(String.class).get();
		correction.path("correctReport.version").entity(Integer.class).isEqualTo(2);
		correction.path("correctReport.status").entity(String.class).isEqualTo("DRAFT");
		correction.path("correctReport.supersedesId").entity(String.class).isEqualTo(id);
		correction.path("correctReport.figures.activitiesHeld").entity(Integer.class).isEqualTo(3);
		correction.path("correctReport.highlights").entity(String.class).isEqualTo("开展邻里守望活动，群众满意");
		ApiErrors.expectCode(correct(id, "再次更正"), "REPORT_CORRECTION_PENDING");

		// Until the correction is published, the level above sees version 1.
		this.api.as(this.instituteAdmin).document(RECEIVED).variable("u", this.tree.institute())
			.variable("kind", "MONTHLY").variable("period", "2026-02").execute()
			.path("reportsReceived.reports[*].id").entityList(String.class).containsExactly(id);
		publish(correctionId).path("publishReport.status").entity(String.class).isEqualTo("PUBLISHED");
		this.api.as(this.instituteAdmin).document(GET).variable("id", id).execute()
			.path("workReport.status").entity(String.class).isEqualTo("SUPERSEDED")
			.path("workReport.figures.activitiesHeld").entity(Integer.class).isEqualTo(2);
		publish(id).path("publishReport.status").entity(String.class).isEqualTo("SUPERSEDED");
		ApiErrors.expectCode(correct(id, "更正旧版本"), "REPORT_NOT_PUBLISHED");
		this.api.as(this.instituteAdmin).document(RECEIVED).variable("u", this.tree.institute())
			.variable("kind", "MONTHLY").variable("period", "2026-02").execute()
			.path("reportsReceived.reports[*].id").entityList(String.class).containsExactly(correctionId);
	}

	/**
	 * A refresh (draftReport on a draft) computes its figures for a while; an editReport committed
	 * meanwhile keeps its highlights: the refresh reads the highlighted ids it keeps under the row's
	 * lock, after the edit, not before its figures.
	 */
	@Test
	void aRefreshKeepsHighlightsEditedMeanwhile() throws Exception {
		GraphQlTester.Response drafted = draft(this.admin, this.tree.station(), "MONTHLY", "2026-02");
		long id = Long.parseLong(drafted.path("draftReport.id").entity(String.class).get());
		String other = drafted.path("draftReport.activities[*].id").entityList(String.class).get().stream()
			.filter(activity -> !activity.equals(Long.toString(this.held)))
			.findFirst()
			.orElseThrow();
		edit(Long.toString(id), "邻里守望", List.of(Long.toString(this.held)));

		GraphQlTester.Response refreshed = HeldRow.commitWhileWaiting(this.dataSource, "work_report", id,
				List.of("UPDATE work_report%", "%FROM work_report%FOR UPDATE%"),
				() -> draft(this.admin, this.tree.station(), "MONTHLY", "2026-02"), connection -> {
					// The other admin's editReport, committed while the refresh computes.
					try (var edit = connection.prepareStatement(
							"UPDATE work_report SET highlights = '四点半课堂', highlighted_ids = ? WHERE id = ?")) {
						edit.setString(1, other);
						edit.setLong(2, id);
						edit.executeUpdate();
					}
				});

		refreshed.path("draftReport.highlights").entity(String.class).isEqualTo("四点半课堂")
			.path("draftReport.highlightedActivities[*].id").entityList(String.class).containsExactly(other);
		assertThat(this.jdbc.queryForObject("SELECT highlighted_ids FROM work_report WHERE id = ?", String.class, id))
			.isEqualTo(other);
	}

	@Test
	void levelAboveSeesChildrenThatHaveNotReported() {
		String id = draft(this.admin, this.tree.station(), "WEEKLY", "2026-W07").path("draftReport.id")
			.entity(String.class).get();
		// A draft is not a report sent: every open station is still missing.
		GraphQlTester.Response before = received(this.tree.institute(), "WEEKLY", "2026-W07");
		before.path("reportsReceived.reports").entityList(Object.class).hasSize(0);
		assertThat(before.path("reportsReceived.missing[*].orgUnitId").entityList(String.class).get())
			.containsExactlyInAnyOrder(Long.toString(this.tree.station()), Long.toString(this.sibling),
					Long.toString(this.silent));
		publish(id);
		String siblingReport = draft(this.siblingAdmin, this.sibling, "WEEKLY", "2026-W07").path("draftReport.id")
			.entity(String.class).get();
		this.api.as(this.siblingAdmin).document(PUBLISH).variable("id", siblingReport).execute()
			.path("publishReport.status").entity(String.class).isEqualTo("PUBLISHED");

		GraphQlTester.Response after = received(this.tree.institute(), "WEEKLY", "2026-W07");
		after.path("reportsReceived.period").entity(String.class).isEqualTo("2026-W07");
		after.path("reportsReceived.reports[*].id").entityList(String.class).containsExactly(id, siblingReport);
		after.path("reportsReceived.missing[*].orgUnitId").entityList(String.class)
			.containsExactly(Long.toString(this.silent));
		after.path("reportsReceived.missing[0].level").entity(String.class).isEqualTo("STATION");
		// The monthly reports of February are another period: nobody has sent one.
		received(this.tree.institute(), "MONTHLY", "2026-02").path("reportsReceived.missing").entityList(Object.class)
			.hasSize(3);
		ApiErrors.expectCode(this.api.as(this.admin).document(RECEIVED).variable("u", this.tree.institute())
			.variable("kind", "WEEKLY").variable("period", "2026-W07").execute(), "FORBIDDEN");
	}

	@Test
	void draftingCostsTheSameStatementsForAnySubtree() {
		draft(this.instituteAdmin, this.tree.institute(), "MONTHLY", "2026-02");
		long small = this.sql.measure(() -> draft(this.instituteAdmin, this.tree.institute(), "MONTHLY", "2026-02")
			.path("draftReport.figures.activitiesHeld").entity(Integer.class).isEqualTo(3)).count();
		for (int i = 0; i < 4; i++) {
			long station = this.fixtures.unit(this.tree.institute(), "STATION", Fixtures.unique("站"), null, null);
			activity(station, "2026-02-1" + i + " 01:00:00", "FINISHED", 2);
		}
		long large = this.sql.measure(() -> draft(this.instituteAdmin, this.tree.institute(), "MONTHLY", "2026-02")
			.path("draftReport.figures.activitiesHeld").entity(Integer.class).isEqualTo(7)).count();
		org.slf4j.LoggerFactory.getLogger(getClass()).info("SQL statements: draftReport 4 stations -> {}, 8 -> {}", small, large);
		assertThat(small).isGreaterThanOrEqualTo(9);
		assertThat(large).as("statements for 8 stations vs 4").isEqualTo(small);
	}

	@Test
	void excelHoldsTheReportFigures() throws Exception {
		String id = draft(this.admin, this.tree.station(), "MONTHLY", "2026-02").path("draftReport.id")
			.entity(String.class).get();
		edit(id, "邻里守望", List.of(Long.toString(this.held)));
		String path = publish(id).path("publishReport.excelPath").entity(String.class).get();
		assertThat(path).isEqualTo("/exports/report/" + id + ".xlsx");
		byte[] xlsx = get(path, this.instituteAdmin, 200);
		Map<Object, Object> summary = new HashMap<>();
		rows(xlsx, 0).forEach(row -> summary.put(row.get(0), row.get(1)));
		assertThat(summary).containsEntry("开展活动（场）", 2.0).containsEntry("报名（人次）", 3.0)
			.containsEntry("逾期需求", 1.0).containsEntry("满意率（%）", 50.0).containsEntry("确认服务时长（小时）", 4.0)
			.containsEntry("新增志愿者", 1.0).containsEntry("受益群众（人次）", 32.0).containsEntry("状态", "已报送");
		List<List<Object>> units = rows(xlsx, 1);
		assertThat(units).hasSize(2);
		assertThat(units.get(1).subList(0, 4)).containsExactly((double) this.tree.station(),
				units.get(1).get(1), "本级", 2.0);
		List<List<Object>> highlights = rows(xlsx, 2);
		assertThat(highlights.get(1).get(2)).isEqualTo("邻里守望");
		assertThat(highlights.get(2).subList(0, 2)).containsExactly((double) this.held, "邻里活动");
	}

	private static Map<String, Object> expected(int held, int signUps, int participants, int received, int fulfilled,
			int overdue, int rated, int satisfied, Double satisfaction, double hours, int volunteers, int newVolunteers,
			int beneficiaries) {
		Map<String, Object> m = new java.util.LinkedHashMap<>();
		m.put("activitiesHeld", held);
		m.put("signUps", signUps);
		m.put("participants", participants);
		m.put("needsReceived", received);
		m.put("needsFulfilled", fulfilled);
		m.put("needsOverdue", overdue);
		m.put("needsRated", rated);
		m.put("needsSatisfied", satisfied);
		m.put("satisfactionRate", satisfaction);
		m.put("confirmedHours", hours);
		m.put("volunteers", volunteers);
		m.put("newVolunteers", newVolunteers);
		m.put("beneficiaries", beneficiaries);
		return m;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> figures(GraphQlTester.Response response, String path) {
		Map<String, Object> raw = response.path(path).entity(Map.class).get();
		Map<String, Object> normalised = new java.util.LinkedHashMap<>();
		raw.forEach((k, v) -> normalised.put(k, (v instanceof Number n && !(v instanceof Integer))
				? (Object) n.doubleValue() : v));
		return normalised;
	}

	private GraphQlTester.Response draft(Session as, long unitId, String kind, String period) {
		return this.api.as(as).document(DRAFT).variable("input",
				Map.of("orgUnitId", Long.toString(unitId), "kind", kind, "period", period)).execute();
	}

	private GraphQlTester.Response edit(String id, String highlights, List<String> activityIds) {
		return this.api.as(this.admin).document(EDIT).variable("input",
				Map.of("id", id, "highlights", highlights, "highlightedActivityIds", activityIds)).execute();
	}

	private GraphQlTester.Response publish(String id) {
		return this.api.as(this.admin).document(PUBLISH).variable("id", id).execute();
	}

	private GraphQlTester.Response correct(String id, String reason) {
		return this.api.as(this.admin).document(CORRECT).variable("input", Map.of("id", id, "reason", reason))
			.execute();
	}

	private GraphQlTester.Response received(long unitId, String kind, String period) {
		return this.api.as(this.instituteAdmin).document(RECEIVED).variable("u", unitId).variable("kind", kind)
			.variable("period", period).execute();
	}

	private long activity(long unitId, String startsAtUtc, String status, Integer beneficiaries) {
		return this.fixtures.insert("INSERT INTO activity (project_id, org_unit_id, category, title, starts_at, ends_at, "
				+ "sign_up_deadline, address, latitude, longitude, capacity, status, beneficiaries, created_by, "
				+ "created_at, updated_at) VALUES (" + this.project + ", ?, 'EDUCATION', '邻里活动', '" + startsAtUtc
				+ "', '" + startsAtUtc + "', '" + startsAtUtc + "', '站', 33, 107, 10, '" + status + "', "
				+ ((beneficiaries == null) ? "NULL" : beneficiaries) + ", " + this.admin.userId()
				+ ", '2026-01-01 00:00:00', '2026-01-01 00:00:00')", unitId);
	}

	private void signUp(long activity, Session volunteer, long volunteerId, String status, String checkedIn,
			String hours, String confirmedAt) {
		this.jdbc.update("INSERT INTO activity_sign_up (activity_id, user_id, volunteer_id, status, live_flag, "
				+ "checked_in_at, hours, hours_confirmed_at, created_at, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?, ?, "
				+ "'2026-02-01 00:00:00', '2026-02-01 00:00:00')", activity, volunteer.userId(), volunteerId, status,
				checkedIn, (hours == null) ? null : new java.math.BigDecimal(hours), confirmedAt);
	}

	private void need(String createdAt, String status, String deadlineAt, String completedAt, Integer stars,
			String ratedAt) {
		long category = this.jdbc.queryForObject("SELECT id FROM need_category WHERE name = '生活服务'", Long.class);
		this.jdbc.update("""
				INSERT INTO need (category_id, title, description, beneficiary_type, urgency, address, contact_name,
				  contact_phone, station_id, source, created_by, status, deadline_at, completed_at, rating_stars, rated_at,
				  version, created_at, updated_at)
				VALUES (?, '帮老人买菜', '腿脚不便，需要代买一周的菜', 'ELDERLY', 'NORMAL', '柴墟村 3 组', '张秀英',
				  '13812345678', ?, 'HOTLINE', ?, ?, ?, ?, ?, ?, 0, ?, ?)
				""", category, this.tree.station(), this.admin.userId(), status, ts(deadlineAt), ts(completedAt), stars,
				ts(ratedAt), ts(createdAt), ts(createdAt));
	}

	private static Timestamp ts(String instant) {
		return (instant == null) ? null : Timestamp.from(Instant.parse(instant));
	}

	private byte[] get(String path, Session as, int expectedStatus) throws IOException, InterruptedException {
		return Exports.get(this.port, path, as, expectedStatus).body();
	}

}
