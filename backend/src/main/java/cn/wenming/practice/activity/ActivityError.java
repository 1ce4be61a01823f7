package cn.wenming.practice.activity;

import cn.wenming.practice.shared.ErrorCode;

/**
 * Error codes of activities: sign-up, check-in by code, hours, ratings and service records. Stable: clients switch on these names, so a code is never renamed once
 * released; the message is for people and may change.
 */
public enum ActivityError implements ErrorCode {

	ACTIVITY_INVALID_STATE("活动当前状态不允许此操作"),
	TRAINING_REQUIRED("该活动要求先参加培训"),
	SIGN_UP_CLOSED("报名已截止或尚未开放"),
	ALREADY_SIGNED_UP("已报名该活动"),
	NOT_SIGNED_UP("未报名该活动或报名未确认"),
	CHECK_IN_TOKEN_EXPIRED("签到码已过期，请重新扫码"),
	CHECK_IN_TOKEN_INVALID("签到码无效"),
	OUT_OF_GEOFENCE("不在活动地点范围内"),
	OUTSIDE_CHECK_IN_WINDOW("不在签到时间内"),
	ALREADY_CHECKED_IN("已签到"),
	NOT_CHECKED_IN("尚未签到"),
	ALREADY_CHECKED_OUT("已签退"),
	CHECK_OUT_MISSING("尚未签退，不能确认时长"),
	HOURS_NOT_CONFIRMED("该报名的时长尚未确认"),
	HOURS_ALREADY_REVOKED("该报名的时长已撤销"),
	HOURS_ALREADY_CONFIRMED("该报名的时长已确认，不能再调整"),
	ACTIVITY_CAPACITY_BELOW_CONFIRMED("名额不能少于已确认的报名人数"),
	ACTIVITY_TOO_LONG("活动时长超过上限，多日活动请按天分别创建"),
	ACTIVITY_START_IN_PAST("活动开始时间必须晚于当前时间"),
	SIGN_UP_DEADLINE_AFTER_START("报名截止时间不能晚于活动开始时间"),
	ACTIVITY_ALREADY_RATED("已评价过该活动"),
	SERVICE_RECORD_EMPTY("该年度没有可开具证明的服务记录"),
	ACTIVITY_BENEFICIARIES_INVALID("受益群众人数超出范围");

	private final String defaultMessage;

	ActivityError(String defaultMessage) {
		this.defaultMessage = defaultMessage;
	}

	@Override
	public String defaultMessage() {
		return this.defaultMessage;
	}

}
