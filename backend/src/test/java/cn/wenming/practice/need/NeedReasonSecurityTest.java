package cn.wenming.practice.need;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decline, cancel and reject reasons and the publish note are read by the other side in the timeline. They have no
 * hold, so they pass msgSecCheck before the need moves: risky → CONTENT_REJECTED, review →
 * CONTENT_NEEDS_REVIEW, WeChat down → UPSTREAM_UNAVAILABLE; the need stays where it was.
 */
@IntegrationTest
class NeedReasonSecurityTest {

	@Scenario
	NeedScenario s;

	@Test
	void aRiskyDeclineReasonLeavesTheNeedDispatched() {
		String id = this.s.published(Fixtures.unique("修水管"));
		this.s.dispatch(this.s.admin, id, this.s.teamId, null).path("dispatchNeed.status").entity(String.class)
			.isEqualTo("DISPATCHED");
		ApiErrors.expectCode(this.s.withReason(this.s.leader, "declineNeed", id, "RISKY 理由"), "CONTENT_REJECTED");
		ApiErrors.expectCode(this.s.withReason(this.s.leader, "declineNeed", id, "REVIEW 理由"), "CONTENT_NEEDS_REVIEW");
		ApiErrors.expectCode(this.s.withReason(this.s.leader, "declineNeed", id, "DOWN 理由"), "UPSTREAM_UNAVAILABLE");
		assertThat(status(id)).isEqualTo("DISPATCHED");
		assertThat(notes(id)).isZero();
		this.s.withReason(this.s.leader, "declineNeed", id, "本周队员都在防汛").path("declineNeed.status")
			.entity(String.class).isEqualTo("PUBLISHED");
	}

	@Test
	void aRiskyCancelReasonCancelsNothing() {
		String id = this.s.published(Fixtures.unique("送药"));
		ApiErrors.expectCode(this.s.withReason(this.s.resident, "cancelNeed", id, "RISKY 不要了"), "CONTENT_REJECTED");
		assertThat(status(id)).isEqualTo("PUBLISHED");
		assertThat(notes(id)).isZero();
		this.s.withReason(this.s.resident, "cancelNeed", id, "已自行解决").path("cancelNeed.status")
			.entity(String.class).isEqualTo("CANCELLED");
	}

	@Test
	void aRiskyRejectReasonRejectsNothing() {
		String id = this.s.submitted(Fixtures.unique("陪诊"));
		ApiErrors.expectCode(this.s.withReason(this.s.admin, "rejectNeed", id, "RISKY 原因"), "CONTENT_REJECTED");
		assertThat(status(id)).isEqualTo("SUBMITTED");
		this.s.withReason(this.s.admin, "rejectNeed", id, "不属于服务范围").path("rejectNeed.status")
			.entity(String.class).isEqualTo("REJECTED");
	}

	@Test
	void aRiskyPublishNoteLeavesTheNeedSubmitted() {
		String id = this.s.submitted(Fixtures.unique("理发"));
		ApiErrors.expectCode(this.s.api.as(this.s.admin).documentName("publishNeed").variable("needId", id)
			.variable("note", "RISKY 备注").execute(), "CONTENT_REJECTED");
		assertThat(status(id)).isEqualTo("SUBMITTED");
		this.s.api.as(this.s.admin).documentName("publishNeed").variable("needId", id).variable("note", "已核实")
			.execute().path("publishNeed.status").entity(String.class).isEqualTo("PUBLISHED");
	}

	private String status(String id) {
		return this.s.jdbc.queryForObject("SELECT status FROM need WHERE id = ?", String.class, Long.parseLong(id));
	}

	private int notes(String id) {
		return this.s.count("SELECT COUNT(*) FROM need_history WHERE need_id = ? AND (note LIKE '%RISKY%' "
				+ "OR note LIKE '%REVIEW%' OR note LIKE '%DOWN%')", Long.parseLong(id));
	}

}
