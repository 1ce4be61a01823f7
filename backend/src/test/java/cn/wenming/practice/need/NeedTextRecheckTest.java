package cn.wenming.practice.need;

import java.util.Map;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Scenario;
import cn.wenming.practice.testinfra.WechatStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Texts held UNCHECKED because WeChat was down are sent again by the deadline job's re-check
 * (called directly): pass clears the hold (the need then waits for the station's review as usual,
 * a note is shown), risky rejects the need or removes the note/comment, review leaves it to the
 * station; while WeChat is still down nothing changes but the attempt count, which is bounded.
 */
@IntegrationTest
class NeedTextRecheckTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	NeedTextRecheck recheck;

	@Autowired
	NeedProperties properties;

	@Scenario
	NeedScenario s;

	String residentOpenid;

	String volunteerOpenid;

	@BeforeEach
	void setUp() {
		this.residentOpenid = openid(this.s.resident.userId());
		this.volunteerOpenid = openid(this.s.volunteer.userId());
	}

	@AfterEach
	void wechatBack() {
		WechatStub.shared().restoreMediaChecksFor(this.residentOpenid);
		WechatStub.shared().restoreMediaChecksFor(this.volunteerOpenid);
	}

	@Test
	void heldUncheckedNeedTextsGetWechatsVerdictOnceItIsBack() {
		WechatStub.shared().failMediaChecksFor(this.residentOpenid);
		String plain = this.s.submitted(Fixtures.unique("普通需求"));
		String risky = submit("想买 RISKY 物品");
		String review = submit("这段 REVIEW 文字");
		for (String id : new String[] { plain, risky, review }) {
			assertThat(column(id, "content_hold")).isEqualTo("UNCHECKED");
		}

		this.recheck.run();
		assertThat(column(plain, "content_hold")).isEqualTo("UNCHECKED");
		assertThat(column(plain, "recheck_attempts")).isEqualTo("1");

		WechatStub.shared().restoreMediaChecksFor(this.residentOpenid);
		this.recheck.run();
		// Pass: no hold, still waiting for the station's review like any clean submission.
		assertThat(column(plain, "content_hold")).isNull();
		assertThat(column(plain, "status")).isEqualTo("SUBMITTED");
		this.s.byNeed(this.s.admin, "publishNeed", plain).path("publishNeed.status").entity(String.class)
			.isEqualTo("PUBLISHED");
		// Risky: rejected by the system, with a history row.
		assertThat(column(risky, "status")).isEqualTo("REJECTED");
		assertThat(this.s.count("SELECT COUNT(*) FROM need_history WHERE need_id = ? AND to_status = 'REJECTED'"
				+ " AND actor_user_id IS NULL", Long.parseLong(risky))).isOne();
		// Review: held for the station.
		assertThat(column(review, "content_hold")).isEqualTo("REVIEW");
		assertThat(column(review, "status")).isEqualTo("SUBMITTED");
		// Decided texts are not sent again.
		this.recheck.run();
		assertThat(column(review, "content_hold")).isEqualTo("REVIEW");
	}

	@Test
	void heldUncheckedNoteAndCommentAreShownOrRemoved() {
		String id = this.s.published(Fixtures.unique("完成后复检"));
		this.s.claim(this.s.volunteer, id, null);
		this.s.byNeed(this.s.volunteer, "startNeed", id);
		WechatStub.shared().failMediaChecksFor(this.volunteerOpenid);
		WechatStub.shared().failMediaChecksFor(this.residentOpenid);
		this.s.complete(this.s.volunteer, id, Map.of(this.s.volunteer.userId(), 1.0)).path("completeNeed.status")
			.entity(String.class).isEqualTo("COMPLETED");
		this.s.api.as(this.s.resident).documentName("rateNeed")
			.variable("input", Map.of("needId", id, "stars", 2, "comment", "服务 RISKY 内容"))
			.execute()
			.path("rateNeed.status").entity(String.class).isEqualTo("RATED");
		assertThat(column(id, "completion_note_hold")).isEqualTo("UNCHECKED");
		assertThat(column(id, "rating_comment_hold")).isEqualTo("UNCHECKED");
		// A stranger sees neither while held.
		var stranger = this.s.api.login(Fixtures.unique("stranger"));
		this.s.need(stranger, id).path("need.completionNote").valueIsNull().path("need.ratingComment").valueIsNull();

		WechatStub.shared().restoreMediaChecksFor(this.volunteerOpenid);
		WechatStub.shared().restoreMediaChecksFor(this.residentOpenid);
		this.recheck.run();

		assertThat(column(id, "completion_note_hold")).isNull();
		this.s.need(stranger, id).path("need.completionNote").entity(String.class).isEqualTo("已更换灯泡并检查线路");
		assertThat(column(id, "rating_comment_hold")).isNull();
		assertThat(column(id, "rating_comment")).isNull();
		this.s.need(this.s.resident, id).path("need.ratingComment").valueIsNull();
	}

	@Test
	void attemptsAreBounded() {
		WechatStub.shared().failMediaChecksFor(this.residentOpenid);
		String id = this.s.submitted(Fixtures.unique("一直不可用"));
		for (int i = 0; i < this.properties.recheckMaxAttempts() + 2; i++) {
			this.recheck.run();
		}
		assertThat(column(id, "recheck_attempts")).isEqualTo(Integer.toString(this.properties.recheckMaxAttempts()));
		WechatStub.shared().restoreMediaChecksFor(this.residentOpenid);
		this.recheck.run();
		// Given up: left to the station's human review (publishNeed clears the hold).
		assertThat(column(id, "content_hold")).isEqualTo("UNCHECKED");
	}

	private String submit(String description) {
		Map<String, Object> input = this.s.input(Fixtures.unique("复检"));
		input.put("description", description);
		return this.s.submit(this.s.resident, input).path("submitNeed.id").entity(String.class).get();
	}

	private String column(String needId, String column) {
		return this.jdbc.queryForObject("SELECT " + column + " FROM need WHERE id = ?", String.class,
				Long.parseLong(needId));
	}

	private String openid(long userId) {
		return this.jdbc.queryForObject("SELECT openid FROM app_user WHERE id = ?", String.class, userId);
	}

}
