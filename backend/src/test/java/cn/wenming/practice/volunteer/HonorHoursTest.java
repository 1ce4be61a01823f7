package cn.wenming.practice.volunteer;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.HonorHoursRecords;
import cn.wenming.practice.testinfra.Race;
import cn.wenming.practice.testinfra.Scenario;
import cn.wenming.practice.testinfra.Volunteers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Honor hours (补录) are recorded by an admin covering the volunteer's station, stored as their own
 * rows with the reason, date, recorder and approver, and added to honor hours only once another
 * admin approved them: the star (from credit hours) and the points stay as they were.
 */
@IntegrationTest
class HonorHoursTest {

	@Autowired
	JdbcTemplate jdbc;

	@Scenario
	Api api;

	@Scenario
	Fixtures fixtures;

	Fixtures.Tree tree;

	Session admin;

	/** Another admin of the station: approves what {@link #admin} recorded. */
	Session approver;

	@BeforeEach
	void setUp() {
		this.tree = this.fixtures.tree();
		this.admin = this.api.login(Fixtures.unique("honor-admin"));
		this.fixtures.grant(this.admin.userId(), "STATION_ADMIN", this.tree.station());
		this.approver = this.api.login(Fixtures.unique("honor-approver"));
		this.fixtures.grant(this.approver.userId(), "STATION_ADMIN", this.tree.station());
	}

	@Test
	void honorHoursChangeNeitherStarNorPoints() {
		Session volunteer = this.api.login(Fixtures.unique("honored"));
		String volunteerId = Volunteers.register(this.api.as(volunteer), this.tree.station());
		// 99.5 credit hours: 5 honor hours would cross 100 h if they counted towards the star.
		this.jdbc.update("UPDATE volunteer SET credit_hours = 99.5 WHERE id = ?", Long.valueOf(volunteerId));

		// Recorded: pending, nothing counts yet.
		record(this.admin, volunteerId, 5, "2024 年抗洪抢险志愿服务补录", "2024-07-15")
			.path("recordHonorHours.honorHours").entity(Double.class).isEqualTo(0.0)
			.path("recordHonorHours.creditHours").entity(Double.class).isEqualTo(99.5)
			.path("recordHonorHours.star").entity(Integer.class).isEqualTo(0);
		record(this.admin, volunteerId, 1.5, "社区防疫值守补录", "2024-08-01")
			.path("recordHonorHours.honorHours").entity(Double.class).isEqualTo(0.0);
		HonorHoursRecords.approveAll(this.api.as(this.approver), volunteerId);

		assertThat(this.jdbc.queryForList(
				"""
				SELECT hours, reason, service_date, recorded_by, approved_by, status
				FROM volunteer_honor_hours WHERE volunteer_id = ? ORDER BY id""",
				Long.valueOf(volunteerId)))
			.hasSize(2)
			.first()
			.satisfies(row -> {
				assertThat((BigDecimal) row.get("hours")).isEqualByComparingTo("5");
				assertThat(row.get("reason")).isEqualTo("2024 年抗洪抢险志愿服务补录");
				assertThat(row.get("service_date").toString()).isEqualTo("2024-07-15");
				assertThat(((Number) row.get("recorded_by")).longValue()).isEqualTo(this.admin.userId());
				assertThat(((Number) row.get("approved_by")).longValue()).isEqualTo(this.approver.userId());
				assertThat(row.get("status")).isEqualTo("APPROVED");
			});
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM points_entry WHERE user_id = ?", Integer.class,
				volunteer.userId())).isZero();
		this.api.as(volunteer).documentName("myPoints").execute().path("me.points.balance").entity(Integer.class)
			.isEqualTo(0);
		this.api.as(volunteer).documentName("myVolunteerHours").execute()
			.path("myVolunteer.star").entity(Integer.class).isEqualTo(0)
			.path("myVolunteer.honorHours").entity(Double.class).isEqualTo(6.5)
			.path("myVolunteer.creditHours").entity(Double.class).isEqualTo(99.5);
	}

	@Test
	void onlyAnAdminCoveringTheStationRecordsValidHonorHours() {
		Session volunteer = this.api.login(Fixtures.unique("honor-guarded"));
		String volunteerId = Volunteers.register(this.api.as(volunteer), this.tree.station());
		Session outsider = this.api.login(Fixtures.unique("honor-outsider"));
		this.fixtures.grant(outsider.userId(), "STATION_ADMIN", this.fixtures.tree().station());

		ApiErrors.expectCode(record(outsider, volunteerId, 2, "越权补录", "2024-07-15"), "FORBIDDEN");
		ApiErrors.expectCode(record(volunteer, volunteerId, 2, "给自己补录", "2024-07-15"), "FORBIDDEN");
		String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
		ApiErrors.expectCode(record(this.admin, volunteerId, 2, "未来日期", tomorrow), "BAD_REQUEST");
		ApiErrors.expectBadField(record(this.admin, volunteerId, 2, " ", "2024-07-15"), "input.reason");
		ApiErrors.expectBadField(record(this.admin, volunteerId, 0, "零小时", "2024-07-15"), "input.hours");
		ApiErrors.expectCode(record(this.admin, "987654321012", 2, "不存在", "2024-07-15"), "NOT_FOUND");
		assertThat(this.jdbc.queryForObject("SELECT honor_hours FROM volunteer WHERE id = ?", BigDecimal.class,
				Long.valueOf(volunteerId))).isEqualByComparingTo("0");
	}

	/**
	 * 补录 is a correction: sent again with its key (a double click, a retry after a lost answer, ten
	 * at once) it is recorded once — an approver could otherwise approve the copies and count the
	 * hours twice; the key used for anything else is refused; another admin's key is their own.
	 */
	@Test
	void aRecordSentAgainWithItsKeyIsRecordedOnce() throws Exception {
		Session volunteer = this.api.login(Fixtures.unique("honor-retried"));
		String volunteerId = Volunteers.register(this.api.as(volunteer), this.tree.station());
		Map<String, Object> input = Map.of("volunteerId", volunteerId, "hours", 3.5, "reason", "防汛值守补录",
				"serviceDate", "2024-07-15", "idempotencyKey", "honor-key-0001");
		List<GraphQlTester.Response> answers = Race.times(10,
				() -> this.api.as(this.admin).documentName("recordHonorHours").variable("input", input).execute());
		answers.forEach(answer -> answer.path("recordHonorHours.id").entity(String.class).isEqualTo(volunteerId));
		this.api.as(this.admin).documentName("recordHonorHours").variable("input", input).execute()
			.path("recordHonorHours.id").entity(String.class).isEqualTo(volunteerId);
		assertThat(HonorHoursRecords.pendingOf(this.api.as(this.approver), volunteerId)).hasSize(1);

		Map<String, Object> other = new HashMap<>(input);
		other.put("hours", 8.0);
		ApiErrors.expectCode(this.api.as(this.admin).documentName("recordHonorHours").variable("input", other).execute(),
				"IDEMPOTENCY_KEY_REUSED");
		// The approver's own record with the same key string is theirs.
		this.api.as(this.approver).documentName("recordHonorHours").variable("input", input).execute()
			.path("recordHonorHours.id").entity(String.class).isEqualTo(volunteerId);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM volunteer_honor_hours WHERE volunteer_id = ?",
				Integer.class, Long.valueOf(volunteerId))).isEqualTo(2);
	}

	/**
	 * Records made before V66 kept no request digest: the migration computes it from the stored fields
	 * (which never change), exactly as the service writes it — Chinese, a character outside the BMP
	 * (two UTF-16 units, as Java counts) and a whole number of hours included — so a resend of an old
	 * key is answered by the one rule, and the same key with other input is still refused.
	 */
	@Test
	void theMigrationGivesEarlierRecordsTheDigestTheServiceWrites() throws Exception {
		Session volunteer = this.api.login(Fixtures.unique("honor-backfilled"));
		String volunteerId = Volunteers.register(this.api.as(volunteer), this.tree.station());
		Map<String, Object> input = Map.of("volunteerId", volunteerId, "hours", 12.0, "reason", "  防汛值守补录 \uD83C\uDF0A 夜班 ",
				"serviceDate", "2024-07-15", "idempotencyKey", Fixtures.unique("honor-old-"));
		this.api.as(this.admin).documentName("recordHonorHours").variable("input", input).execute()
			.path("recordHonorHours.id").entity(String.class).isEqualTo(volunteerId);
		String written = this.jdbc.queryForObject(
				"SELECT request_digest FROM volunteer_honor_hours WHERE volunteer_id = ?", String.class,
				Long.valueOf(volunteerId));
		assertThat(written).hasSize(64);

		this.jdbc.update("UPDATE volunteer_honor_hours SET request_digest = NULL WHERE volunteer_id = ?",
				Long.valueOf(volunteerId));
		String migration = new String(new ClassPathResource("db/migration/V66__honor_hours_request_digest.sql")
			.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		String backfill = migration.substring(migration.indexOf("UPDATE volunteer_honor_hours"), migration.lastIndexOf(';'));
		this.jdbc.update(backfill + " AND volunteer_id = " + Long.valueOf(volunteerId));
		assertThat(this.jdbc.queryForObject("SELECT request_digest FROM volunteer_honor_hours WHERE volunteer_id = ?",
				String.class, Long.valueOf(volunteerId))).isEqualTo(written);

		this.api.as(this.admin).documentName("recordHonorHours").variable("input", input).execute()
			.path("recordHonorHours.id").entity(String.class).isEqualTo(volunteerId);
		Map<String, Object> other = new HashMap<>(input);
		other.put("reason", "另一条补录");
		ApiErrors.expectCode(this.api.as(this.admin).documentName("recordHonorHours").variable("input", other).execute(),
				"IDEMPOTENCY_KEY_REUSED");
		assertThat(HonorHoursRecords.pendingOf(this.api.as(this.approver), volunteerId)).hasSize(1);
	}

	private GraphQlTester.Response record(Session as, String volunteerId, double hours, String reason,
			String serviceDate) {
		Map<String, Object> input = Map.of("volunteerId", volunteerId, "hours", hours, "reason", reason,
				"serviceDate", serviceDate);
		return this.api.as(as).documentName("recordHonorHours").variable("input", HonorHoursRecords.keyed(input)).execute();
	}

}
