// 礼遇嘉许: the forms' checks (the same as the server's) and the inputs they send.

export const TRIGGER_LABEL = { STAR_LEVEL: '达到星级', CREDIT_HOURS: '达到信用时长' }
export const STATUS_LABEL = { PENDING: '待审核', APPROVED: '已通过', REJECTED: '未通过' }
export const SOURCE_LABEL = { RULE: '礼遇规则', OUTSTANDING: '优秀志愿者评选' }
export const RULE_STATUS_LABEL = { PENDING: '待审核', ACTIVE: '已生效', REJECTED: '已驳回', WITHDRAWN: '已撤回', DISABLED: '已停用' }
export const RULE_STATUS_TAG = { PENDING: 'warning', ACTIVE: 'success', REJECTED: 'danger', WITHDRAWN: 'info', DISABLED: 'info' }

/**
 * What the signed-in admin may do with a rule (four eyes): another admin approves or rejects a
 * pending rule, its creator may only withdraw it (`own`: the screen says another admin must approve);
 * a rule in effect is disabled. The server checks the same; this only chooses the buttons.
 */
export function ruleActions(rule, userId) {
  const own = userId != null && String(rule.createdById) === String(userId)
  const pending = rule.status === 'PENDING'
  return {
    own: pending && own,
    approve: pending && !own,
    reject: pending && !own,
    withdraw: pending && own,
    disable: rule.status === 'ACTIVE',
  }
}

/** The rule's trail, one line each, with a time formatter: who set it, who decided it, when, why. */
export function ruleTrail(rule, time) {
  const lines = [`${rule.createdByName} 新建 ${time(rule.createdAt)}`]
  const by = rule.decidedByName
  if (rule.status === 'REJECTED') lines.push(`${by} 驳回 ${time(rule.decidedAt)}：${rule.rejectReason}`)
  else if (rule.status === 'WITHDRAWN') lines.push(`${by} 撤回 ${time(rule.decidedAt)}`)
  else if (rule.status === 'ACTIVE' || rule.status === 'DISABLED') {
    // No approver on a rule in effect: set before approval was required, never approved by anyone.
    lines.push(by ? `${by} 批准 ${time(rule.decidedAt)}` : '双人审核上线前设立，未经他人批准')
  }
  if (rule.status === 'DISABLED') lines.push(`停用 ${time(rule.disabledAt)}`)
  return lines
}

/** How a rule's trigger reads: 达到 4 星 / 累计信用时长达到 1000 小时. */
export function triggerText(rule) {
  return rule.trigger === 'STAR_LEVEL' ? `达到 ${Number(rule.threshold)} 星` : `累计信用时长达到 ${Number(rule.threshold)} 小时`
}

/** How a rule's effect reads: 奖励 500 积分、授予「四星志愿者」. */
export function effectText(rule) {
  const parts = []
  if (rule.bonusPoints > 0) parts.push(`奖励 ${rule.bonusPoints} 积分`)
  if (rule.honourTitle) parts.push(`授予「${rule.honourTitle}」`)
  return parts.join('、')
}

/** The errors of a new rule, by field ({} when it may be sent). */
export function ruleErrors(form) {
  const errors = {}
  const name = (form.name || '').trim()
  if (!name) errors.name = '请填写规则名称'
  else if ([...name].length > 40) errors.name = '名称不超过 40 字'
  const t = Number(form.threshold)
  if (form.trigger === 'STAR_LEVEL') {
    if (!Number.isInteger(t) || t < 1 || t > 5) errors.threshold = '星级门槛为 1–5 星'
  } else if (!(t >= 1 && t <= 100000)) {
    errors.threshold = '时长门槛为 1–100000 小时'
  }
  const bonus = Number(form.bonusPoints || 0)
  if (!Number.isInteger(bonus) || bonus < 0 || bonus > 100000) errors.bonusPoints = '奖励积分为 0–100000 的整数'
  const title = (form.honourTitle || '').trim()
  if ([...title].length > 40) errors.honourTitle = '称号不超过 40 字'
  if (!errors.bonusPoints && bonus === 0 && !title) errors.honourTitle = '奖励积分和荣誉称号至少填一项'
  return errors
}

export function ruleInput(orgUnitId, form) {
  const input = {
    orgUnitId,
    name: form.name.trim(),
    trigger: form.trigger,
    threshold: Number(form.threshold),
    bonusPoints: Number(form.bonusPoints || 0),
  }
  const title = (form.honourTitle || '').trim()
  if (title) input.honourTitle = title
  return input
}

/** The errors of a team certification ({} when it may be sent). */
export function certificationErrors(form, today) {
  const errors = {}
  if (!form.teamId) errors.teamId = '请选择队伍'
  if (!Number.isInteger(form.stars) || form.stars < 1 || form.stars > 5) errors.stars = '星级为 1–5 星'
  const reason = (form.reason || '').trim()
  if (!reason) errors.reason = '请填写认证理由'
  else if ([...reason].length > 200) errors.reason = '理由不超过 200 字'
  if (!form.certifiedOn) errors.certifiedOn = '请选择认证日期'
  else if (form.certifiedOn > today) errors.certifiedOn = '认证日期不能晚于今天'
  return errors
}

/** What the server's refusals mean on this screen. */
export function refusal(error) {
  switch (error && error.code) {
    case 'FORBIDDEN': return '无权办理：须为管辖该单位的中心管理员，且不能审核或撤销本人的记录'
    case 'OUTSTANDING_DECIDER_IS_CANDIDATE': return '您是本年度的优秀志愿者候选人，请由其他管理员审核'
    case 'TEAM_CERTIFIER_IN_TEAM': return '您是该队伍的队长或队员，请由其他管理员认证'
    case 'RECOGNITION_RULE_OWN': return '这是您新建的规则，须由本中心另一位管理员批准或驳回'
    case 'RECOGNITION_RULE_NOT_PENDING': return '该规则已被批准、驳回或撤回，请刷新'
    case 'RECOGNITION_RULE_NOT_ACTIVE': return '该规则未生效，不能停用；待审核的规则可撤回或驳回'
    default: return (error && error.message) || '操作失败'
  }
}
