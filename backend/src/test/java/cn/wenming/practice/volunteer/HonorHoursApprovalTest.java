package cn.wenming.practice.volunteer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.HonorHoursRecords;
import cn.wenming.practice.testinfra.Scenario;
import cn.wenming.practice.testinfra.Volunteers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Honor hours (补录) need four eyes (issue 13, must-show 2): one admin records them, another admin
 * covering the volunteer approves them before they count anywhere (stats, certificate), the
 * recorder approving is FORBIDDEN, the volunteer never records or approves their own, and approved
 * hours can be revoked with a reason, the trail kept. Tried as dishonest admins would.
 */
@IntegrationTest
class HonorHoursApprovalTest {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	@Autowired
	JdbcTemplate jdbc;

	@Scenario
	Api api;

	@Scenario
	Fixtures fixtures;

	Fixtures.Tree tree;

	Session recorder;

	Session approver;

	Session volunteer;

	String volunteerId;

	@BeforeEach
	void setUp() {
		this.tree = this.fixtures.tree();
		this.recorder = admin("honor-recorder", "STATION_ADMIN", this.tree.station());
		this.approver = admin("honor-approver", "STATION_ADMIN", this.tree.station());
		this.volunteer = this.api.login(Fixtures.unique("honor-vol"));
		this.volunteerId = Volunteers.register(this.api.as(this.volunteer), this.tree.station());
	}

	@Test
	void theRecorderCannotApproveTheirOwnRecordAndNothingCountsUntilAnotherAdminDoes() {
		record(this.recorder, 8, "抗洪抢险补录").path("recordHonorHours.honorHours").entity(Double.class).isEqualTo(0.0);
		String id = onlyPending();

		ApiErrors.expectCode(approve(this.recorder, id), "FORBIDDEN");
		assertThat(honorHours()).isEqualByComparingTo("0");
		stats(this.volunteer).path("myVolunteer.stats.honorHours").entity(Double.class).isEqualTo(0.0);
		// A pending record is not on the certificate either: with nothing else that year there is none.
		ApiErrors.expectCode(certificate(), "SERVICE_RECORD_EMPTY");

		approve(this.approver, id).path("approveHonorHours.status").entity(String.class).isEqualTo("APPROVED")
			.path("approveHonorHours.recordedById").entity(String.class).isEqualTo(id(this.recorder))
			.path("approveHonorHours.approvedById").entity(String.class).isEqualTo(id(this.approver))
			.path("approveHonorHours.approvedAt").hasValue();
		assertThat(honorHours()).isEqualByComparingTo("8");
		stats(this.volunteer).path("myVolunteer.stats.honorHours").entity(Double.class).isEqualTo(8.0);
		certificate().path("serviceRecordPdf.honorHours").entity(Double.class).isEqualTo(8.0);

		// Approving twice counts once.
		ApiErrors.expectCode(approve(this.approver, id), "HONOR_HOURS_NOT_PENDING");
		assertThat(honorHours()).isEqualByComparingTo("8");
	}

	@Test
	void theVolunteerNeverRecordsOrApprovesTheirOwnEvenAsAnAdmin() {
		// The volunteer is an admin of their own station too.
		this.fixtures.grant(this.volunteer.userId(), "STATION_ADMIN", this.tree.station());
		ApiErrors.expectCode(record(this.volunteer, 5, "给自己补录"), "FORBIDDEN");

		record(this.recorder, 5, "社区值守补录");
		String id = onlyPending();
		ApiErrors.expectCode(approve(this.volunteer, id), "FORBIDDEN");
		// Nor do admins who do not cover the volunteer's station, or plain users.
		Session elsewhere = admin("elsewhere", "STATION_ADMIN", this.fixtures.tree().station());
		ApiErrors.expectCode(approve(elsewhere, id), "FORBIDDEN");
		ApiErrors.expectCode(approve(this.api.login(Fixtures.unique("nobody")), id), "FORBIDDEN");
		assertThat(honorHours()).isEqualByComparingTo("0");

		// An admin above the station covers it and may approve.
		Session institute = admin("institute", "INSTITUTE_ADMIN", this.tree.institute());
		approve(institute, id).path("approveHonorHours.status").entity(String.class).isEqualTo("APPROVED");
		assertThat(honorHours()).isEqualByComparingTo("5");
		// The volunteer cannot take it back either (nor anything else of their own).
		ApiErrors.expectCode(revoke(this.volunteer, id, "撤销"), "FORBIDDEN");
	}

	@Test
	void approvedHoursAreRevokedWithAReasonAndTheTrailKept() {
		record(this.recorder, 6, "防疫值守补录");
		String approved = onlyPending();
		approve(this.approver, approved);
		record(this.recorder, 4, "重复补录");
		String rejected = onlyPending();
		assertThat(honorHours()).isEqualByComparingTo("6");

		// Revoking an approved record takes its hours back; any covering admin may (the recorder too).
		revoke(this.recorder, approved, "经核实服务未发生").path("revokeHonorHours.status").entity(String.class)
			.isEqualTo("REVOKED")
			.path("revokeHonorHours.revokedById").entity(String.class).isEqualTo(id(this.recorder))
			.path("revokeHonorHours.revokeReason").entity(String.class).isEqualTo("经核实服务未发生")
			.path("revokeHonorHours.approvedById").entity(String.class).isEqualTo(id(this.approver));
		assertThat(honorHours()).isEqualByComparingTo("0");
		ApiErrors.expectCode(revoke(this.approver, approved, "再撤一次"), "HONOR_HOURS_ALREADY_REVOKED");
		ApiErrors.expectCode(approve(this.approver, approved), "HONOR_HOURS_NOT_PENDING");
		assertThat(honorHours()).isEqualByComparingTo("0");

		// Revoking a pending record rejects it: it never counts, and cannot be approved afterwards.
		revoke(this.approver, rejected, "与上一条重复").path("revokeHonorHours.status").entity(String.class)
			.isEqualTo("REVOKED");
		ApiErrors.expectCode(approve(this.approver, rejected), "HONOR_HOURS_NOT_PENDING");
		assertThat(honorHours()).isEqualByComparingTo("0");
		ApiErrors.expectBadField(revoke(this.approver, rejected, " "), "reason");

		// Both rows are still there, with who and why: the volunteer sees the history.
		this.api.as(this.volunteer).documentName("honorHoursRecords").variable("volunteerId", this.volunteerId)
			.execute()
			.path("honorHoursRecords.edges[*].node.status").entityList(String.class).containsExactly("REVOKED", "REVOKED")
			.path("honorHoursRecords.edges[*].node.revokeReason").entityList(String.class)
			.containsExactly("经核实服务未发生", "与上一条重复");
	}

	@Test
	void coveringAdminsSeeWhatWaitsForApprovalPaged() {
		record(this.recorder, 1, "第一条");
		record(this.recorder, 2, "第二条");
		record(this.recorder, 3, "第三条");
		approve(this.approver, HonorHoursRecords.pendingOf(this.api.as(this.approver), this.volunteerId).get(0));
		long station = this.tree.station();

		GraphQlTester.Response first = pending(this.approver, station, 1, null);
		first.path("pendingHonorHours.edges[*].node.reason").entityList(String.class).containsExactly("第二条")
			.path("pendingHonorHours.edges[0].node.volunteerId").entity(String.class).isEqualTo(this.volunteerId)
			.path("pendingHonorHours.edges[0].node.recordedById").entity(String.class).isEqualTo(id(this.recorder))
			.path("pendingHonorHours.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		String cursor = first.path("pendingHonorHours.pageInfo.endCursor").entity(String.class).get();
		pending(this.approver, station, 10, cursor).path("pendingHonorHours.edges[*].node.reason")
			.entityList(String.class).containsExactly("第三条");
		// From the 所 above, the station's records are listed too.
		Session institute = admin("institute", "INSTITUTE_ADMIN", this.tree.institute());
		pending(institute, this.tree.institute(), 10, null).path("pendingHonorHours.edges[*].node.reason")
			.entityList(String.class).containsExactly("第二条", "第三条");

		// Another station's admin and the volunteer are refused.
		ApiErrors.expectCode(pending(admin("elsewhere", "STATION_ADMIN", this.fixtures.tree().station()), station, 10,
				null), "FORBIDDEN");
		ApiErrors.expectCode(pending(this.volunteer, station, 10, null), "FORBIDDEN");
	}

	@Test
	void tenAdminsApprovingAtOnceCountTheHoursOnce() throws Exception {
		record(this.recorder, 7.5, "夏季防汛补录");
		String id = onlyPending();
		List<Session> admins = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			admins.add(admin("racer", "STATION_ADMIN", this.tree.station()));
		}
		// The recorder races too, and is refused whoever wins.
		admins.add(this.recorder);
		ExecutorService pool = Executors.newFixedThreadPool(admins.size());
		CountDownLatch ready = new CountDownLatch(admins.size());
		CountDownLatch go = new CountDownLatch(1);
		try {
			List<Future<String>> outcomes = new ArrayList<>();
			for (Session admin : admins) {
				Callable<String> approve = () -> {
					ready.countDown();
					go.await();
					String code = ApiErrors.codeOf(approve(admin, id));
					return (code == null) ? "APPROVED" : code;
				};
				outcomes.add(pool.submit(approve));
			}
			assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
			go.countDown();
			List<String> results = new ArrayList<>();
			for (Future<String> outcome : outcomes) {
				results.add(outcome.get(60, TimeUnit.SECONDS));
			}
			assertThat(results.get(results.size() - 1)).isEqualTo("FORBIDDEN");
			assertThat(results).filteredOn("APPROVED"::equals).hasSize(1);
			assertThat(results).filteredOn("HONOR_HOURS_NOT_PENDING"::equals).hasSize(admins.size() - 2);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(honorHours()).isEqualByComparingTo("7.5");
	}

	private Session admin(String prefix, String role, long unit) {
		Session session = this.api.login(Fixtures.unique(prefix));
		this.fixtures.grant(session.userId(), role, unit);
		return session;
	}

	private GraphQlTester.Response record(Session as, double hours, String reason) {
		Map<String, Object> input = Map.of("volunteerId", this.volunteerId, "hours", hours, "reason", reason,
				"serviceDate", LocalDate.now(CHINA).toString());
		return this.api.as(as).documentName("recordHonorHours").variable("input", HonorHoursRecords.keyed(input)).execute();
	}

	/** The one record waiting for approval (read from the table, so any caller's view is beside the point). */
	private String onlyPending() {
		List<Long> ids = this.jdbc.queryForList(
				"SELECT id FROM volunteer_honor_hours WHERE volunteer_id = ? AND status = 'PENDING'", Long.class,
				Long.valueOf(this.volunteerId));
		assertThat(ids).hasSize(1);
		return ids.get(0).toString();
	}

	private GraphQlTester.Response approve(Session as, String id) {
		return HonorHoursRecords.approve(this.api.as(as), id);
	}

	private GraphQlTester.Response revoke(Session as, String id, String reason) {
		return this.api.as(as).documentName("revokeHonorHours").variable("id", id).variable("reason", reason).execute();
	}

	private GraphQlTester.Response pending(Session as, long unit, int first, String after) {
		return this.api.as(as).documentName("pendingHonorHours").variable("orgUnitId", Long.toString(unit))
			.variable("first", first).variable("after", after).execute();
	}

	private GraphQlTester.Response stats(Session as) {
		return this.api.as(as).documentName("myVolunteerStats").execute();
	}

	private GraphQlTester.Response certificate() {
		return this.api.as(this.volunteer).documentName("serviceRecordPdf")
			.variable("year", LocalDate.now(CHINA).getYear()).variable("volunteerId", this.volunteerId).execute();
	}

	private BigDecimal honorHours() {
		return this.jdbc.queryForObject("SELECT honor_hours FROM volunteer WHERE id = ?", BigDecimal.class,
				Long.valueOf(this.volunteerId));
	}

	private static String id(Session session) {
		return Long.toString(session.userId());
	}

}
