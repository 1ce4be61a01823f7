package cn.wenming.practice.recognition;

import cn.wenming.practice.shared.ErrorCode;

/**
 * Error codes of 礼遇与嘉许. Stable: clients switch on these names, so a code is never renamed once
 * released; the message is for people and may change.
 */
public enum RecognitionError implements ErrorCode {

	RECOGNITION_CENTER_ONLY("礼遇规则、优秀志愿者评选和队伍星级认证由中心管理员在中心一级办理"),
	RECOGNITION_RULE_INVALID("规则须有奖励积分或荣誉称号；星级门槛为 1–5 星，时长门槛为 1–100000 小时"),
	RECOGNITION_RULE_OWN("不能批准或驳回本人新建的礼遇规则，须由本中心另一位管理员审核"),
	RECOGNITION_RULE_NOT_PENDING("该礼遇规则已不是待审核状态（已被批准、驳回或撤回）"),
	RECOGNITION_RULE_NOT_ACTIVE("该礼遇规则未生效，不能停用；待审核的规则可撤回或驳回"),
	HONOUR_ALREADY_REVOKED("该荣誉称号已撤销"),
	OUTSTANDING_ALREADY_DECIDED("该候选人已审核"),
	OUTSTANDING_DECIDER_IS_CANDIDATE("本年度优秀志愿者候选人不能审核候选人，请由其他管理员审核"),
	TEAM_CERTIFIER_IN_TEAM("队长和队员不能为本队伍认证星级，请由其他管理员认证");

	private final String defaultMessage;

	RecognitionError(String defaultMessage) {
		this.defaultMessage = defaultMessage;
	}

	@Override
	public String defaultMessage() {
		return this.defaultMessage;
	}

}
