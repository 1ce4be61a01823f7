package cn.wenming.practice.mp;

import cn.wenming.practice.shared.ErrorCode;

/**
 * Error codes of the official account (公众号). Stable: clients switch on these names, so a code is never renamed once
 * released; the message is for people and may change.
 */
public enum MpError implements ErrorCode {

	MP_NOT_CONFIGURED("未配置微信公众号");

	private final String defaultMessage;

	MpError(String defaultMessage) {
		this.defaultMessage = defaultMessage;
	}

	@Override
	public String defaultMessage() {
		return this.defaultMessage;
	}

}
