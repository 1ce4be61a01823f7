// 随手拍 triage desk: which actions a report's state allows, and the forms turned into the API's
// inputs (texts trimmed; a route goes to a team or to a department, never both).

export const STATUS = {
  SUBMITTED: '待分拣',
  ACCEPTED: '已受理',
  REJECTED: '已驳回',
  ROUTED: '已转交',
  RESOLVED: '已办结待核验',
  VERIFIED: '已核验',
}

export const STATUS_TAG = { SUBMITTED: 'warning', ACCEPTED: 'primary', REJECTED: 'info', ROUTED: 'primary', RESOLVED: 'warning', VERIFIED: 'success' }

export const ESCALATED = { INSTITUTE: '已升级到所', CENTER: '已升级到中心' }

/** What the drawer offers for a report in this state (the server checks again, and who may act). */
export function actionsFor(status) {
  switch (status) {
    case 'SUBMITTED': return ['accept', 'reject']
    case 'ACCEPTED': return ['route', 'resolve']
    case 'ROUTED': return ['route', 'resolve']
    case 'RESOLVED': return ['verify', 'sendBack']
    default: return []
  }
}

export function triageInput(reportId, accept, form) {
  return accept ? { reportId, accept: true, deadlineOn: form.deadlineOn } : { reportId, accept: false, reason: form.reason.trim() }
}

/** The route form's error, or '' when it can be sent. */
export function routeError(form) {
  if (form.target === 'team') return form.teamId ? '' : '请选择队伍'
  if (!form.departmentName.trim()) return '请填写责任部门名称'
  if (!form.departmentContact.trim()) return '请填写责任部门联系方式'
  if (form.departmentName.trim().length > 60 || form.departmentContact.trim().length > 60) return '部门名称和联系方式各不超过 60 字'
  return ''
}

export function routeInput(reportId, form) {
  const input = { reportId }
  if (form.target === 'team') input.teamId = form.teamId
  else Object.assign(input, { departmentName: form.departmentName.trim(), departmentContact: form.departmentContact.trim() })
  if (form.note && form.note.trim()) input.note = form.note.trim()
  return input
}

/** A link to the point on 高德地图 (GCJ-02, as wx.getLocation gave it). */
export function mapLink(report) {
  if (report.latitude == null || report.longitude == null) return ''
  return `https://uri.amap.com/marker?position=${report.longitude},${report.latitude}&name=${encodeURIComponent(report.categoryLabel || '随手拍')}&coordinate=gaode`
}
