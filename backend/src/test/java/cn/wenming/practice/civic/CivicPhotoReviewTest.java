package cn.wenming.practice.civic;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.IdempotencyKeys;
import cn.wenming.practice.testinfra.MediaChecks;
import cn.wenming.practice.testinfra.MutableClock;
import cn.wenming.practice.testinfra.PhotoFiles;
import cn.wenming.practice.testinfra.Scenario;
import cn.wenming.practice.testinfra.SqlCounter;
import cn.wenming.practice.testinfra.Volunteers;
import cn.wenming.practice.testinfra.WechatStub;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Held 随手拍 photos (WeChat still checking, never checked, or judged risky) in the 内容审核 queue: listed
 * for the admins covering the report's station (and the 所 above), approved or rejected once with the
 * reviewer and time kept, then shown under the report's own rules; another station's admin, the
 * reporter and the uploader are refused; the queue costs the same statements for 5 and 20 photos.
 */
@IntegrationTest
class CivicPhotoReviewTest {

	static final String REPORT = "query($id: ID!) { civicReport(id: $id) { id photos { id status url } "
			+ "resolutionPhotos { id status url } history { note } } }";

	@LocalServerPort
	int port;

	@Scenario
	MediaChecks media;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	SqlCounter sql;

	@Scenario
	Api api;

	@Scenario
	Fixtures fixtures;

	Fixtures.Tree tree;

	long otherStation;

	Session stationAdmin;

	Session instituteAdmin;

	Session outsider;

	Session reporter;

	@BeforeEach
	void setUp() {
		this.tree = this.fixtures.tree();
		this.otherStation = this.fixtures.unit(this.tree.institute(), "STATION", Fixtures.unique("站"), null, null);
		this.stationAdmin = this.api.login(Fixtures.unique("civic-photo-station"));
		this.fixtures.grant(this.stationAdmin.userId(), "STATION_ADMIN", this.tree.station());
		this.instituteAdmin = this.api.login(Fixtures.unique("civic-photo-institute"));
		this.fixtures.grant(this.instituteAdmin.userId(), "INSTITUTE_ADMIN", this.tree.institute());
		this.outsider = this.api.login(Fixtures.unique("civic-photo-outsider"));
		this.fixtures.grant(this.outsider.userId(), "STATION_ADMIN", this.otherStation);
		this.reporter = this.api.login(Fixtures.unique("civic-photo-reporter"));
		Volunteers.register(this.api.as(this.reporter), this.tree.station(), "啄木鸟", List.of("摄影"), List.of("CULTURE"));
	}

	@Test
	void heldPhotosAreReviewedOnceByTheStaffCoveringTheReport() {
		String risky = this.media.upload(this.reporter);
		String checking = this.media.upload(this.reporter);
		String passed = this.media.upload(this.reporter);
		this.media.push(WechatStub.mediaCheckJson(this.media.trace(risky), "risky"));
		this.media.push(WechatStub.mediaCheckJson(this.media.trace(passed), "pass"));
		Map<String, Object> input = input("PARKING", "消防通道被私家车占用");
		input.put("photoIds", List.of(risky, checking, passed));
		String reportId = this.api.as(this.reporter)
			.document("mutation($input: SubmitCivicReportInput!) { submitCivicReport(input: $input) { id } }")
			.variable("input", IdempotencyKeys.keyed(input)).execute().path("submitCivicReport.id").entity(String.class).get();

		// The station's admin sees the two held photos with the report's category, description and station.
		List<Map<String, Object>> held = held(this.stationAdmin, this.tree.station());
		assertThat(held).noneMatch((r) -> photo(r).get("id").equals(passed));
		Map<String, Object> riskyRow = row(held, risky);
		assertThat(riskyRow).containsEntry("hold", "RISKY").containsEntry("part", "CIVIC_REPORT")
			.containsEntry("reportId", reportId).containsEntry("category", "PARKING")
			.containsEntry("categoryLabel", "乱停乱放").containsEntry("description", "消防通道被私家车占用")
			.containsEntry("reportStatus", "SUBMITTED").containsEntry("stationId", Long.toString(this.tree.station()))
			.containsEntry("reviewedByUserId", null);
		assertThat((String) riskyRow.get("stationName")).isNotBlank();
		assertThat(row(held, checking)).containsEntry("hold", "CHECKING");
		// Signed for the reviewer: they can look at the photo WeChat judged risky.
		assertThat(PhotoFiles.fetch(this.port, (String) photo(riskyRow).get("url")).status()).isEqualTo(200);
		// The 所 above sees the same queue; the need queue does not list 随手拍 photos.
		assertThat(held(this.instituteAdmin, this.tree.institute())).anyMatch((r) -> photo(r).get("id").equals(risky));
		assertThat(this.api.as(this.stationAdmin).documentName("heldNeedPhotos")
			.variable("orgUnitId", this.tree.station()).variable("first", 100).execute()
			.path("heldNeedPhotos.edges[*].node.photo.id").entityList(String.class).get()).doesNotContain(risky, checking);

		// Another station's admin: not in their queue, refused ours, cannot decide; nor can the reporter.
		assertThat(held(this.outsider, this.otherStation)).noneMatch((r) -> r.get("reportId").equals(reportId));
		ApiErrors.expectCode(heldQuery(this.outsider, this.tree.station()), "FORBIDDEN");
		ApiErrors.expectCode(review(this.outsider, risky, true), "FORBIDDEN");
		ApiErrors.expectCode(review(this.reporter, risky, true), "FORBIDDEN");
		ApiErrors.expectCode(heldQuery(this.reporter, this.tree.station()), "FORBIDDEN");
		ApiErrors.expectCode(this.api.anonymous().documentName("reviewCivicPhoto").variable("photoId", risky)
			.variable("approve", true).execute(), "UNAUTHENTICATED");
		ApiErrors.expectCode(review(this.stationAdmin, "999999999", true), "NOT_FOUND");
		assertThat(this.media.status(risky)).isEqualTo("REJECTED");

		// Approved: shown like a passed photo under the report's rules, who and when kept, and in the trail.
		review(this.stationAdmin, risky, true).path("reviewCivicPhoto.hold").valueIsNull()
			.path("reviewCivicPhoto.photo.status").entity(String.class).isEqualTo("PASSED")
			.path("reviewCivicPhoto.reviewedByUserId").entity(String.class)
			.isEqualTo(Long.toString(this.stationAdmin.userId()))
			.path("reviewCivicPhoto.reviewedAt").hasValue();
		assertThat(this.jdbc.queryForObject("SELECT reviewed_by FROM media_photo WHERE id = ?", Long.class,
				Long.parseLong(risky))).isEqualTo(this.stationAdmin.userId());
		assertThat(this.api.as(this.stationAdmin).document(REPORT).variable("id", reportId).execute()
			.path("civicReport.photos[*].id").entityList(String.class).get()).contains(risky, passed);
		assertThat(this.api.as(this.stationAdmin).document(REPORT).variable("id", reportId).execute()
			.path("civicReport.history[*].note").entityList(String.class).get())
			.contains("上报照片 " + risky + " 审核通过");
		// Decided once: a second decision, either way, is the stable PHOTO_NOT_HELD, as is a passed photo.
		ApiErrors.expectCode(review(this.stationAdmin, risky, false), "PHOTO_NOT_HELD");
		ApiErrors.expectCode(review(this.instituteAdmin, risky, true), "PHOTO_NOT_HELD");
		ApiErrors.expectCode(review(this.stationAdmin, passed, false), "PHOTO_NOT_HELD");

		// Rejected (by the 所's admin) while WeChat is still checking: shown to nobody but as a status to
		// the reporter, and WeChat's late "pass" changes nothing.
		String checkingUrl = (String) photo(row(held, checking)).get("url");
		review(this.instituteAdmin, checking, false).path("reviewCivicPhoto.photo.status").entity(String.class)
			.isEqualTo("REJECTED").path("reviewCivicPhoto.photo.url").valueIsNull();
		this.media.push(WechatStub.mediaCheckJson(this.media.trace(checking), "pass"));
		assertThat(this.media.status(checking)).isEqualTo("REJECTED");
		assertThat(PhotoFiles.fetch(this.port, checkingUrl).status()).isEqualTo(404);
		assertThat(this.api.as(this.stationAdmin).document(REPORT).variable("id", reportId).execute()
			.path("civicReport.photos[*].id").entityList(String.class).get()).containsExactlyInAnyOrder(risky, passed);
		assertThat(held(this.stationAdmin, this.tree.station())).noneMatch((r) -> r.get("reportId").equals(reportId));
	}

	@Test
	void nobodyReviewsTheirOwnReportOrUpload() {
		// An admin of the station who reported themselves.
		Session staffReporter = this.api.login(Fixtures.unique("civic-photo-staff-reporter"));
		Volunteers.register(this.api.as(staffReporter), this.tree.station());
		this.fixtures.grant(staffReporter.userId(), "STATION_ADMIN", this.tree.station());
		String own = this.media.upload(staffReporter);
		Map<String, Object> input = input("LITTER", "河边堆了建筑垃圾");
		input.put("photoIds", List.of(own));
		String reportId = this.api.as(staffReporter)
			.document("mutation($input: SubmitCivicReportInput!) { submitCivicReport(input: $input) { id } }")
			.variable("input", IdempotencyKeys.keyed(input)).execute().path("submitCivicReport.id").entity(String.class).get();
		assertThat(held(staffReporter, this.tree.station())).anyMatch((r) -> photo(r).get("id").equals(own));
		ApiErrors.expectCode(review(staffReporter, own, true), "FORBIDDEN");

		// The resolver's held resolution photo: not theirs to pass, another admin's.
		this.api.as(this.stationAdmin).document("""
				mutation($input: TriageCivicReportInput!) { triageCivicReport(input: $input) { id } }""")
			.variable("input", Map.of("reportId", reportId, "accept", true, "deadlineOn", today().plusDays(2).toString()))
			.execute().path("triageCivicReport.id").entity(String.class).isEqualTo(reportId);
		String resolution = this.media.upload(this.stationAdmin);
		this.api.as(this.stationAdmin).document("""
				mutation($input: ResolveCivicReportInput!) { resolveCivicReport(input: $input) { status } }""")
			.variable("input", Map.of("reportId", reportId, "note", "已清运", "photoIds", List.of(resolution)))
			.execute().path("resolveCivicReport.status").entity(String.class).isEqualTo("RESOLVED");
		assertThat(row(held(this.instituteAdmin, this.tree.institute()), resolution))
			.containsEntry("part", "CIVIC_RESOLUTION").containsEntry("reportStatus", "RESOLVED");
		ApiErrors.expectCode(review(this.stationAdmin, resolution, true), "FORBIDDEN");
		ApiErrors.expectCode(review(staffReporter, resolution, true), "FORBIDDEN");
		review(this.instituteAdmin, resolution, true).path("reviewCivicPhoto.photo.status").entity(String.class)
			.isEqualTo("PASSED");
		review(this.stationAdmin, own, false).path("reviewCivicPhoto.photo.status").entity(String.class)
			.isEqualTo("REJECTED");
	}

	@Test
	void theQueueCostsTheSameStatementsFor5And20Photos() {
		List<Long> reports = List.of(report("PARKING", "共享单车堆满路口"), report("LITTER", "绿化带里有垃圾"),
				report("ROAD", "井盖松动"));
		heldRows(reports, 5);
		long of5 = count(5);
		heldRows(reports, 15);
		long of20 = count(20);
		org.slf4j.LoggerFactory.getLogger(getClass()).info("SQL statements: heldCivicPhotos 5 -> {}, 20 -> {}", of5, of20);
		assertThat(of5).isGreaterThanOrEqualTo(3);
		assertThat(of20).as("statements for 20 held photos vs 5").isEqualTo(of5);
	}

	// --- Helpers.

	private long count(int expected) {
		heldQuery(this.stationAdmin, this.tree.station());
		var measured = this.sql.measure(() -> heldQuery(this.stationAdmin, this.tree.station()));
		measured.result().path("heldCivicPhotos.edges").entityList(Object.class).hasSize(expected);
		measured.result().path("heldCivicPhotos.edges[*].node.stationName").entityList(String.class).hasSize(expected);
		return measured.count();
	}

	/** Held photos of the reports, by rows as the media module stores them (the upload quota is not the point here). */
	private void heldRows(List<Long> reports, int n) {
		Timestamp now = Timestamp.from(Instant.now());
		for (int i = 0; i < n; i++) {
			this.jdbc.update("""
					INSERT INTO media_photo (owner_user_id, storage_key, content_type, size_bytes, status, check_attempts,
					  subject_type, subject_id, unit_id, created_at, updated_at)
					VALUES (?, ?, 'image/jpeg', 100, ?, 0, 'CIVIC_REPORT', ?, ?, ?, ?)""", this.reporter.userId(),
					UUID.randomUUID().toString().replace("-", ""), (i % 2 == 0) ? "PENDING" : "REJECTED",
					reports.get(i % reports.size()), this.tree.station(), now, now);
		}
	}

	private long report(String category, String description) {
		return Long.parseLong(this.api.as(this.reporter)
			.document("mutation($input: SubmitCivicReportInput!) { submitCivicReport(input: $input) { id } }")
			.variable("input", IdempotencyKeys.keyed(input(category, description))).execute().path("submitCivicReport.id")
			.entity(String.class).get());
	}

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

	private GraphQlTester.Response heldQuery(Session as, long unitId) {
		return this.api.as(as).documentName("heldCivicPhotos").variable("orgUnitId", unitId).variable("first", 100)
			.execute();
	}

	private List<Map<String, Object>> held(Session as, long unitId) {
		return heldQuery(as, unitId).path("heldCivicPhotos.edges[*].node")
			.entityList(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
	}

	private GraphQlTester.Response review(Session as, String photoId, boolean approve) {
		return this.api.as(as).documentName("reviewCivicPhoto").variable("photoId", photoId)
			.variable("approve", approve).execute();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> photo(Map<String, Object> row) {
		return (Map<String, Object>) row.get("photo");
	}

	private static Map<String, Object> row(List<Map<String, Object>> rows, String photoId) {
		return rows.stream().filter((r) -> photo(r).get("id").equals(photoId)).findFirst()
			.orElseThrow(() -> new AssertionError("photo " + photoId + " not in " + rows));
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), ZoneId.of("Asia/Shanghai"));
	}

}
