package cn.wenming.practice.evaluation;

import cn.wenming.practice.shared.ErrorCode;

/**
 * Error codes of 站互评 and 抽查评估. Stable: clients switch on these names, so a code is never
 * renamed once released; the message is for people and may change.
 */
public enum EvaluationError implements ErrorCode {

	PEER_REVIEW_OWN_STATION("不能给自己的站互评"),
	PEER_REVIEW_OTHER_COUNTY("只能给同一县（中心）内的其他站互评"),
	PEER_REVIEW_ALREADY_SUBMITTED("本期已给该站互评过"),
	PEER_REVIEW_ITEMS_MISMATCH("须为每个启用的评分项各打一次 1–5 分"),
	PEER_REVIEW_ITEM_NAME_TAKEN("已有同名评分项"),
	EVALUATION_NOT_A_STATION("只能评估站"),
	EVALUATION_RECORD_WITHDRAWN("该记录已撤回，不能再更正"),
	EVALUATION_CORRECTION_UNCHANGED("更正后的内容与原记录相同");

	private final String defaultMessage;

	EvaluationError(String defaultMessage) {
		this.defaultMessage = defaultMessage;
	}

	@Override
	public String defaultMessage() {
		return this.defaultMessage;
	}

}
