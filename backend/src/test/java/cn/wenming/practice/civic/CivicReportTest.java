package cn.wenming.practice.civic;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.AfterCommit;
import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.IdempotencyKeys;
import cn.wenming.practice.testinfra.MediaChecks;
import cn.wenming.practice.testinfra.MutableClock;
import cn.wenming.practice.testinfra.PhotoFiles;
import cn.wenming.practice.testinfra.Race;
import cn.wenming.practice.testinfra.Scenario;
import cn.wenming.practice.testinfra.Volunteers;
import cn.wenming.practice.testinfra.WechatStub;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 随手拍 through the API: a registered volunteer reports with photos and a location; staff covering
 * the station triage, route, resolve; another admin verifies and the reporter earns points once;
 * the photos and the reporter stay private until verified and marked publishable; two admins
 * triaging at once get one winner and a stable code; overdue reports are listed and escalate; the
 * month's counts reach civicReportStatistics, the assessment and the 落实清单.
 */
@IntegrationTest
class CivicReportTest {

	static final String FIELDS = """
			id category categoryLabel description address latitude longitude stationId stationName reporterName mine
			status deadlineOn rejectReason routedTeamId routedTeamName departmentName departmentContact resolutionNote
			resolvedAt verifiedAt photosPublic overdue escalatedTo
			photos { id status url } resolutionPhotos { id status url }
			history { fromStatus toStatus actorName note at }""";

	static final String SUBMIT = "mutation($input: SubmitCivicReportInput!) { submitCivicReport(input: $input) { "
			+ FIELDS + " } }";

	static final String TRIAGE = "mutation($input: TriageCivicReportInput!) { triageCivicReport(input: $input) { "
			+ FIELDS + " } }";

	static final String ROUTE = "mutation($input: RouteCivicReportInput!) { routeCivicReport(input: $input) { "
			+ FIELDS + " } }";

	static final String RESOLVE = "mutation($input: ResolveCivicReportInput!) { resolveCivicReport(input: $input) { "
			+ FIELDS + " } }";

	static final String VERIFY = "mutation($input: VerifyCivicReportInput!) { verifyCivicReport(input: $input) { "
			+ FIELDS + " } }";

	static final String PUBLISHABLE = "mutation($id: ID!, $p: Boolean!) { markCivicPhotosPublishable(reportId: $id, "
			+ "publishable: $p) { " + FIELDS + " } }";

	static final String REPORT = "query($id: ID!) { civicReport(id: $id) { " + FIELDS + " } }";

	@LocalServerPort
	int port;

	@Scenario
	MediaChecks media;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Scenario
	Api api;

	@Scenario
	Fixtures fixtures;

	Fixtures.Tree tree;

	Session stationAdmin;

	Session instituteAdmin;

	Session outsider;

	Session reporter;

	Session stranger;

	@BeforeEach
	void setUp() {
		this.tree = this.fixtures.tree();
		long otherStation = this.fixtures.unit(this.tree.institute(), "STATION", Fixtures.unique("站"), null, null);
		this.stationAdmin = this.api.login(Fixtures.unique("civic-station"));
		this.fixtures.grant(this.stationAdmin.userId(), "STATION_ADMIN", this.tree.station());
		this.instituteAdmin = this.api.login(Fixtures.unique("civic-institute"));
		this.fixtures.grant(this.instituteAdmin.userId(), "INSTITUTE_ADMIN", this.tree.institute());
		this.outsider = this.api.login(Fixtures.unique("civic-outsider"));
		this.fixtures.grant(this.outsider.userId(), "STATION_ADMIN", otherStation);
		this.reporter = this.api.login(Fixtures.unique("civic-reporter"));
		Volunteers.register(this.api.as(this.reporter), this.tree.station(), "杜鹃鸟", List.of("摄影"), List.of("CULTURE"));
		this.stranger = this.api.login(Fixtures.unique("civic-stranger"));
	}

	@Test
	void aReportGoesFromSubmissionToVerificationAndEarnsPointsOnce() {
		// Only registered volunteers report.
		ApiErrors.expectCode(submit(this.stranger, input("PARKING", "人行道上停满了电动车")), "CIVIC_VOLUNTEER_REQUIRED");
		ApiErrors.expectBadField(submit(this.reporter, input("PARKING", "")), "input.description");
		ApiErrors.expectCode(submit(this.reporter, input("PARKING", "RISKY 违规内容")), "CONTENT_REJECTED");

		String id = submit(this.reporter, input("PARKING", "人行道上停满了电动车，行人只能走机动车道"))
			.path("submitCivicReport.status").entity(String.class).isEqualTo("SUBMITTED")
			.path("submitCivicReport.stationId").entity(String.class).isEqualTo(Long.toString(this.tree.station()))
			.path("submitCivicReport.categoryLabel").entity(String.class).isEqualTo("乱停乱放")
			.path("submitCivicReport.mine").entity(Boolean.class).isEqualTo(true)
			.path("submitCivicReport.reporterName").entity(String.class).isEqualTo("杜鹃鸟")
			.path("submitCivicReport.id").entity(String.class).get();
		this.api.as(this.reporter).document("{ myCivicReports { edges { node { id status } } } }").execute()
			.path("myCivicReports.edges[*].node.id").entityList(String.class).containsExactly(id);

		// Triage: only staff covering the station, never with a past deadline, a rejection needs a reason.
		ApiErrors.expectCode(triage(this.outsider, id, true, today().plusDays(3).toString(), null), "FORBIDDEN");
		ApiErrors.expectCode(triage(this.reporter, id, true, today().plusDays(3).toString(), null), "FORBIDDEN");
		ApiErrors.expectCode(triage(this.stationAdmin, id, true, today().minusDays(1).toString(), null),
				"CIVIC_DEADLINE_INVALID");
		ApiErrors.expectCode(triage(this.stationAdmin, id, false, null, " "), "BAD_REQUEST");
		triage(this.stationAdmin, id, true, today().plusDays(3).toString(), null)
			.path("triageCivicReport.status").entity(String.class).isEqualTo("ACCEPTED")
			.path("triageCivicReport.deadlineOn").entity(String.class).isEqualTo(today().plusDays(3).toString());
		// Triaged once: a second triage is refused with the stable code.
		ApiErrors.expectCode(triage(this.instituteAdmin, id, false, null, "重复"), "CIVIC_REPORT_STATE_CHANGED");

		// Route: a team the admin covers, or a department with name and contact, not both, not neither.
		long team = team(this.tree.station());
		long foreignTeam = team(this.fixtures.unit(this.tree.center(), "INSTITUTE", Fixtures.unique("所"), null, null));
		ApiErrors.expectCode(route(this.stationAdmin, id, null, null, null), "CIVIC_ROUTE_TARGET_INVALID");
		ApiErrors.expectCode(route(this.stationAdmin, id, foreignTeam, null, null), "CIVIC_ROUTE_TARGET_INVALID");
		ApiErrors.expectCode(route(this.stationAdmin, id, team, "城管局", "0523-1234567"), "CIVIC_ROUTE_TARGET_INVALID");
		route(this.stationAdmin, id, team, null, null)
			.path("routeCivicReport.status").entity(String.class).isEqualTo("ROUTED")
			.path("routeCivicReport.routedTeamId").entity(String.class).isEqualTo(Long.toString(team));
		route(this.stationAdmin, id, null, "区城市管理局", "0523-86801234")
			.path("routeCivicReport.departmentName").entity(String.class).isEqualTo("区城市管理局")
			.path("routeCivicReport.departmentContact").entity(String.class).isEqualTo("0523-86801234")
			.path("routeCivicReport.routedTeamId").valueIsNull();

		resolve(this.stationAdmin, id, "城管已清理，加装了隔离桩")
			.path("resolveCivicReport.status").entity(String.class).isEqualTo("RESOLVED");
		// The resolver does not verify their own resolution; the reporter sees no staff contact.
		ApiErrors.expectCode(verify(this.stationAdmin, id, true, null), "CIVIC_VERIFIER_MUST_DIFFER");
		this.api.as(this.reporter).document(REPORT).variable("id", id).execute()
			.path("civicReport.departmentContact").valueIsNull()
			.path("civicReport.history").entityList(Object.class).hasSize(0);

		int before = balance(this.reporter);
		verify(this.instituteAdmin, id, true, "现场已核实")
			.path("verifyCivicReport.status").entity(String.class).isEqualTo("VERIFIED")
			.path("verifyCivicReport.history[*].toStatus").entityList(String.class)
			.containsExactly("SUBMITTED", "ACCEPTED", "ROUTED", "ROUTED", "RESOLVED", "VERIFIED");
		ApiErrors.expectCode(verify(this.instituteAdmin, id, true, null), "CIVIC_REPORT_STATE_CHANGED");
		AfterCommit.eventually(() -> assertThat(balance(this.reporter)).isEqualTo(before + 5));
		AfterCommit.awaitListeners(this.jdbc);
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM points_entry WHERE business_type = 'CIVIC_REPORT' AND business_id = ?",
				Integer.class, id)).isEqualTo(1);
		assertThat(balance(this.reporter)).isEqualTo(before + 5);
	}

	@Test
	void aVerifierMaySendAResolutionBack() {
		String id = accepted(input("FACILITY", "小区路灯坏了一周了"));
		resolve(this.stationAdmin, id, "已报修");
		ApiErrors.expectCode(verify(this.instituteAdmin, id, false, null), "BAD_REQUEST");
		verify(this.instituteAdmin, id, false, "路灯仍不亮")
			.path("verifyCivicReport.status").entity(String.class).isEqualTo("ACCEPTED")
			.path("verifyCivicReport.resolutionNote").valueIsNull();
		// Now the station admin did not resolve it last: the institute admin resolves, the station admin verifies.
		resolve(this.instituteAdmin, id, "更换灯泡后恢复");
		verify(this.stationAdmin, id, true, null).path("verifyCivicReport.status").entity(String.class)
			.isEqualTo("VERIFIED");
	}

	@Test
	void nobodyHandlesTheirOwnReport() {
		Session staffVolunteer = this.api.login(Fixtures.unique("civic-staff-volunteer"));
		Volunteers.register(this.api.as(staffVolunteer), this.tree.station());
		this.fixtures.grant(staffVolunteer.userId(), "STATION_ADMIN", this.tree.station());
		String id = submit(staffVolunteer, input("LITTER", "河边堆了建筑垃圾"))
			.path("submitCivicReport.id").entity(String.class).get();
		ApiErrors.expectCode(triage(staffVolunteer, id, true, today().plusDays(2).toString(), null), "CIVIC_OWN_REPORT");
		triage(this.stationAdmin, id, true, today().plusDays(2).toString(), null);
		ApiErrors.expectCode(resolve(staffVolunteer, id, "我自己清理了"), "CIVIC_OWN_REPORT");
	}

	@Test
	void neitherTheReporterNorAnUploaderMarksThePhotosPublishable() {
		// An admin of the station who reported themselves: not the one to judge faces and plates.
		Session staffReporter = this.api.login(Fixtures.unique("civic-staff-reporter"));
		Volunteers.register(this.api.as(staffReporter), this.tree.station());
		this.fixtures.grant(staffReporter.userId(), "STATION_ADMIN", this.tree.station());
		String id = submit(staffReporter, input("LITTER", "河边堆了建筑垃圾"))
			.path("submitCivicReport.id").entity(String.class).get();
		var errors = ApiErrors.expectCode(publishable(staffReporter, id, true), "FORBIDDEN");
		assertThat(errors.get(0).getMessage()).contains("自己上报的随手拍");

		// The resolver uploaded the resolution photos: not theirs to pass either.
		triage(this.stationAdmin, id, true, today().plusDays(2).toString(), null);
		String resolution = this.media.upload(this.stationAdmin);
		this.api.as(this.stationAdmin).document(RESOLVE)
			.variable("input", Map.of("reportId", id, "note", "已清运", "photoIds", List.of(resolution)))
			.execute().path("resolveCivicReport.status").entity(String.class).isEqualTo("RESOLVED");
		verify(this.instituteAdmin, id, true, null);
		errors = ApiErrors.expectCode(publishable(this.stationAdmin, id, true), "FORBIDDEN");
		assertThat(errors.get(0).getMessage()).contains("自己上传的照片");
		assertThat(this.jdbc.queryForObject("SELECT photos_public FROM civic_report WHERE id = ?", Boolean.class,
				Long.parseLong(id))).isFalse();

		// Another admin covering the station marks them; taking the mark back shows less, any staff may.
		publishable(this.instituteAdmin, id, true).path("markCivicPhotosPublishable.photosPublic").entity(Boolean.class)
			.isEqualTo(true);
		publishable(this.stationAdmin, id, false).path("markCivicPhotosPublishable.photosPublic").entity(Boolean.class)
			.isEqualTo(false);
	}

	/**
	 * The mark covers the photos staff looked at: resolution photos attached later (a resolution, or
	 * one again after a send-back) would otherwise go public at verification unseen. A resolution with
	 * photos takes the mark back; one without keeps it.
	 */
	@Test
	void resolutionPhotosAttachedAfterTheMarkAreNotPublicUnseen() {
		String id = accepted(input("LITTER", "河边堆了建筑垃圾"));
		publishable(this.instituteAdmin, id, true).path("markCivicPhotosPublishable.photosPublic").entity(Boolean.class)
			.isEqualTo(true);
		resolve(this.stationAdmin, id, "已联系清运");
		assertThat(this.jdbc.queryForObject("SELECT photos_public FROM civic_report WHERE id = ?", Boolean.class,
				Long.parseLong(id))).isTrue();
		verify(this.instituteAdmin, id, false, "仍未清运");

		String resolution = this.media.upload(this.stationAdmin);
		this.api.as(this.stationAdmin).document(RESOLVE)
			.variable("input", Map.of("reportId", id, "note", "已清运", "photoIds", List.of(resolution)))
			.execute().path("resolveCivicReport.photosPublic").entity(Boolean.class).isEqualTo(false);
		verify(this.instituteAdmin, id, true, null).path("verifyCivicReport.photosPublic").entity(Boolean.class)
			.isEqualTo(false);
	}

	@Test
	void twoAdminsTriagingAtOnceGetOneWinner() throws Exception {
		String id = submit(this.reporter, input("ROAD", "路口的减速带松动了"))
			.path("submitCivicReport.id").entity(String.class).get();
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Callable<String>> calls = List.of(() -> {
				go.await();
				return ApiErrors.codeOf(triage(this.stationAdmin, id, true, today().plusDays(5).toString(), null));
			}, () -> {
				go.await();
				return ApiErrors.codeOf(triage(this.instituteAdmin, id, false, null, "不属于随手拍范围"));
			});
			List<Future<String>> futures = new ArrayList<>();
			calls.forEach(call -> futures.add(pool.submit(call)));
			go.countDown();
			List<String> codes = new ArrayList<>();
			for (Future<String> future : futures) {
				codes.add(future.get());
			}
			assertThat(codes).containsExactlyInAnyOrder(null, "CIVIC_REPORT_STATE_CHANGED");
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM civic_report_history WHERE report_id = ?",
				Integer.class, Long.parseLong(id))).isEqualTo(2);
	}

	@Test
	void photosAndTheReporterStayPrivateUntilVerifiedAndPublishable() {
		String photo = this.media.upload(this.reporter);
		this.media.pushAccepted(WechatStub.mediaCheckXml(this.media.trace(photo), "pass"));
		Map<String, Object> input = input("BEHAVIOUR", "有人在广场上乱扔烟头");
		input.put("photoIds", List.of(photo));
		String id = submit(this.reporter, input).path("submitCivicReport.id").entity(String.class).get();

		// The reporter and the covering staff see the photo and the place; nobody else sees the report.
		this.api.as(this.reporter).document(REPORT).variable("id", id).execute()
			.path("civicReport.photos[0].id").entity(String.class).isEqualTo(photo);
		String staffUrl = this.api.as(this.stationAdmin).document(REPORT).variable("id", id).execute()
			.path("civicReport.address").entity(String.class).isEqualTo("人民广场东侧")
			.path("civicReport.reporterName").entity(String.class).isEqualTo("杜鹃鸟")
			.path("civicReport.photos[0].url").entity(String.class).get();
		assertThat(PhotoFiles.fetch(this.port, staffUrl).status()).isEqualTo(200);
		ApiErrors.expectCode(this.api.as(this.stranger).document(REPORT).variable("id", id).execute(), "NOT_FOUND");
		ApiErrors.expectCode(this.api.as(this.outsider).document(REPORT).variable("id", id).execute(), "NOT_FOUND");

		triage(this.stationAdmin, id, true, today().toString(), null);
		resolve(this.stationAdmin, id, "已劝导并清扫");
		verify(this.instituteAdmin, id, true, null);

		// Verified: anyone logged in reads it, without the place, with the reporter masked and no photo yet.
		this.api.as(this.stranger).document(REPORT).variable("id", id).execute()
			.path("civicReport.status").entity(String.class).isEqualTo("VERIFIED")
			.path("civicReport.address").valueIsNull()
			.path("civicReport.latitude").valueIsNull()
			.path("civicReport.reporterName").entity(String.class).isEqualTo("杜**")
			.path("civicReport.mine").entity(Boolean.class).isEqualTo(false)
			.path("civicReport.history").entityList(Object.class).hasSize(0)
			.path("civicReport.photos").entityList(Object.class).hasSize(0);
		ApiErrors.expectCode(this.api.as(this.stranger).document(PUBLISHABLE).variable("id", id).variable("p", true)
			.execute(), "FORBIDDEN");

		// Staff checked there is no face or plate: publishable, the stranger sees and fetches the photo.
		this.api.as(this.stationAdmin).document(PUBLISHABLE).variable("id", id).variable("p", true).execute()
			.path("markCivicPhotosPublishable.photosPublic").entity(Boolean.class).isEqualTo(true);
		String publicUrl = this.api.as(this.stranger).document(REPORT).variable("id", id).execute()
			.path("civicReport.photos[0].url").entity(String.class).get();
		assertThat(PhotoFiles.fetch(this.port, publicUrl).status()).isEqualTo(200);
		// Taken back: the same signed URL stops working at once.
		this.api.as(this.stationAdmin).document(PUBLISHABLE).variable("id", id).variable("p", false).execute()
			.path("markCivicPhotosPublishable.photosPublic").entity(Boolean.class).isEqualTo(false);
		assertThat(PhotoFiles.fetch(this.port, publicUrl).status()).isEqualTo(404);
	}

	@Test
	void overdueReportsAreListedAndEscalate() {
		String id = accepted(input("ENVIRONMENT", "夜市油烟扰民"));
		String overdue = "query($u: ID!) { overdueCivicReports(orgUnitId: $u) { id overdue escalatedTo } }";
		this.api.as(this.instituteAdmin).document(overdue).variable("u", this.tree.institute()).execute()
			.path("overdueCivicReports").entityList(Object.class).hasSize(0);
		ApiErrors.expectCode(this.api.as(this.outsider).document(overdue).variable("u", this.tree.station()).execute(),
				"FORBIDDEN");

		// The deadline was tomorrow: two days later it is overdue (to the 所), five days later to the 中心.
		this.clock.shift(Duration.ofDays(2));
		this.api.as(this.instituteAdmin).document(overdue).variable("u", this.tree.institute()).execute()
			.path("overdueCivicReports[*].id").entityList(String.class).containsExactly(id)
			.path("overdueCivicReports[0].escalatedTo").entity(String.class).isEqualTo("INSTITUTE");
		this.clock.shift(Duration.ofDays(3));
		this.api.as(this.instituteAdmin).document(overdue).variable("u", this.tree.institute()).execute()
			.path("overdueCivicReports[0].escalatedTo").entity(String.class).isEqualTo("CENTER");
		// Resolved: no longer overdue.
		resolve(this.stationAdmin, id, "已协调夜市加装油烟净化器");
		this.api.as(this.instituteAdmin).document(overdue).variable("u", this.tree.institute()).execute()
			.path("overdueCivicReports").entityList(Object.class).hasSize(0);
	}

	@Test
	void monthlyCountsReachStatisticsAssessmentAndFulfilmentList() {
		String parking = accepted(input("PARKING", "消防通道被占用"));
		submit(this.reporter, input("PARKING", "共享单车堆满路口"));
		String litter = submit(this.reporter, input("LITTER", "绿化带里有垃圾")).path("submitCivicReport.id")
			.entity(String.class).get();
		triage(this.stationAdmin, litter, false, null, "已由环卫日常清扫");
		resolve(this.stationAdmin, parking, "已清理");

		LocalDate now = today();
		this.api.as(this.instituteAdmin).document("""
				query($u: ID!, $y: Int!, $m: Int!) { civicReportStatistics(orgUnitId: $u, year: $y, month: $m) {
				  total { received accepted rejected resolved verified overdue }
				  byCategory { category label counts { received resolved } }
				  byUnit { orgUnitId level counts { received resolved } } } }""")
			.variable("u", this.tree.institute()).variable("y", now.getYear()).variable("m", now.getMonthValue())
			.execute()
			.path("civicReportStatistics.total.received").entity(Integer.class).isEqualTo(3)
			.path("civicReportStatistics.total.accepted").entity(Integer.class).isEqualTo(1)
			.path("civicReportStatistics.total.rejected").entity(Integer.class).isEqualTo(1)
			.path("civicReportStatistics.total.resolved").entity(Integer.class).isEqualTo(1)
			.path("civicReportStatistics.byCategory").entityList(Object.class).hasSize(7)
			.path("civicReportStatistics.byCategory[0].category").entity(String.class).isEqualTo("PARKING")
			.path("civicReportStatistics.byCategory[0].counts.received").entity(Integer.class).isEqualTo(2)
			.path("civicReportStatistics.byCategory[1].counts.received").entity(Integer.class).isEqualTo(1)
			.path("civicReportStatistics.byUnit[*].orgUnitId").entityList(String.class)
			.contains(Long.toString(this.tree.institute()), Long.toString(this.tree.station()))
			.path("civicReportStatistics.byUnit[0].counts.received").entity(Integer.class).isEqualTo(3);
		ApiErrors.expectCode(this.api.as(this.outsider)
			.document("query($u: ID!) { civicReportStatistics(orgUnitId: $u, year: 2026, month: 1) { total { received } } }")
			.variable("u", this.tree.station()).execute(), "FORBIDDEN");

		// The assessment: the station's and (rolled up) the institute's figures.
		Map<String, Object> figures = assessment(now);
		assertThat(figures).containsEntry(this.tree.station() + ":CIVIC_REPORTS", 3.0)
			.containsEntry(this.tree.station() + ":CIVIC_REPORTS_RESOLVED", 1.0)
			.containsEntry(this.tree.institute() + ":CIVIC_REPORTS", 3.0);

		// The 落实清单 (live, for the covering admin): by category, then the total.
		String month = String.format("%d-%02d", now.getYear(), now.getMonthValue());
		this.api.as(this.instituteAdmin).document("""
				query($u: ID!, $m: String!) { fulfilmentList(orgUnitId: $u, month: $m) {
				  civicReports { category received resolved verified overdue } } }""")
			.variable("u", this.tree.institute()).variable("m", month).execute()
			.path("fulfilmentList.civicReports[*].category").entityList(String.class)
			.containsExactly("乱停乱放", "垃圾乱扔乱堆", null)
			.path("fulfilmentList.civicReports[0].received").entity(Integer.class).isEqualTo(2)
			.path("fulfilmentList.civicReports[2].received").entity(Integer.class).isEqualTo(3)
			.path("fulfilmentList.civicReports[2].resolved").entity(Integer.class).isEqualTo(1);
	}

	@Test
	void theNearestStationTakesAReportWithoutOneAndSubmissionsAreRateLimited() {
		double lat = 20 + Math.random() * 20;
		double lon = 90 + Math.random() * 20;
		Session centerAdmin = this.api.login(Fixtures.unique("civic-center"));
		this.fixtures.grant(centerAdmin.userId(), "CENTER_ADMIN", this.tree.center());
		String stationId = this.api.as(centerAdmin).documentName("createOrgUnit")
			.variable("input", Map.of("parentId", Long.toString(this.tree.institute()), "level", "STATION", "name",
					Fixtures.unique("随手拍站"), "latitude", lat, "longitude", lon))
			.execute().path("createOrgUnit.id").entity(String.class).get();
		Map<String, Object> near = input("OTHER", "井盖缺失");
		near.remove("stationId");
		near.put("latitude", lat + 0.001);
		near.put("longitude", lon + 0.001);
		AfterCommit.eventually(() -> submit(this.reporter, near).path("submitCivicReport.stationId")
			.entity(String.class).isEqualTo(stationId));
		near.put("latitude", -80.0);
		near.put("longitude", -170.0);
		ApiErrors.expectCode(submit(this.reporter, near), "CIVIC_NO_STATION_NEARBY");

		// 10 a day per volunteer (application.yml): the reporter has used 1; the 11th is refused.
		for (int i = 0; i < 9; i++) {
			submit(this.reporter, input("OTHER", "第 " + i + " 条")).path("submitCivicReport.id").entity(String.class).get();
		}
		ApiErrors.expectCode(submit(this.reporter, input("OTHER", "第十一条")), "RATE_LIMITED");
	}

	/**
	 * A verified 随手拍 earns points: a report sent again with its key (a double tap, the client's retry of
	 * a 503 whose commit went through, five at once) is one report and every send answers it; a resend
	 * after it was made needs none of the day's quota; the key for another report is refused; another
	 * volunteer's key of the same string is theirs; one who may not report is refused whatever the key.
	 */
	@Test
	void aReportSentAgainWithItsKeyIsSubmittedOnce() throws Exception {
		String description = Fixtures.unique("重发：盲道被电动车占了");
		Map<String, Object> input = input("PARKING", description);
		input.put("idempotencyKey", "civic-key-0001");
		List<GraphQlTester.Response> answers = Race.times(5, () -> submit(this.reporter, input));
		List<String> ids = answers.stream().map(answer -> answer.path("submitCivicReport.id").entity(String.class).get())
			.toList();
		assertThat(ids).hasSize(5).containsOnly(ids.get(0));
		submit(this.reporter, input).path("submitCivicReport.id").entity(String.class).isEqualTo(ids.get(0));
		assertThat(reportsDescribed(description)).isEqualTo(1);

		Map<String, Object> other = new HashMap<>(input);
		other.put("address", "人民广场西侧");
		ApiErrors.expectCode(submit(this.reporter, other), "IDEMPOTENCY_KEY_REUSED");
		ApiErrors.expectCode(submit(this.stranger, input), "CIVIC_VOLUNTEER_REQUIRED");
		Session neighbour = this.api.login(Fixtures.unique("civic-neighbour"));
		Volunteers.register(this.api.as(neighbour), this.tree.station());
		submit(neighbour, input).path("submitCivicReport.id").entity(String.class).isNotEqualTo(ids.get(0));
		assertThat(reportsDescribed(description)).isEqualTo(2);

		// The day's quota (10, application.yml; the sends at once each took one unless the report was in
		// before they looked) spent on other reports: a resend of this one still answers it.
		String refused = null;
		for (int i = 0; i < 10 && refused == null; i++) {
			refused = ApiErrors.codeOf(submit(this.reporter, input("OTHER", "第 " + i + " 条")));
		}
		assertThat(refused).isEqualTo("RATE_LIMITED");
		submit(this.reporter, input).path("submitCivicReport.id").entity(String.class).isEqualTo(ids.get(0));
	}

	private int reportsDescribed(String description) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM civic_report WHERE description = ?", Integer.class,
				description);
	}

	// --- Helpers.

	private Map<String, Object> input(String category, String description) {
		Map<String, Object> input = new HashMap<>();
		input.put("category", category);
		input.put("description", description);
		input.put("latitude", 31.3601);
		input.put("longitude", 119.8402);
		input.put("address", "人民广场东侧");
		input.put("stationId", Long.toString(this.tree.station()));
		return input;
	}

	private String accepted(Map<String, Object> input) {
		String id = submit(this.reporter, input).path("submitCivicReport.id").entity(String.class).get();
		triage(this.stationAdmin, id, true, today().plusDays(1).toString(), null)
			.path("triageCivicReport.status").entity(String.class).isEqualTo("ACCEPTED");
		return id;
	}

	private GraphQlTester.Response submit(Session as, Map<String, Object> input) {
		return this.api.as(as).document(SUBMIT).variable("input", IdempotencyKeys.keyed(input)).execute();
	}

	private GraphQlTester.Response triage(Session as, String id, boolean accept, String deadline, String reason) {
		Map<String, Object> input = new HashMap<>();
		input.put("reportId", id);
		input.put("accept", accept);
		input.put("deadlineOn", deadline);
		input.put("reason", reason);
		return this.api.as(as).document(TRIAGE).variable("input", input).execute();
	}

	private GraphQlTester.Response route(Session as, String id, Long teamId, String name, String contact) {
		Map<String, Object> input = new HashMap<>();
		input.put("reportId", id);
		input.put("teamId", (teamId == null) ? null : Long.toString(teamId));
		input.put("departmentName", name);
		input.put("departmentContact", contact);
		return this.api.as(as).document(ROUTE).variable("input", input).execute();
	}

	private GraphQlTester.Response resolve(Session as, String id, String note) {
		return this.api.as(as).document(RESOLVE).variable("input", Map.of("reportId", id, "note", note)).execute();
	}

	private GraphQlTester.Response publishable(Session as, String id, boolean publishable) {
		return this.api.as(as).document(PUBLISHABLE).variable("id", id).variable("p", publishable).execute();
	}

	private GraphQlTester.Response verify(Session as, String id, boolean approve, String note) {
		Map<String, Object> input = new HashMap<>();
		input.put("reportId", id);
		input.put("approve", approve);
		input.put("note", note);
		return this.api.as(as).document(VERIFY).variable("input", input).execute();
	}

	private int balance(Session as) {
		return this.api.as(as).document("{ me { points { balance } } }").execute()
			.path("me.points.balance").entity(Integer.class).get();
	}

	/** "unitId:KIND" → value, for the institute's assessment of the month. */
	@SuppressWarnings("unchecked")
	private Map<String, Object> assessment(LocalDate month) {
		Map<String, Object> data = this.api.as(this.instituteAdmin).document("""
				query($u: ID!, $y: Int!, $m: Int!) { assessment(orgUnitId: $u, year: $y, month: $m) {
				  units { orgUnitId figures { kind value } } } }""")
			.variable("u", this.tree.institute()).variable("y", month.getYear()).variable("m", month.getMonthValue())
			.execute().returnResponse().getData();
		Map<String, Object> out = new HashMap<>();
		for (Map<String, Object> unit : (List<Map<String, Object>>) ((Map<String, Object>) data.get("assessment"))
			.get("units")) {
			for (Map<String, Object> figure : (List<Map<String, Object>>) unit.get("figures")) {
				out.put(unit.get("orgUnitId") + ":" + figure.get("kind"), figure.get("value"));
			}
		}
		return out;
	}

	private long team(long unitId) {
		Timestamp now = Timestamp.from(Instant.now());
		this.jdbc.update("INSERT INTO team (org_unit_id, name, kind, leader_user_id, status, active_flag, created_by, "
				+ "created_at, updated_at) VALUES (?, ?, 'SQUAD', ?, 'ACTIVE', 1, ?, ?, ?)", unitId,
				Fixtures.unique("文明劝导队"), this.reporter.userId(), this.stationAdmin.userId(), now, now);
		return this.jdbc.queryForObject("SELECT MAX(id) FROM team WHERE org_unit_id = ?", Long.class, unitId);
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), ZoneId.of("Asia/Shanghai"));
	}

}
