package cn.wenming.practice.store;

import cn.wenming.practice.shared.ErrorCode;

/**
 * Error codes of the 爱心超市: redemptions and pickup codes. Stable: clients switch on these names, so a code is never renamed once
 * released; the message is for people and may change.
 */
public enum StoreError implements ErrorCode {

	OUT_OF_STOCK("库存不足"),
	LIMIT_EXCEEDED("超过每人限兑数量"),
	REWARD_UNAVAILABLE("该礼品暂不可兑换"),
	PICKUP_CODE_INVALID("核销码无效或已过期"),
	PICKUP_CODE_USED("核销码已使用");

	private final String defaultMessage;

	StoreError(String defaultMessage) {
		this.defaultMessage = defaultMessage;
	}

	@Override
	public String defaultMessage() {
		return this.defaultMessage;
	}

}
