package cn.wenming.practice.need;

import java.util.List;
import java.util.Map;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.MediaChecks;
import cn.wenming.practice.testinfra.PhotoFiles;
import cn.wenming.practice.testinfra.Scenario;
import cn.wenming.practice.testinfra.WechatStub;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16, the dispatch desk's review queues: held photos of needs (checking, unchecked, risky)
 * listed for the admins covering the station, viewable by them while held, approved or rejected
 * with the reviewer and time kept; held texts listed; and the timeline naming the volunteer a need
 * was dispatched to.
 */
@IntegrationTest
class NeedContentReviewTest {

	@LocalServerPort
	int port;

	@Scenario
	MediaChecks media;

	@Autowired
	JdbcTemplate jdbc;

	@Scenario
	NeedScenario s;

	Session foreignAdmin;

	Fixtures.Tree other;

	@BeforeEach
	void setUp() {
		this.other = this.s.fixtures.tree();
		this.foreignAdmin = this.s.api.login(Fixtures.unique("foreign-admin"));
		this.s.fixtures.grant(this.foreignAdmin.userId(), "STATION_ADMIN", this.other.station());
	}

	@Test
	void heldPhotosAreListedShownToTheirReviewersAndDecidedWithTheReviewerKept() {
		String checking = this.media.upload(this.s.resident);
		String risky = this.media.upload(this.s.resident);
		String passed = this.media.upload(this.s.resident);
		Map<String, Object> input = this.s.input(Fixtures.unique("照片待审"));
		input.put("photoIds", List.of(checking, risky, passed));
		String needId = this.s.submit(this.s.resident, input).path("submitNeed.id").entity(String.class).get();
		this.media.push(WechatStub.mediaCheckJson(this.media.trace(risky), "risky"));
		this.media.push(WechatStub.mediaCheckJson(this.media.trace(passed), "pass"));

		List<Map<String, Object>> held = held(this.s.admin, this.s.tree.station());
		Map<String, Object> checkingRow = row(held, checking);
		Map<String, Object> riskyRow = row(held, risky);
		assertThat(held).noneMatch((r) -> photo(r).get("id").equals(passed));
		assertThat(checkingRow).containsEntry("hold", "CHECKING").containsEntry("part", "NEED")
			.containsEntry("needId", needId).containsEntry("reviewedByUserId", null);
		assertThat(riskyRow).containsEntry("hold", "RISKY");
		// The institute's admin above the station sees the same queue.
		Session instituteAdmin = this.s.api.login(Fixtures.unique("inst-admin"));
		this.s.fixtures.grant(instituteAdmin.userId(), "INSTITUTE_ADMIN", this.s.tree.institute());
		assertThat(held(instituteAdmin, this.s.tree.institute())).anyMatch((r) -> photo(r).get("id").equals(risky));
		// The reviewer can look at a held photo, even one WeChat judged risky; nobody else can.
		String riskyThumb = (String) photo(riskyRow).get("thumbnailUrl");
		assertThat(PhotoFiles.fetch(this.port, riskyThumb).status()).isEqualTo(200);
		assertThat(PhotoFiles.fetch(this.port, (String) photo(checkingRow).get("url")).status()).isEqualTo(200);
		String forged = riskyThumb.replaceAll("&v=\\d+", "&v=" + this.foreignAdmin.userId());
		assertThat(PhotoFiles.fetch(this.port, forged).status()).isEqualTo(404);
		// Another station's admin: not in their queue, refused for ours, cannot decide.
		assertThat(held(this.foreignAdmin, this.other.station())).noneMatch((r) -> r.get("needId").equals(needId));
		ApiErrors.expectCode(heldQuery(this.foreignAdmin, this.s.tree.station()), "FORBIDDEN");
		ApiErrors.expectCode(review(this.foreignAdmin, risky, true), "FORBIDDEN");
		ApiErrors.expectCode(review(this.s.volunteer, risky, true), "FORBIDDEN");
		ApiErrors.expectCode(this.s.api.anonymous().documentName("heldNeedPhotos")
			.variable("orgUnitId", this.s.tree.station()).execute(), "UNAUTHENTICATED");
		ApiErrors.expectCode(this.s.api.anonymous().documentName("reviewNeedPhoto").variable("photoId", risky)
			.variable("approve", true).execute(), "UNAUTHENTICATED");
		assertThat(this.media.status(risky)).isEqualTo("REJECTED");

		// Approved: shown like a passed photo, with who and when on the row.
		review(this.s.admin, risky, true).path("reviewNeedPhoto.hold").valueIsNull()
			.path("reviewNeedPhoto.photo.status").entity(String.class).isEqualTo("PASSED")
			.path("reviewNeedPhoto.reviewedByUserId").entity(String.class).isEqualTo(Long.toString(this.s.admin.userId()))
			.path("reviewNeedPhoto.reviewedAt").hasValue();
		assertThat(this.jdbc.queryForObject("SELECT reviewed_by FROM media_photo WHERE id = ?", Long.class,
				Long.parseLong(risky))).isEqualTo(this.s.admin.userId());
		assertThat(photoIds(this.s.admin, needId)).contains(risky);
		// Decided once: again is PHOTO_NOT_HELD, as is a photo WeChat passed.
		ApiErrors.expectCode(review(this.s.admin, risky, false), "PHOTO_NOT_HELD");
		ApiErrors.expectCode(review(this.s.admin, passed, false), "PHOTO_NOT_HELD");
		ApiErrors.expectCode(review(this.s.admin, "999999999", true), "NOT_FOUND");

		// Rejected while WeChat is still checking: shown to nobody, and WeChat's late "pass" changes nothing.
		String checkingUrl = (String) photo(checkingRow).get("url");
		review(this.s.admin, checking, false).path("reviewNeedPhoto.photo.status").entity(String.class)
			.isEqualTo("REJECTED").path("reviewNeedPhoto.photo.url").valueIsNull();
		this.media.push(WechatStub.mediaCheckJson(this.media.trace(checking), "pass"));
		assertThat(this.media.status(checking)).isEqualTo("REJECTED");
		assertThat(PhotoFiles.fetch(this.port, checkingUrl).status()).isEqualTo(404);
		assertThat(photoIds(this.s.admin, needId)).containsExactlyInAnyOrder(risky, passed);
		assertThat(held(this.s.admin, this.s.tree.station())).noneMatch((r) -> r.get("needId").equals(needId));
	}

	@Test
	void heldTextsAreListedForTheStationsAdminsOnly() {
		String needId = this.s.published(Fixtures.unique("文字待审"));
		this.s.claim(this.s.volunteer, needId, null);
		this.s.byNeed(this.s.volunteer, "startNeed", needId);
		Map<String, Object> input = Map.of("needId", needId, "note", "已完成 REVIEW 说明", "participants",
				List.of(Map.of("userId", Long.toString(this.s.volunteer.userId()), "hours", 1.0)));
		this.s.api.as(this.s.volunteer).documentName("completeNeed").variable("input", input).execute()
			.path("completeNeed.completionNoteHold").entity(String.class).isEqualTo("REVIEW");
		String other = this.s.published(Fixtures.unique("无暂缓"));

		List<String> listed = this.s.api.as(this.s.admin).documentName("heldNeedTexts")
			.variable("orgUnitId", this.s.tree.station()).variable("first", 100).execute()
			.path("heldNeedTexts.edges[*].node.id").entityList(String.class).get();
		assertThat(listed).contains(needId).doesNotContain(other);
		ApiErrors.expectCode(this.s.api.as(this.foreignAdmin).documentName("heldNeedTexts")
			.variable("orgUnitId", this.s.tree.station()).execute(), "FORBIDDEN");
		ApiErrors.expectCode(this.s.api.anonymous().documentName("heldNeedTexts")
			.variable("orgUnitId", this.s.tree.station()).execute(), "UNAUTHENTICATED");

		this.s.api.as(this.s.admin).documentName("reviewNeedText").variable("needId", needId)
			.variable("part", "COMPLETION_NOTE").variable("approve", true).execute()
			.path("reviewNeedText.completionNoteHold").valueIsNull();
		assertThat(this.s.api.as(this.s.admin).documentName("heldNeedTexts")
			.variable("orgUnitId", this.s.tree.station()).variable("first", 100).execute()
			.path("heldNeedTexts.edges[*].node.id").entityList(String.class).get()).doesNotContain(needId);
	}

	@Test
	void theTimelineNamesTheVolunteerANeedWasDispatchedToIncludingOldRows() {
		String needId = this.s.published(Fixtures.unique("派单名称"));
		this.s.dispatch(this.s.admin, needId, null, this.s.volunteer.userId()).path("dispatchNeed.status")
			.entity(String.class).isEqualTo("DISPATCHED");
		// The stored row keeps the id (so old rows and renames read the same way).
		assertThat(this.jdbc.queryForObject(
				"SELECT note FROM need_history WHERE need_id = ? AND to_status = 'DISPATCHED'", String.class,
				Long.parseLong(needId))).isEqualTo("派给志愿者：" + this.s.volunteer.userId());
		List<String> notes = this.s.api.as(this.s.admin).documentName("need").variable("id", needId).execute()
			.path("need.timeline[*].note").entityList(String.class).get();
		// The admin of the volunteer's home station reads the real name (NeedScenario registers 李四).
		assertThat(notes).contains("派给志愿者：李四").noneMatch((n) -> n != null && n.matches(".*：\\d+$"));
	}

	/**
	 * Only the dispatch's own row is read as a dispatch: a note someone typed to look like one (here
	 * the assignee's completion note) is shown as written, never turned into a volunteer's name.
	 */
	@Test
	void aNoteWrittenToLookLikeADispatchIsShownAsWritten() {
		String needId = this.s.published(Fixtures.unique("伪派单备注"));
		this.s.claim(this.s.volunteer, needId, null);
		this.s.byNeed(this.s.volunteer, "startNeed", needId);
		String written = "派给志愿者：" + this.s.volunteer.userId();
		Map<String, Object> input = Map.of("needId", needId, "note", written, "participants",
				List.of(Map.of("userId", Long.toString(this.s.volunteer.userId()), "hours", 1.0)));
		this.s.api.as(this.s.volunteer).documentName("completeNeed").variable("input", input).execute()
			.path("completeNeed.status").entity(String.class).isEqualTo("COMPLETED");
		List<String> notes = this.s.api.as(this.s.admin).documentName("need").variable("id", needId).execute()
			.path("need.timeline[*].note").entityList(String.class).get();
		assertThat(notes).contains(written).doesNotContain("派给志愿者：李四");
	}

	private GraphQlTester.Response heldQuery(Session as, long unitId) {
		return this.s.api.as(as).documentName("heldNeedPhotos").variable("orgUnitId", unitId).variable("first", 100)
			.execute();
	}

	private List<Map<String, Object>> held(Session as, long unitId) {
		return heldQuery(as, unitId).path("heldNeedPhotos.edges[*].node")
			.entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
	}

	private GraphQlTester.Response review(Session as, String photoId,
			boolean approve) {
		return this.s.api.as(as).documentName("reviewNeedPhoto").variable("photoId", photoId)
			.variable("approve", approve).execute();
	}

	private List<String> photoIds(Session as, String needId) {
		return this.s.api.as(as).documentName("needPhotos").variable("id", needId).execute()
			.path("need.photos[*].id").entityList(String.class).get();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> photo(Map<String, Object> row) {
		return (Map<String, Object>) row.get("photo");
	}

	private static Map<String, Object> row(List<Map<String, Object>> rows, String photoId) {
		return rows.stream().filter((r) -> photo(r).get("id").equals(photoId)).findFirst()
			.orElseThrow(() -> new AssertionError("photo " + photoId + " not in " + rows));
	}

}
