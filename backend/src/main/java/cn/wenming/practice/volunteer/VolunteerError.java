package cn.wenming.practice.volunteer;

import cn.wenming.practice.shared.ErrorCode;

/**
 * Error codes of volunteer registration (注册登记). Stable: clients switch on these names, so a code is never renamed once
 * released; the message is for people and may change.
 */
public enum VolunteerError implements ErrorCode {

	ID_NUMBER_INVALID("身份证号码不正确"),
	VOLUNTEER_ALREADY_REGISTERED("已注册为志愿者"),
	ID_NUMBER_ALREADY_REGISTERED("该身份证号码已注册"),
	VOLUNTEER_REQUIRED("请先注册为志愿者"),
	HONOR_HOURS_NOT_PENDING("该补录已审批或已撤销，不能再审批"),
	HONOR_HOURS_ALREADY_REVOKED("该补录已撤销"),
	IN_SERVICE_PARTY_UNCHANGED("该志愿者已是所要设置的在职党员状态"),
	STAFF_TRAINING_SELF_ATTENDANCE("不能登记本人参加培训，请由另一位管理员登记"),
	STAFF_TRAINING_ATTENDEE_NOT_STAFF("参加人须为举办单位或其下属单位的工作人员（管理员）或骨干（在册队伍的队长）"),
	STAFF_TRAINING_WITHDRAWN("该培训记录已撤回，不能再更正"),
	STAFF_TRAINING_CORRECTION_UNCHANGED("更正后的内容与原培训记录相同");

	private final String defaultMessage;

	VolunteerError(String defaultMessage) {
		this.defaultMessage = defaultMessage;
	}

	@Override
	public String defaultMessage() {
		return this.defaultMessage;
	}

}
