/**
 * Chinese messages for the server's stable error codes (`extensions.code`). The console switches on
 * codes, never on the server's message text; an unknown code falls back to the server's message.
 */
export const MESSAGES = {
  BAD_REQUEST: '填写的内容不正确',
  UNAUTHENTICATED: '登录已失效，请重新扫码登录',
  FORBIDDEN: '没有权限执行此操作',
  NOT_FOUND: '内容不存在或已删除',
  CONFLICT: '数据已被修改，请刷新后重试',
  INTERNAL_ERROR: '服务器开小差了，请稍后再试',
  UPSTREAM_UNAVAILABLE: '服务暂不可用，请稍后再试',
  SERVICE_UNAVAILABLE: '服务暂时不可用，请稍后再试',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  QUERY_TOO_COMPLEX: '请求过于复杂，请缩小范围',
  NETWORK_ERROR: '网络不可用，请检查网络后重试',
  REFRESH_TOKEN_INVALID: '登录已失效，请重新扫码登录',
  REFRESH_TOKEN_REUSED: '登录凭证被重复使用，已退出，请重新扫码登录',
  CONSOLE_LOGIN_TICKET_EXPIRED: '二维码已过期，请刷新二维码',
  CONSOLE_LOGIN_TICKET_INVALID: '二维码无效，请刷新二维码',
  CONSOLE_LOGIN_TICKET_USED: '二维码已使用，请刷新二维码',
  CONSOLE_LOGIN_ADMIN_REQUIRED: '只有管理员可以登录管理后台',
  ROLE_GRANT_OWN: '不能授予或撤销自己的管理员角色，请由其他管理员办理',
  CONSOLE_LOGIN_RATE_LIMITED: '刷新太频繁，请稍后再试',
  NEED_INVALID_STATE: '需求状态已变化，请刷新',
  NEED_ALREADY_TAKEN: '该需求已被认领或派出',
  NEED_ASSIGNEE_NOT_ELIGIBLE: '接单方须为已培训的志愿者或在册队伍',
  NEED_HOURS_ALREADY_CONFIRMED: '该服务时长已确认',
  NEED_HOURS_EXCEED_ELAPSED: '时长超过了实际服务时间',
  NEED_HOURS_ALREADY_REVOKED: '该服务时长已撤销',
  NEED_HOURS_NOT_CONFIRMED: '该服务时长尚未确认，可直接调整',
  PROJECT_NOT_APPLICABLE: '该服务项目不适用于此站点',
  ACTIVITY_INVALID_STATE: '活动状态已变化，请刷新后重试',
  ACTIVITY_CAPACITY_BELOW_CONFIRMED: '名额不能少于已确认的报名人数',
  ACTIVITY_TOO_LONG: '活动时长超过上限，多日活动请按天分别创建',
  CHECK_OUT_MISSING: '尚未签退，请先设定时长再确认',
  HOURS_ALREADY_CONFIRMED: '该报名的时长已确认，不能再调整',
  HOURS_ALREADY_REVOKED: '该报名的时长已撤销',
  NOT_CHECKED_IN: '该志愿者尚未签到',
  NOT_SIGNED_UP: '该报名未确认',
  PROJECT_ARCHIVED: '该服务项目已归档：不能再在其下新建活动，也不能再修改',
  MP_NOT_CONFIGURED: '本服务器未配置微信公众号（WX_MP_APPID），不能发布菜单，请联系运维人员配置',
  ORG_UNIT_CLOSED: '该单位已关闭',
  ORG_UNIT_INVALID_PARENT: '上级单位的层级不对：须正好高一级',
  ORG_UNIT_HAS_OPEN_WORK: '该单位仍有开放的下级或未完结的工作，不能关闭',
  CIVILIZED_UNIT_ALREADY_PAIRED: '该文明单位已与此单位结对',
  CIVILIZED_UNIT_PAIRING_LEVEL: '文明单位只能与中心、所或站结对',
  CIVILIZED_UNIT_OUTSIDE_AREA: '只能与文明单位登记单位及其下级单位结对',
  TEAM_NAME_TAKEN: '本单位已有同名队伍',
  TEAM_JOIN_REQUEST_CLOSED: '该申请已处理，请刷新',
  TEAM_ALREADY_MEMBER: '申请人已是队伍成员',
  TEAM_DISBANDED: '队伍已解散',
  TEAM_NOT_MEMBER: '该志愿者已不在队伍中，请刷新',
  TEAM_LEADER_CANNOT_LEAVE: '不能移出队长，请先更换队长',
  PHOTO_NOT_HELD: '该照片已审核或已通过检测，请刷新',
  VOLUNTEER_REQUIRED: '所选用户尚未注册为志愿者',
  CIVILIZED_UNIT_NOT_PAIRED: '该文明单位未与活动所在的单位结对',
  PICKUP_CODE_INVALID: '核销码无效或已过期',
  PICKUP_CODE_USED: '核销码已使用',
  OUT_OF_STOCK: '库存不足',
  REWARD_UNAVAILABLE: '该礼品暂不可兑换',
  CONTENT_REJECTED: '内容含有违规信息，请修改后重新提交',
  HOURS_NOT_CONFIRMED: '该报名的时长尚未确认，不能撤销',
  POINTS_INSUFFICIENT: '积分不足',
  POINTS_ENTRY_ALREADY_REVERSED: '该积分记录已冲正过',
  POINTS_ENTRY_NOT_REVERSIBLE: '冲正、兑换、兑换退回和偿还欠分的记录不能冲正（兑换请取消订单）',
  IDEMPOTENCY_KEY_REUSED: '这次提交已按先前填写的内容记录过，请关闭后核对列表，再重新填写',
  HONOR_HOURS_NOT_PENDING: '该补录已审批或已撤销，请刷新',
  HONOR_HOURS_ALREADY_REVOKED: '该补录已撤销',
  RECOGNITION_CENTER_ONLY: '请在中心一级办理礼遇与嘉许',
  RECOGNITION_RULE_INVALID: '规则须有奖励积分或荣誉称号，门槛为 1–5 星或 1–100000 小时',
  RECOGNITION_RULE_OWN: '不能批准或驳回本人新建的礼遇规则，须由本中心另一位管理员审核',
  RECOGNITION_RULE_NOT_PENDING: '该规则已被批准、驳回或撤回，请刷新',
  RECOGNITION_RULE_NOT_ACTIVE: '该规则未生效，不能停用；待审核的规则可撤回或驳回',
  HONOUR_ALREADY_REVOKED: '该荣誉称号已撤销',
  OUTSTANDING_ALREADY_DECIDED: '该候选人已审核',
  OUTSTANDING_DECIDER_IS_CANDIDATE: '本年度候选人不能审核候选人',
  TEAM_CERTIFIER_IN_TEAM: '队长和队员不能为本队伍认证星级',
  PROJECT_BRAND_CENTER_ONLY: '品牌项目只能由中心管理员标记或取消',
  PROJECT_BRAND_UNCHANGED: '该项目的品牌标记已是此状态，请刷新',
  IN_SERVICE_PARTY_UNCHANGED: '该志愿者的在职党员标记已是此状态，请刷新',
  STAFF_TRAINING_SELF_ATTENDANCE: '不能登记本人参加培训，请由另一位管理员登记',
  STAFF_TRAINING_ATTENDEE_NOT_STAFF: '参加人须为举办单位或其下属单位的工作人员或骨干',
  CONTENT_NEEDS_REVIEW: '内容需人工审核，请修改措辞后重新提交',
  NEED_CATEGORY_NAME_TAKEN: '已有同名的需求类别（含已停用的），停用的可重新启用',
  NEED_CATEGORY_UNKNOWN: '该需求类别不存在或已停用，请刷新后重选',
  NEED_BENEFICIARIES_INVALID: '受益群众人数应为 0–10000 的整数',
}

/** The message to show for an error: ours for known codes, else the server's, else a generic one. */
export function messageFor(code, serverMessage) {
  return MESSAGES[code] || serverMessage || MESSAGES.INTERNAL_ERROR
}

/** An API failure with the server's stable code and, for bad input, the offending field. */
export class ApiError extends Error {
  constructor(code, message, field) {
    super(message)
    this.name = 'ApiError'
    this.code = code
    this.field = field
  }
}
