package cn.wenming.practice.points;

import java.util.List;
import java.util.Map;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.MutableClock;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reasons of corrections are shown to the volunteer in their ledger or service record, so they
 * pass msgSecCheck before anything changes: points adjustments and reversals, activity hours
 * adjusted or revoked, need hours adjusted (revocation: {@link NeedHoursRevocationTest}). Review →
 * CONTENT_NEEDS_REVIEW, risky → CONTENT_REJECTED; the same correction with a clean reason lands.
 */
@IntegrationTest
class CorrectionReasonSecurityTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	MutableClock clock;

	@Scenario
	PointsScenario s;

	@Test
	void pointsAdjustmentAndReversalReasonsAreChecked() {
		Session volunteer = this.s.volunteer("adjusted");
		ApiErrors.expectCode(this.s.adjust(this.s.admin, volunteer.userId(), 30, "REVIEW 奖励"), "CONTENT_NEEDS_REVIEW");
		ApiErrors.expectCode(this.s.adjust(this.s.admin, volunteer.userId(), 30, "RISKY 奖励"), "CONTENT_REJECTED");
		assertThat(this.s.entryCount(volunteer.userId(), "ADJUSTMENT")).isZero();
		String entryId = this.s.adjust(this.s.admin, volunteer.userId(), 30, "优秀志愿者奖励").path("adjustPoints.id")
			.entity(String.class).get();

		ApiErrors.expectCode(this.s.reverse(this.s.admin, entryId, "REVIEW 冲正"), "CONTENT_NEEDS_REVIEW");
		assertThat(this.s.entryCount(volunteer.userId(), "REVERSAL")).isZero();
		this.s.reverse(this.s.admin, entryId, "重复奖励，冲正").path("reversePointsEntry.delta").entity(Integer.class)
			.isEqualTo(-30);
		assertThat(this.s.assertConsistent(volunteer.userId())).isZero();
	}

	@Test
	void activityHoursAdjustmentAndRevocationReasonsAreChecked() {
		Session volunteer = this.s.volunteer("hours-reason");
		String pending = this.s.serveActivity(volunteer, this.clock, 2, false);
		this.clock.reset();
		ApiErrors.expectCode(this.s.api.as(this.s.admin).documentName("adjustHours").variable("signUpId", pending)
			.variable("hours", 1.5).variable("reason", "REVIEW 更正").execute(), "CONTENT_NEEDS_REVIEW");
		assertThat(this.jdbc.queryForObject("SELECT hours_adjusted_at IS NULL FROM activity_sign_up WHERE id = ?",
				Boolean.class, Long.valueOf(pending))).isTrue();

		String confirmed = this.s.serveActivity(volunteer, this.clock, 1);
		this.clock.reset();
		ApiErrors.expectCode(this.s.api.as(this.s.admin).documentName("revokeHours").variable("signUpId", confirmed)
			.variable("reason", "RISKY 撤销").execute(), "CONTENT_REJECTED");
		assertThat(this.jdbc.queryForObject("SELECT hours_revoked_at IS NULL FROM activity_sign_up WHERE id = ?",
				Boolean.class, Long.valueOf(confirmed))).isTrue();
		assertThat(this.s.balance(volunteer)).isEqualTo(10);
	}

	@Test
	void needHoursAdjustmentReasonIsChecked() {
		Session volunteer = this.s.trainedVolunteer("need-reason");
		String needId = this.s.completeNeed(this.s.api.login(Fixtures.unique("resident")), volunteer, 2.0);
		Map<String, Object> input = Map.of("needId", needId, "participantUserId", Long.toString(volunteer.userId()),
				"hours", 1.0, "reason", "REVIEW 调整");
		ApiErrors.expectCode(this.s.api.as(this.s.admin).documentName("adjustNeedHours").variable("input", input)
			.execute(), "CONTENT_NEEDS_REVIEW");
		List<Map<String, Object>> rows = this.jdbc.queryForList(
				"SELECT hours, claimed_hours FROM need_participant WHERE need_id = ?", Long.valueOf(needId));
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0).get("claimed_hours")).isNull();
	}

}
