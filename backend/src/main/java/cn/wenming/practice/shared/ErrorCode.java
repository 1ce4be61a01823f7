package cn.wenming.practice.shared;

/**
 * Every stable error code the API can return in {@code extensions.code}. Clients switch on these
 * strings, so a code is never renamed once released; the message is for people and may change.
 */
public enum ErrorCode {

	BAD_REQUEST("请求参数不正确"),
	UNAUTHENTICATED("请先登录"),
	FORBIDDEN("没有权限执行此操作"),
	NOT_FOUND("对象不存在"),
	CONFLICT("数据已被修改，请刷新后重试"),
	QUERY_TOO_COMPLEX("查询过深或过于复杂"),
	INTERNAL_ERROR("服务器内部错误"),
	UPSTREAM_UNAVAILABLE("微信服务暂不可用，请稍后重试"),

	WECHAT_CODE_INVALID("微信登录凭证无效或已过期"),
	WECHAT_RATE_LIMITED("微信接口调用过于频繁，请稍后重试"),
	REFRESH_TOKEN_INVALID("登录已失效，请重新登录"),
	REFRESH_TOKEN_REUSED("登录凭证被重复使用，已退出所有相关登录"),

	ORG_UNIT_INVALID_PARENT("上级单位层级不正确"),
	ORG_UNIT_HAS_OPEN_WORK("该单位仍有未完结的工作，不能关闭"),
	ORG_UNIT_CLOSED("该单位已关闭"),
	CIVILIZED_UNIT_ALREADY_PAIRED("该文明单位已与此站结对"),
	CIVILIZED_UNIT_NOT_PAIRED("该文明单位未与活动所在的站结对"),

	ID_NUMBER_INVALID("身份证号码不正确"),
	VOLUNTEER_ALREADY_REGISTERED("已注册为志愿者"),
	ID_NUMBER_ALREADY_REGISTERED("该身份证号码已注册"),
	VOLUNTEER_REQUIRED("请先注册为志愿者"),

	TEAM_ALREADY_MEMBER("已是队伍成员"),
	TEAM_JOIN_REQUEST_PENDING("已有待审核的入队申请"),
	TEAM_JOIN_REQUEST_CLOSED("入队申请已处理"),
	TEAM_LEADER_CANNOT_LEAVE("队长不能退出队伍，请先移交队长"),
	TEAM_DISBANDED("队伍已解散"),
	TEAM_NAME_TAKEN("本单位已有同名队伍"),
	TEAM_NOT_MEMBER("不是该队伍成员"),

	NEED_CATEGORY_UNKNOWN("需求类别不存在或已停用"),
	NEED_CATEGORY_NAME_TAKEN("已有同名需求类别"),
	NEED_INVALID_STATE("需求当前状态不允许此操作"),
	NEED_ALREADY_TAKEN("该需求已被认领或派单"),
	NEED_NO_STATION_NEARBY("附近没有开放的新时代文明实践站，请选择站点"),
	NEED_ASSIGNEE_NOT_ELIGIBLE("接单方须为已培训的志愿者或在册队伍"),
	FULFILMENT_MONTH_NOT_ENDED("该月尚未结束，不能公示落实清单"),
	FULFILMENT_LIST_ALREADY_PUBLISHED("该单位该月的落实清单已公示，不能重复公示"),
	CONTENT_REJECTED("内容含有违规信息，请修改后重新提交"),
	PHOTO_TOO_LARGE("照片过大，请压缩后重新上传"),
	PHOTO_TYPE_INVALID("只能上传 JPEG 或 PNG 照片"),
	PHOTO_NOT_ATTACHABLE("照片不存在、不是本人上传或已被使用"),

	PROJECT_ARCHIVED("该项目已归档"),
	PROJECT_NOT_APPLICABLE("服务项目不存在、已归档，或不属于该站点及其上级单位"),
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
	ACTIVITY_ALREADY_RATED("已评价过该活动"),
	SERVICE_RECORD_EMPTY("该年度没有可开具证明的服务记录"),

	POINTS_INSUFFICIENT("积分不足"),
	POINTS_ENTRY_ALREADY_REVERSED("该积分记录已冲正"),
	POINTS_ENTRY_NOT_REVERSIBLE("该积分记录不能冲正"),

	MP_NOT_CONFIGURED("未配置微信公众号"),

	OUT_OF_STOCK("库存不足"),
	LIMIT_EXCEEDED("超过每人限兑数量"),
	REWARD_UNAVAILABLE("该礼品暂不可兑换"),
	PICKUP_CODE_INVALID("核销码无效或已过期"),
	PICKUP_CODE_USED("核销码已使用"),
	IDEMPOTENCY_KEY_REUSED("幂等键已用于另一请求");

	private final String defaultMessage;

	ErrorCode(String defaultMessage) {
		this.defaultMessage = defaultMessage;
	}

	public String defaultMessage() {
		return this.defaultMessage;
	}

}
