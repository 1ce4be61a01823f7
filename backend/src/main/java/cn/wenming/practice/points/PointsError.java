package cn.wenming.practice.points;

import cn.wenming.practice.shared.ErrorCode;

/**
 * Error codes of the points ledger (积分). Stable: clients switch on these names, so a code is never renamed once
 * released; the message is for people and may change.
 */
public enum PointsError implements ErrorCode {

	POINTS_INSUFFICIENT("积分不足"),
	POINTS_ENTRY_ALREADY_REVERSED("该积分记录已冲正"),
	POINTS_ENTRY_NOT_REVERSIBLE("该积分记录不能冲正");

	private final String defaultMessage;

	PointsError(String defaultMessage) {
		this.defaultMessage = defaultMessage;
	}

	@Override
	public String defaultMessage() {
		return this.defaultMessage;
	}

}
