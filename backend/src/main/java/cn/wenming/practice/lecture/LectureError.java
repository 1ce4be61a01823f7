package cn.wenming.practice.lecture;

import cn.wenming.practice.shared.ErrorCode;

/**
 * Error codes of 理论宣讲. Stable: clients switch on these names, so a code is never renamed once
 * released; the message is for people and may change.
 */
public enum LectureError implements ErrorCode {

	LECTURER_NOT_IN_UNIT("该志愿者不属于该单位及其下属站点，不能在此登记为宣讲员"),
	LECTURER_NOT_REGISTERED("所选宣讲员未登记"),
	LECTURE_GROUP_NAME_TAKEN("本单位已有同名宣讲团"),
	LECTURE_SPEAKER_REQUIRED("请至少选择一位宣讲员或一个宣讲团"),
	LECTURE_ACTIVITY_MISMATCH("关联的活动须为举办单位组织的已结束活动，且日期与宣讲日期一致"),
	LECTURE_ACTIVITY_ALREADY_RECORDED("该活动已记录过宣讲");

	private final String defaultMessage;

	LectureError(String defaultMessage) {
		this.defaultMessage = defaultMessage;
	}

	@Override
	public String defaultMessage() {
		return this.defaultMessage;
	}

}
