package cn.wenming.practice.auth;

import cn.wenming.practice.shared.ErrorCode;

import cn.wenming.practice.shared.Classification;
import graphql.ErrorClassification;

import org.springframework.graphql.execution.ErrorType;

/**
 * Error codes of logging in (the mini-program's and the staff console's QR login) and refreshing a session. Stable: clients switch on these names, so a code is never renamed once
 * released; the message is for people and may change.
 */
public enum AuthError implements ErrorCode {

	REFRESH_TOKEN_INVALID("登录已失效，请重新登录", Classification.UNAUTHENTICATED),
	REFRESH_TOKEN_REUSED("登录凭证被重复使用，已退出所有相关登录", Classification.UNAUTHENTICATED),
	CONSOLE_LOGIN_TICKET_INVALID("登录二维码无效，请在管理后台刷新二维码", ErrorType.BAD_REQUEST),
	CONSOLE_LOGIN_TICKET_EXPIRED("登录二维码已过期，请在管理后台刷新二维码", ErrorType.BAD_REQUEST),
	CONSOLE_LOGIN_TICKET_USED("该登录二维码已使用过，请在管理后台刷新二维码", ErrorType.BAD_REQUEST),
	CONSOLE_LOGIN_ADMIN_REQUIRED("只有管理员可以登录管理后台", ErrorType.FORBIDDEN),
	CONSOLE_LOGIN_RATE_LIMITED("生成登录二维码太频繁，请稍后再试", ErrorType.BAD_REQUEST),
	ROLE_GRANT_OWN("不能授予或撤销自己的管理员角色，请由其他管理员办理", ErrorType.FORBIDDEN);

	private final String defaultMessage;

	private final ErrorClassification errorType;

	AuthError(String defaultMessage, ErrorClassification errorType) {
		this.defaultMessage = defaultMessage;
		this.errorType = errorType;
	}

	@Override
	public String defaultMessage() {
		return this.defaultMessage;
	}

	@Override
	public ErrorClassification errorType() {
		return this.errorType;
	}

}
