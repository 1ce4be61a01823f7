package cn.wenming.practice.need;

import java.util.List;
import java.util.Map;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * User text goes through WeChat msgSecCheck v2 (the HTTP stub decides by the text: RISKY, REVIEW,
 * DOWN = 503, QUOTA = 45009, SLOW = past the read timeout) before anyone else sees it: risky is
 * refused with nothing stored; review and every failure hold the text, visible only to its author
 * and the admins, until an admin reviews it.
 */
@IntegrationTest
class NeedContentSecurityTest {

	@Autowired
	JdbcTemplate jdbc;

	@Scenario
	NeedScenario s;

	Session stranger;

	@BeforeEach
	void setUp() {
		this.stranger = this.s.api.login(Fixtures.unique("stranger"));
	}

	@Test
	void riskyNeedIsRefusedAndNothingIsStored() {
		String title = Fixtures.unique("求助");
		Map<String, Object> input = this.s.input(title);
		input.put("description", "这段描述里有 RISKY 内容");
		ApiErrors.expectCode(this.s.submit(this.s.resident, input), "CONTENT_REJECTED");
		assertThat(this.s.count("SELECT COUNT(*) FROM need WHERE title = ?", title)).isZero();

		// The title is checked too.
		Map<String, Object> riskyTitle = this.s.input("RISKY" + title);
		ApiErrors.expectCode(this.s.submit(this.s.resident, riskyTitle), "CONTENT_REJECTED");
		assertThat(this.s.count("SELECT COUNT(*) FROM need WHERE title = ?", riskyTitle.get("title"))).isZero();
	}

	@Test
	void needForReviewIsHeldOffTheWishWallUntilTheStationPublishesIt() {
		String id = submittedWith("请 REVIEW 一下这段描述", "REVIEW");
		// The station's review is the human review: publishing clears the hold and shows the wish.
		this.s.byNeed(this.s.admin, "publishNeed", id).path("publishNeed.status").entity(String.class)
			.isEqualTo("PUBLISHED");
		review(this.s.resident, id).path("need.contentHold").valueIsNull();
		assertThat(wishWall()).contains(id);
		review(this.stranger, id).path("need.title").hasValue();
	}

	@Test
	void wechatDownHoldsTheNeedAndTheSubmissionStillSucceeds() {
		submittedWith("DOWN 描述", "UNCHECKED");
	}

	@Test
	void wechatOverQuotaHoldsTheNeed() {
		submittedWith("QUOTA 描述", "UNCHECKED");
	}

	@Test
	void wechatTimeoutHoldsTheNeed() {
		long started = System.nanoTime();
		submittedWith("SLOW 描述", "UNCHECKED");
		assertThat((System.nanoTime() - started) / 1_000_000_000L).as("seconds; the read timeout is 5 s").isLessThan(20);
	}

	@Test
	void completionNoteForReviewIsShownOnlyToItsAuthorAndAdminsUntilApproved() {
		String id = inProgress();
		String note = "已修好，REVIEW 说明";
		complete(id, note).path("completeNeed.status").entity(String.class).isEqualTo("COMPLETED")
			.path("completeNeed.completionNote").entity(String.class).isEqualTo(note)
			.path("completeNeed.completionNoteHold").entity(String.class).isEqualTo("REVIEW");
		review(this.s.admin, id).path("need.completionNote").entity(String.class).isEqualTo(note);
		review(this.s.resident, id).path("need.completionNote").valueIsNull()
			.path("need.completionNoteHold").valueIsNull();
		review(this.stranger, id).path("need.completionNote").valueIsNull();
		// Nor through the timeline, which the resident sees.
		assertThat(review(this.s.resident, id).path("need.timeline[*].note").entityList(String.class).get())
			.noneMatch(text -> text != null && text.contains("REVIEW"));

		ApiErrors.expectCode(this.s.api.as(this.s.resident).documentName("reviewNeedText").variable("needId", id)
			.variable("part", "COMPLETION_NOTE").variable("approve", true).execute(), "FORBIDDEN");
		this.s.api.as(this.s.admin).documentName("reviewNeedText").variable("needId", id)
			.variable("part", "COMPLETION_NOTE").variable("approve", true).execute()
			.path("reviewNeedText.completionNoteHold").valueIsNull();
		review(this.s.resident, id).path("need.completionNote").entity(String.class).isEqualTo(note);
		review(this.stranger, id).path("need.completionNote").entity(String.class).isEqualTo(note);
	}

	@Test
	void riskyCompletionNoteCompletesNothing() {
		String id = inProgress();
		ApiErrors.expectCode(complete(id, "RISKY 说明"), "CONTENT_REJECTED");
		assertThat(status(id)).isEqualTo("IN_PROGRESS");
		assertThat(this.s.count("SELECT COUNT(*) FROM need_participant WHERE need_id = ?", Long.parseLong(id))).isZero();
		assertThat(this.s.count("SELECT COUNT(*) FROM need WHERE id = ? AND completion_note IS NULL",
				Long.parseLong(id))).isOne();
	}

	@Test
	void ratingCommentIsCheckedRiskyRefusedUncheckedHeldFromTheAssignee() {
		String id = inProgress();
		complete(id, "已修好").path("completeNeed.completionNoteHold").valueIsNull();

		ApiErrors.expectCode(rate(id, "RISKY 评价"), "CONTENT_REJECTED");
		assertThat(status(id)).isEqualTo("COMPLETED");
		assertThat(this.s.count("SELECT COUNT(*) FROM need WHERE id = ? AND rating_stars IS NULL AND rating_comment IS NULL",
				Long.parseLong(id))).isOne();

		String comment = "QUOTA 时的评价";
		rate(id, comment).path("rateNeed.status").entity(String.class).isEqualTo("RATED")
			.path("rateNeed.ratingComment").entity(String.class).isEqualTo(comment)
			.path("rateNeed.ratingCommentHold").entity(String.class).isEqualTo("UNCHECKED");
		review(this.s.admin, id).path("need.ratingComment").entity(String.class).isEqualTo(comment);
		review(this.s.volunteer, id).path("need.ratingComment").valueIsNull()
			.path("need.ratingStars").entity(Integer.class).isEqualTo(5);
		review(this.stranger, id).path("need.ratingComment").valueIsNull();
		assertThat(review(this.s.volunteer, id).path("need.timeline[*].note").entityList(String.class).get())
			.noneMatch(text -> text != null && text.contains("QUOTA"));

		// Refused by the admin: the comment is removed, the stars stay.
		this.s.api.as(this.s.admin).documentName("reviewNeedText").variable("needId", id)
			.variable("part", "RATING_COMMENT").variable("approve", false).execute()
			.path("reviewNeedText.ratingComment").valueIsNull();
		review(this.s.resident, id).path("need.ratingComment").valueIsNull()
			.path("need.ratingStars").entity(Integer.class).isEqualTo(5);
		ApiErrors.expectCode(this.s.api.as(this.s.admin).documentName("reviewNeedText").variable("needId", id)
			.variable("part", "RATING_COMMENT").variable("approve", true).execute(), "NEED_INVALID_STATE");
	}

	/** Submits a need whose description is {@code description}, expects it held as {@code hold} and hidden. */
	private String submittedWith(String description, String hold) {
		String title = Fixtures.unique("求助");
		Map<String, Object> input = this.s.input(title);
		input.put("description", description);
		String id = this.s.submit(this.s.resident, input).path("submitNeed.status").entity(String.class)
			.isEqualTo("SUBMITTED").path("submitNeed.id").entity(String.class).get();
		assertThat(this.s.count("SELECT COUNT(*) FROM need WHERE id = ? AND content_hold = ? AND description = ?",
				Long.parseLong(id), hold, description)).isOne();
		review(this.s.resident, id).path("need.contentHold").entity(String.class).isEqualTo(hold);
		review(this.s.admin, id).path("need.contentHold").entity(String.class).isEqualTo(hold);
		review(this.stranger, id).path("need").valueIsNull();
		review(this.s.volunteer, id).path("need").valueIsNull();
		assertThat(wishWall()).doesNotContain(id);
		this.s.api.anonymous().documentName("wishWall").variable("orgUnitId", Long.toString(this.s.tree.station()))
			.execute().path("wishWall.edges[*].node.description").entityList(String.class).doesNotContain(description);
		return id;
	}

	private List<String> wishWall() {
		return this.s.api.anonymous().documentName("wishWall").variable("orgUnitId", Long.toString(this.s.tree.station()))
			.variable("first", 100).execute().path("wishWall.edges[*].node.id").entityList(String.class).get();
	}

	private String inProgress() {
		String id = this.s.published(Fixtures.unique("修灯"));
		this.s.claim(this.s.volunteer, id, null).path("claimNeed.status").entity(String.class).isEqualTo("CLAIMED");
		this.s.byNeed(this.s.volunteer, "startNeed", id).path("startNeed.status").entity(String.class)
			.isEqualTo("IN_PROGRESS");
		return id;
	}

	private GraphQlTester.Response complete(String id, String note) {
		List<Map<String, Object>> participants = List
			.of(Map.of("userId", Long.toString(this.s.volunteer.userId()), "hours", 1.0));
		return this.s.api.as(this.s.volunteer).documentName("completeNeed")
			.variable("input", Map.of("needId", id, "note", note, "participants", participants))
			.execute();
	}

	private GraphQlTester.Response rate(String id, String comment) {
		return this.s.api.as(this.s.resident).documentName("rateNeed")
			.variable("input", Map.of("needId", id, "stars", 5, "comment", comment))
			.execute();
	}

	private GraphQlTester.Response review(Session as, String id) {
		return this.s.api.as(as).documentName("needReview").variable("id", id).execute();
	}

	private String status(String id) {
		return this.jdbc.queryForObject("SELECT status FROM need WHERE id = ?", String.class, Long.parseLong(id));
	}

}
