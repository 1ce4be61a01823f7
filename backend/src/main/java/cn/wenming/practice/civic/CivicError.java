package cn.wenming.practice.civic;

import cn.wenming.practice.shared.ErrorCode;

/**
 * Error codes of 随手拍. Stable: clients switch on these names, so a code is never renamed once
 * released; the message is for people and may change.
 */
public enum CivicError implements ErrorCode {

	CIVIC_VOLUNTEER_REQUIRED("随手拍须先注册为志愿者"),
	CIVIC_NO_STATION_NEARBY("附近没有可受理的新时代文明实践站"),
	CIVIC_REPORT_STATE_CHANGED("随手拍状态已变化（可能已被其他管理员处理），请刷新后重试"),
	CIVIC_OWN_REPORT("不能处理或核验自己上报的随手拍"),
	CIVIC_VERIFIER_MUST_DIFFER("核验须由办结人以外的管理员进行"),
	CIVIC_ROUTE_TARGET_INVALID("请指定一支所辖范围内的在册队伍，或填写责任部门名称和联系方式（二选一）"),
	CIVIC_DEADLINE_INVALID("办理期限须为今天或以后的日期（yyyy-MM-dd）");

	private final String defaultMessage;

	CivicError(String defaultMessage) {
		this.defaultMessage = defaultMessage;
	}

	@Override
	public String defaultMessage() {
		return this.defaultMessage;
	}

}
