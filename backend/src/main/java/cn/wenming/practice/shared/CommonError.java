package cn.wenming.practice.shared;

import graphql.ErrorClassification;

import org.springframework.graphql.execution.ErrorType;

/**
 * Error codes every module may answer: input, authentication, authorization, concurrency, limits and upstream (WeChat) failures. Stable: clients switch on these names, so a code is never renamed once
 * released; the message is for people and may change.
 */
public enum CommonError implements ErrorCode {

	BAD_REQUEST("请求参数不正确", ErrorType.BAD_REQUEST),
	UNAUTHENTICATED("请先登录", Classification.UNAUTHENTICATED),
	FORBIDDEN("没有权限执行此操作", ErrorType.FORBIDDEN),
	NOT_FOUND("对象不存在", ErrorType.NOT_FOUND),
	CONFLICT("数据已被修改，请刷新后重试", ErrorType.BAD_REQUEST),
	QUERY_TOO_COMPLEX("查询过深或过于复杂", ErrorType.BAD_REQUEST),
	INTERNAL_ERROR("服务器内部错误", ErrorType.INTERNAL_ERROR),
	UPSTREAM_UNAVAILABLE("微信服务暂不可用，请稍后重试", ErrorType.INTERNAL_ERROR),
	WECHAT_CODE_INVALID("微信登录凭证无效或已过期", ErrorType.BAD_REQUEST),
	WECHAT_RATE_LIMITED("微信接口调用过于频繁，请稍后重试", ErrorType.BAD_REQUEST),
	CONTENT_REJECTED("内容含有违规信息，请修改后重新提交", ErrorType.BAD_REQUEST),
	CONTENT_NEEDS_REVIEW("内容需人工审核，暂不能发布，请修改措辞后重新提交", ErrorType.BAD_REQUEST),
	IDEMPOTENCY_KEY_REUSED("幂等键已用于另一请求", ErrorType.BAD_REQUEST),
	RATE_LIMITED("请求过于频繁，请稍后重试", ErrorType.BAD_REQUEST),
	SERVICE_UNAVAILABLE("服务暂时不可用，请稍后重试", Classification.SERVICE_UNAVAILABLE);

	private final String defaultMessage;

	private final ErrorClassification errorType;

	CommonError(String defaultMessage, ErrorClassification errorType) {
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
