package cn.wenming.practice.activity;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import cn.wenming.practice.testinfra.MutableClock;
import cn.wenming.practice.testinfra.Scenario;
import cn.wenming.practice.testinfra.Volunteers;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code serviceRecordPdf}: the yearly certificate lists the activities and hours, is downloaded
 * over HTTP through a signed, short-lived link, parses as a PDF with the Chinese text intact, and
 * its verification code checks through the public {@code verifyServiceRecord}.
 */
@IntegrationTest
class ServiceRecordTest {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Scenario
	ActivityScenario s;

	Session volunteer;

	String volunteerId;

	int year;

	@BeforeEach
	void setUp() {
		this.volunteer = this.s.api.login(Fixtures.unique("certified"));
		this.volunteerId = Volunteers.register(this.s.api.as(this.volunteer), this.s.tree.station());
		this.year = LocalDate.now(CHINA).getYear();
	}

	@Test
	void theCertificateListsTheYearsServiceDownloadsAsPdfAndVerifies() throws Exception {
		Attendance.attend(this.s, this.clock, "社区义诊", Duration.ofMinutes(90), this.volunteer);
		Attendance.attend(this.s, this.clock, "垃圾分类宣传", Duration.ofHours(2), this.volunteer);
		recordHonorHours(this.volunteerId, 2.5, "防汛值守补录");

		Map<String, Object> issued = issue(this.volunteer, null).path("serviceRecordPdf").entity(Map.class).get();
		String code = (String) issued.get("code");
		String stationName = this.jdbc.queryForObject("SELECT name FROM org_unit WHERE id = ?", String.class,
				this.s.tree.station());
		assertThat(code).matches("[A-Z2-7]{16}");
		assertThat(issued).containsEntry("year", this.year)
			.containsEntry("activitiesCount", 2)
			.containsEntry("creditHours", 3.5)
			.containsEntry("honorHours", 2.5)
			.containsEntry("issuingUnitName", stationName);

		byte[] pdf = download((String) issued.get("downloadUrl")).expectStatus().isOk()
			.expectHeader().contentType(MediaType.APPLICATION_PDF)
			.expectBody(byte[].class).returnResult().getResponseBody();
		String text = textOf(pdf);
		assertThat(text).contains("志愿服务证明", "张三", this.year + " 年度", "社区义诊", "垃圾分类宣传", "1.5", "防汛值守补录",
				"2.5", "3.5", stationName, code);
		// Credit hours and honor hours are listed apart: the summary names both.
		assertThat(text.replaceAll("\\s+", "")).contains("信用时长3.5小时").contains("荣誉时长（补录）2.5小时");

		// The public check: no login, masked name, the same totals; codes are typed in groups and any case.
		this.s.api.anonymous().documentName("verifyServiceRecord").variable("code", code).execute()
			.path("verifyServiceRecord.maskedName").entity(String.class).isEqualTo("张*")
			.path("verifyServiceRecord.year").entity(Integer.class).isEqualTo(this.year)
			.path("verifyServiceRecord.creditHours").entity(Double.class).isEqualTo(3.5)
			.path("verifyServiceRecord.honorHours").entity(Double.class).isEqualTo(2.5)
			.path("verifyServiceRecord.issuingUnitName").entity(String.class).isEqualTo(stationName);
		String grouped = (code.substring(0, 4) + "-" + code.substring(4, 8) + " " + code.substring(8)).toLowerCase();
		verify(grouped).path("verifyServiceRecord.code").entity(String.class).isEqualTo(code);
		String wrong = code.substring(0, 15) + ((code.charAt(15) == 'A') ? 'B' : 'A');
		verify(wrong).path("verifyServiceRecord").valueIsNull();
		verify("not a code").path("verifyServiceRecord").valueIsNull();

		// Asking again with nothing changed hands out the same certificate.
		issue(this.volunteer, null).path("serviceRecordPdf.code").entity(String.class).isEqualTo(code);
	}

	@Test
	void onlyTheVolunteerAndTheirAdminsGetTheLinkAndTheLinkIsTheOnlyWayIn() {
		Attendance.attend(this.s, this.clock, "敬老助餐", Duration.ofHours(1), this.volunteer);
		String url = issue(this.volunteer, null).path("serviceRecordPdf.downloadUrl").entity(String.class).get();

		// Another volunteer can neither issue nor download someone else's certificate.
		Session other = this.s.api.login(Fixtures.unique("nosy"));
		Volunteers.register(this.s.api.as(other), this.s.tree.station());
		ApiErrors.expectCode(issue(other, this.volunteerId), "FORBIDDEN");
		ApiErrors.expectCode(issue(other, null), "SERVICE_RECORD_EMPTY");
		String tampered = url.replaceFirst("sig=.", "sig=" + (url.contains("sig=A") ? "B" : "A"));
		download(tampered).expectStatus().isForbidden();
		download(url.substring(0, url.indexOf('?'))).expectStatus().isForbidden();
		download(url.replaceFirst("expires=\\d+", "expires=" + (Long.MAX_VALUE / 2))).expectStatus().isForbidden();
		// A link for one certificate does not open another.
		String otherCode = "AAAAAAAAAAAAAAAA";
		download(url.replaceFirst("/service-records/[A-Z2-7]+\\.pdf", "/service-records/" + otherCode + ".pdf"))
			.expectStatus().isForbidden();

		// An admin of another station is refused; the station's admin gets the same certificate.
		Session stranger = this.s.api.login(Fixtures.unique("other-admin"));
		this.s.fixtures.grant(stranger.userId(), "STATION_ADMIN", this.s.fixtures.tree().station());
		ApiErrors.expectCode(issue(stranger, this.volunteerId), "FORBIDDEN");
		String code = url.substring(url.lastIndexOf('/') + 1, url.indexOf(".pdf"));
		issue(this.s.admin, this.volunteerId).path("serviceRecordPdf.code").entity(String.class).isEqualTo(code);

		// The link expires.
		download(url).expectStatus().isOk();
		this.clock.shift(Duration.ofMinutes(ServiceRecords.LINK_TTL_MINUTES + 1));
		download(url).expectStatus().isForbidden();
	}

	@Test
	void aRevocationLeadsToANewCertificateAndTheOldOneStillStatesWhatItSaid() {
		Attendance.Attended first = Attendance.attend(this.s, this.clock, "义务植树", Duration.ofHours(2), this.volunteer);
		Attendance.attend(this.s, this.clock, "文明交通劝导", Duration.ofHours(1), this.volunteer);
		String before = issue(this.volunteer, null).path("serviceRecordPdf.code").entity(String.class).get();

		this.s.api.as(this.s.admin).documentName("revokeHours")
			.variable("signUpId", first.signUpIds().get(this.volunteer.userId())).variable("reason", "代签到，核实未参加")
			.execute().path("revokeHours.hoursRevoked").entity(Boolean.class).isEqualTo(true);

		Map<String, Object> after = issue(this.volunteer, null).path("serviceRecordPdf").entity(Map.class).get();
		assertThat(after.get("code")).isNotEqualTo(before);
		assertThat(after).containsEntry("activitiesCount", 1).containsEntry("creditHours", 1.0);
		verify(before).path("verifyServiceRecord.creditHours").entity(Double.class).isEqualTo(3.0);
	}

	@Test
	void concurrentRequestsForAnUnchangedRecordMakeOneCertificate() throws Exception {
		Attendance.attend(this.s, this.clock, "图书整理", Duration.ofHours(1), this.volunteer);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			CountDownLatch go = new CountDownLatch(1);
			List<Future<String>> codes = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				codes.add(pool.submit(() -> {
					go.await();
					return issue(this.volunteer, null).path("serviceRecordPdf.code").entity(String.class).get();
				}));
			}
			go.countDown();
			Set<String> distinct = new HashSet<>();
			for (Future<String> code : codes) {
				distinct.add(code.get(120, TimeUnit.SECONDS));
			}
			assertThat(distinct).hasSize(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM service_certificate WHERE volunteer_id = ?",
				Integer.class, Long.valueOf(this.volunteerId))).isEqualTo(1);
	}

	@Test
	void anEmptyYearAndAFutureYearAreRefused() {
		ApiErrors.expectCode(issue(this.volunteer, null), "SERVICE_RECORD_EMPTY");
		ApiErrors.expectCode(this.s.api.as(this.volunteer).documentName("serviceRecordPdf")
			.variable("year", this.year + 1).execute(), "BAD_REQUEST");
		Session notVolunteer = this.s.api.login(Fixtures.unique("resident"));
		ApiErrors.expectCode(issue(notVolunteer, null), "VOLUNTEER_REQUIRED");
		ApiErrors.expectCode(this.s.api.anonymous().documentName("serviceRecordPdf").variable("year", this.year)
			.execute(), "UNAUTHENTICATED");
	}

	private GraphQlTester.Response issue(Session as, String volunteerId) {
		return this.s.api.as(as).documentName("serviceRecordPdf").variable("year", this.year)
			.variable("volunteerId", volunteerId).execute();
	}

	private GraphQlTester.Response verify(String code) {
		return this.s.api.anonymous().documentName("verifyServiceRecord").variable("code", code).execute();
	}

	private WebTestClient.ResponseSpec download(String path) {
		return WebTestClient.bindToServer(Api.connector()).baseUrl("http://127.0.0.1:" + this.port).build().get().uri(path).exchange();
	}

	/** Recorded by the organiser (pending, not counted yet), then approved by another admin of the station. */
	private void recordHonorHours(String volunteerId, double hours, String reason) {
		Map<String, Object> input = Map.of("volunteerId", volunteerId, "hours", hours, "reason", reason, "serviceDate",
				LocalDate.now(CHINA).toString());
		this.s.api.as(this.s.admin).documentName("recordHonorHours").variable("input", HonorHoursRecords.keyed(input)).execute()
			.path("recordHonorHours.honorHours").entity(Double.class).isEqualTo(0.0);
		Session approver = this.s.api.login(Fixtures.unique("honor-approver"));
		this.s.fixtures.grant(approver.userId(), "STATION_ADMIN", this.s.tree.station());
		HonorHoursRecords.approveAll(this.s.api.as(approver), volunteerId);
	}

	static String textOf(byte[] pdf) throws Exception {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(1);
			return new PDFTextStripper().getText(document);
		}
	}

}
