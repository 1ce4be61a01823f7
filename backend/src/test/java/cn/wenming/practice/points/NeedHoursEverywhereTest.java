package cn.wenming.practice.points;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.AfterCommit;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.MutableClock;
import cn.wenming.practice.testinfra.Scenario;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, must-show 7: confirmed need hours appear in {@code Volunteer.stats} (hoursThisYear,
 * creditHours, star), the certificate PDF, the hour leaderboard and the assessment figures; before
 * confirmation they appear only in {@code stats.pendingHours}; after a revocation they leave all of
 * them again (and the certificate is the one issued for the same record before).
 */
@IntegrationTest
class NeedHoursEverywhereTest {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	MutableClock clock;

	@Scenario
	PointsScenario s;

	@Test
	void confirmedNeedHoursCountEverywhereAndPendingOnesOnlyAsPending() throws Exception {
		Session volunteer = this.s.trainedVolunteer("everywhere");
		String volunteerId = volunteerIdOf(volunteer);
		// 98 h from earlier years; a confirmed 1 h activity this year (99 h: no star yet).
		this.jdbc.update("UPDATE volunteer SET credit_hours = 98 WHERE user_id = ?", volunteer.userId());
		this.s.serveActivity(volunteer, this.clock, 1);
		this.clock.reset();
		String needId = this.s.completeNeed(this.s.api.login(Fixtures.unique("resident")), volunteer, 2.0);
		AfterCommit.awaitListeners(this.jdbc);

		// Before confirmation: pending only.
		stats(volunteerId).path("volunteer.stats.pendingHours").entity(Double.class).isEqualTo(2.0)
			.path("volunteer.stats.hoursThisYear").entity(Double.class).isEqualTo(1.0)
			.path("volunteer.stats.creditHours").entity(Double.class).isEqualTo(99.0)
			.path("volunteer.stats.star").entity(Integer.class).isEqualTo(0)
			.path("volunteer.stats.needsCount").entity(Integer.class).isEqualTo(0);
		Map<String, Object> before = certificate(volunteer);
		assertThat(before).containsEntry("activitiesCount", 1).containsEntry("needsCount", 0)
			.containsEntry("creditHours", 1.0).containsEntry("needHours", 0.0);
		assertThat(pdfText(before)).doesNotContain("群众需求");
		double boardBefore = hoursOnBoard(volunteer);
		double figureBefore = hoursFigure();

		this.s.confirmNeedHours(needId);
		AfterCommit.awaitListeners(this.jdbc);

		stats(volunteerId).path("volunteer.stats.pendingHours").entity(Double.class).isEqualTo(0.0)
			.path("volunteer.stats.hoursThisYear").entity(Double.class).isEqualTo(3.0)
			.path("volunteer.stats.creditHours").entity(Double.class).isEqualTo(101.0)
			.path("volunteer.stats.star").entity(Integer.class).isEqualTo(1)
			.path("volunteer.stats.needsCount").entity(Integer.class).isEqualTo(1)
			.path("volunteer.stats.activitiesCount").entity(Integer.class).isEqualTo(1);
		Map<String, Object> after = certificate(volunteer);
		assertThat(after.get("code")).isNotEqualTo(before.get("code"));
		assertThat(after).containsEntry("activitiesCount", 1).containsEntry("needsCount", 1)
			.containsEntry("creditHours", 3.0).containsEntry("needHours", 2.0);
		String text = pdfText(after).replaceAll("\\s+", "");
		assertThat(text).contains("服务群众需求1次", "信用时长3小时", "服务的群众需求（信用时长）", "生活服务",
				LocalDate.now(this.clock.withZone(CHINA)).toString(), "信用时长合计：3小时")
			// The need's title may name the resident: a certificate names the category only.
			.doesNotContain("帮老人修电灯");
		this.s.api.anonymous().documentName("verifyServiceRecord").variable("code", after.get("code")).execute()
			.path("verifyServiceRecord.needsCount").entity(Integer.class).isEqualTo(1)
			.path("verifyServiceRecord.needHours").entity(Double.class).isEqualTo(2.0);
		// Nothing changed: the same certificate.
		assertThat(certificate(volunteer).get("code")).isEqualTo(after.get("code"));
		AfterCommit.eventually(() -> assertThat(hoursOnBoard(volunteer)).isEqualTo(boardBefore + 2.0));
		assertThat(hoursFigure()).isEqualTo(figureBefore + 2.0);

		// Revoked: gone from all of them; the record is the one before, and so is its certificate.
		this.s.api.as(this.s.admin).documentName("revokeNeedHours")
			.variable("input", Map.of("needId", needId, "volunteerId", volunteerId, "reason", "核实服务未完成"))
			.execute().path("revokeNeedHours.participants[0].hoursStatus").entity(String.class).isEqualTo("REVOKED");
		AfterCommit.awaitListeners(this.jdbc);
		stats(volunteerId).path("volunteer.stats.hoursThisYear").entity(Double.class).isEqualTo(1.0)
			.path("volunteer.stats.creditHours").entity(Double.class).isEqualTo(99.0)
			.path("volunteer.stats.star").entity(Integer.class).isEqualTo(0)
			.path("volunteer.stats.needsCount").entity(Integer.class).isEqualTo(0)
			.path("volunteer.stats.pendingHours").entity(Double.class).isEqualTo(0.0);
		assertThat(certificate(volunteer).get("code")).isEqualTo(before.get("code"));
		AfterCommit.eventually(() -> assertThat(hoursOnBoard(volunteer)).isEqualTo(boardBefore));
		assertThat(hoursFigure()).isEqualTo(figureBefore);
	}

	@Test
	void aYearWithOnlyConfirmedNeedHoursHasACertificate() throws Exception {
		Session volunteer = this.s.trainedVolunteer("need-only");
		String needId = this.s.completeNeed(this.s.api.login(Fixtures.unique("resident")), volunteer, 1.5);
		ApiErrors.expectCode(issue(volunteer), "SERVICE_RECORD_EMPTY");
		this.s.confirmNeedHours(needId);
		Map<String, Object> issued = certificate(volunteer);
		assertThat(issued).containsEntry("activitiesCount", 0).containsEntry("needsCount", 1)
			.containsEntry("creditHours", 1.5);
		assertThat(pdfText(issued).replaceAll("\\s+", "")).contains("生活服务", "合计", "1.5");
	}

	private GraphQlTester.Response stats(String volunteerId) {
		return this.s.api.as(this.s.admin).documentName("volunteerStats").variable("id", volunteerId).execute();
	}

	private GraphQlTester.Response issue(Session volunteer) {
		return this.s.api.as(volunteer).documentName("serviceRecordPdf")
			.variable("year", LocalDate.now(this.clock.withZone(CHINA)).getYear()).execute();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> certificate(Session volunteer) {
		return issue(volunteer).path("serviceRecordPdf").entity(Map.class).get();
	}

	private String pdfText(Map<String, Object> certificate) throws Exception {
		byte[] pdf = WebTestClient.bindToServer(Api.connector()).baseUrl("http://127.0.0.1:" + this.port)
			.build().get().uri((String) certificate.get("downloadUrl")).exchange().expectStatus().isOk()
			.expectBody(byte[].class).returnResult().getResponseBody();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

	/** The volunteer's score on this month's volunteer hour board of the station (0 when not on it). */
	@SuppressWarnings("unchecked")
	private double hoursOnBoard(Session volunteer) {
		Map<String, Object> me = this.s.api.as(volunteer).documentName("leaderboard")
			.variable("kind", "VOLUNTEER_HOURS").variable("period", "MONTH")
			.variable("scopeId", Long.toString(this.s.tree.station())).variable("first", 10).execute()
			.path("leaderboard.me").entity(Map.class).get();
		return (me == null) ? 0.0 : ((Number) me.get("score")).doubleValue();
	}

	/** The station's hours this year in the assessment (numerator of HOURS_PER_VOLUNTEER). */
	@SuppressWarnings("unchecked")
	private double hoursFigure() {
		ZonedDateTime today = ZonedDateTime.now(this.clock.withZone(CHINA));
		List<Map<String, Object>> figures = this.s.api.as(this.s.admin).documentName("assessment")
			.variable("orgUnitId", Long.toString(this.s.tree.station())).variable("year", today.getYear())
			.variable("month", today.getMonthValue()).execute().path("assessment.units[0].figures")
			.entityList(Map.class).get().stream().map(m -> (Map<String, Object>) m).toList();
		return figures.stream()
			.filter(f -> "HOURS_PER_VOLUNTEER".equals(f.get("kind")))
			.map(f -> ((Number) f.get("numerator")).doubleValue())
			.findFirst()
			.orElseThrow();
	}

	private String volunteerIdOf(Session volunteer) {
		return this.jdbc.queryForObject("SELECT id FROM volunteer WHERE user_id = ?", Long.class, volunteer.userId())
			.toString();
	}

}
