package cn.wenming.practice.report;

import cn.wenming.practice.shared.ErrorCode;

/**
 * Error codes of 工作报告. Stable: clients switch on these names, so a code is never renamed once
 * released; the message is for people and may change.
 */
public enum ReportError implements ErrorCode {

	REPORT_PERIOD_INVALID("报告期格式不正确：周报为 2026-W07，月报为 2026-02"),
	REPORT_PERIOD_NOT_STARTED("报告期尚未开始，不能起草报告"),
	REPORT_UNIT_NOT_REPORTING("服务点不单独报送工作报告"),
	REPORT_ALREADY_PUBLISHED("该报告期的报告已报送；如需修改，请提交更正"),
	REPORT_NOT_DRAFT("报告已报送，不能再修改"),
	REPORT_NOT_PUBLISHED("只能更正已报送的最新报告"),
	REPORT_CORRECTION_PENDING("该报告已有待报送的更正稿"),
	REPORT_TOO_MANY_HIGHLIGHTED("亮点活动最多选择 5 个"),
	REPORT_HIGHLIGHT_NOT_IN_PERIOD("亮点活动须为本单位及下属单位在报告期内开展的活动");

	private final String defaultMessage;

	ReportError(String defaultMessage) {
		this.defaultMessage = defaultMessage;
	}

	@Override
	public String defaultMessage() {
		return this.defaultMessage;
	}

}
