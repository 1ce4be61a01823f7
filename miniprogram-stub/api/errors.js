/**
 * Chinese messages for the server's stable error codes (`extensions.code`). The client switches on
 * codes, never on the server's message text; an unknown code falls back to the server's message.
 */
const MESSAGES = {
  BAD_REQUEST: '填写的内容不正确',
  NEED_BENEFICIARIES_INVALID: '受益群众人数超出范围',
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '没有权限执行此操作',
  NOT_FOUND: '内容不存在或已删除',
  CONFLICT: '数据已被修改，请刷新后重试',
  INTERNAL_ERROR: '服务器开小差了，请稍后再试',
  UPSTREAM_UNAVAILABLE: '服务暂不可用，请稍后再试',
  SERVICE_UNAVAILABLE: '服务暂时不可用，请稍后再试',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  NETWORK_ERROR: '网络不可用，请检查网络后重试',
  WECHAT_CODE_INVALID: '微信登录失败，请重试',
  WECHAT_RATE_LIMITED: '操作太频繁，请稍后再试',
  REFRESH_TOKEN_INVALID: '登录已失效，请重新登录',
  REFRESH_TOKEN_REUSED: '登录已失效，请重新登录',
  VOLUNTEER_REQUIRED: '请先注册成为志愿者',
  ID_NUMBER_INVALID: '身份证号码不正确，请核对',
  VOLUNTEER_ALREADY_REGISTERED: '您已注册为志愿者',
  ID_NUMBER_ALREADY_REGISTERED: '该身份证号码已注册',
  NEED_CATEGORY_UNKNOWN: '请选择需求类别',
  NEED_INVALID_STATE: '需求状态已变化，请刷新',
  NEED_ALREADY_TAKEN: '手慢了，该需求已被认领',
  NEED_NO_STATION_NEARBY: '附近没有实践站，请手动选择站点',
  NEED_ASSIGNEE_NOT_ELIGIBLE: '接单方须为已培训的志愿者或在册队伍',
  CONTENT_REJECTED: '内容含有违规信息，请修改后重新提交',
  CONTENT_NEEDS_REVIEW: '内容需人工审核，请修改措辞后重新提交',
  ACTIVITY_INVALID_STATE: '活动状态已变化，请刷新',
  TRAINING_REQUIRED: '该活动要求先参加培训',
  SIGN_UP_CLOSED: '报名已截止',
  ALREADY_SIGNED_UP: '您已报名该活动',
  NOT_SIGNED_UP: '您未报名该活动',
  CHECK_IN_TOKEN_EXPIRED: '签到码已过期，请重新扫码',
  CHECK_IN_TOKEN_INVALID: '签到码无效',
  OUT_OF_GEOFENCE: '您不在活动地点附近',
  OUTSIDE_CHECK_IN_WINDOW: '现在不在签到时间内',
  ALREADY_CHECKED_IN: '您已签到',
  NOT_CHECKED_IN: '请先签到',
  ALREADY_CHECKED_OUT: '您已签退',
  POINTS_INSUFFICIENT: '积分不足',
  OUT_OF_STOCK: '库存不足',
  LIMIT_EXCEEDED: '超过每人限兑数量',
  REWARD_UNAVAILABLE: '该商品暂不可兑换',
  PICKUP_CODE_INVALID: '核销码无效',
  PICKUP_CODE_USED: '核销码已使用',
  IDEMPOTENCY_KEY_REUSED: '请勿重复提交',
  PHOTO_TOO_LARGE: '图片不能超过 5 MB',
  PHOTO_TYPE_INVALID: '只能上传 JPG 或 PNG 图片',
  NEED_CONFLICT_OF_INTEREST: '提交需求的人不能接单、参与或评价该需求',
  NEED_PARTICIPANT_NOT_ELIGIBLE: '参与者须为本站点已培训的志愿者',
  NEED_TOO_MANY_PARTICIPANTS: '参与者人数超过上限',
  NEED_HOURS_EXCEED_ELAPSED: '时长超过了实际服务时间',
  NEED_HOURS_ALREADY_CONFIRMED: '该时长已确认，不能再调整',
  HONOR_HOURS_NOT_PENDING: '该补录已审批或已撤销，请刷新',
  HONOR_HOURS_ALREADY_REVOKED: '该补录已撤销',
  NEED_ALREADY_RATED: '该需求已评价或已回访',
  NEED_REVISIT_NOT_ASSISTED: '群众线上点单的需求由群众本人评价',
  NEED_REVISIT_CONFLICT: '参与服务的人不能回访，请由另一位管理员回访',
  NEED_REVISIT_WINDOW_CLOSED: '已超过回访期限',
  TEAM_ALREADY_MEMBER: '您已是该队伍成员',
  TEAM_JOIN_REQUEST_PENDING: '您已提交过申请，请等待队长审核',
  TEAM_JOIN_REQUEST_CLOSED: '该申请已处理，请刷新',
  TEAM_LEADER_CANNOT_LEAVE: '队长不能退出队伍，请先移交队长',
  TEAM_DISBANDED: '队伍已解散',
  PROJECT_TASK_CANCELLED: '任务已取消，不能标记完成',
  PROJECT_TASK_NOT_OPEN: '任务已完成或已取消，请刷新',
  TEAM_NOT_MEMBER: '不是该队伍成员',
  ACTIVITY_ALREADY_RATED: '您已评价过该活动',
  SERVICE_RECORD_EMPTY: '该年度还没有已确认的服务时长，暂不能开具证明',
  CIVIC_VOLUNTEER_REQUIRED: '随手拍须先注册为志愿者',
  CIVIC_NO_STATION_NEARBY: '附近没有可受理的实践站',
  CIVIC_REPORT_STATE_CHANGED: '随手拍状态已变化，请刷新',
}

/** The message to show for an error: ours for known codes, else the server's, else a generic one. */
function messageFor(code, serverMessage) {
  return MESSAGES[code] || serverMessage || MESSAGES.INTERNAL_ERROR
}

/** An API failure with the server's stable code and, for bad input, the offending field. */
class ApiError extends Error {
  constructor(code, message, field) {
    super(message)
    this.name = 'ApiError'
    this.code = code
    this.field = field
  }
}

module.exports = { MESSAGES, messageFor, ApiError }
