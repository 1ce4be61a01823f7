package cn.wenming.practice.auth;

import cn.wenming.practice.shared.ErrorCode;

import org.springframework.graphql.execution.ErrorType;

/**
 * Error codes of logging in and refreshing a session. Stable: clients switch on these names, so a code is never renamed once
 * released; the message is for people and may change.
 */
public enum AuthError implements ErrorCode {

	REFRESH_TOKEN_INVALID("登录已失效，请重新登录", ErrorType.UNAUTHORIZED),
	REFRESH_TOKEN_REUSED("登录凭证被重复使用，已退出所有相关登录", ErrorType.UNAUTHORIZED);

	private final String defaultMessage;

	private final ErrorType errorType;

	AuthError(String defaultMessage, ErrorType errorType) {
		this.defaultMessage = defaultMessage;
		this.errorType = errorType;
	}

	@Override
	public String defaultMessage() {
		return this.defaultMessage;
	}

	@Override
	public ErrorType errorType() {
		return this.errorType;
	}

}
