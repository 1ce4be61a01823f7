// 工作报告: periods (ISO weeks and months, Beijing time), the figures' Chinese names, input building.

export const REPORT_KINDS = { WEEKLY: '周报', MONTHLY: '月报' }

export const REPORT_STATUS = { DRAFT: '草稿', PUBLISHED: '已报送', SUPERSEDED: '已被更正' }

/** The figures of a report in the order they are printed, with their units. */
export const REPORT_FIGURES = [
  { key: 'activitiesHeld', name: '开展活动', unit: '场' },
  { key: 'signUps', name: '报名', unit: '人次' },
  { key: 'participants', name: '参与', unit: '人次' },
  { key: 'needsReceived', name: '收到需求', unit: '件' },
  { key: 'needsFulfilled', name: '完成需求', unit: '件' },
  { key: 'needsOverdue', name: '逾期需求', unit: '件' },
  { key: 'needsRated', name: '评价', unit: '件' },
  { key: 'satisfactionRate', name: '满意率', unit: '%' },
  { key: 'confirmedHours', name: '确认服务时长', unit: '小时' },
  { key: 'volunteers', name: '注册志愿者', unit: '人' },
  { key: 'newVolunteers', name: '新增志愿者', unit: '人' },
  { key: 'beneficiaries', name: '受益群众', unit: '人次' },
]

export const MAX_HIGHLIGHTED = 5

function beijingDate(now) {
  const d = new Date(now.getTime() + 8 * 3600 * 1000)
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()))
}

/** The ISO week label of a (UTC midnight) date: 2026-W07. */
export function isoWeek(date) {
  const d = new Date(date.getTime())
  const day = (d.getUTCDay() + 6) % 7 // Monday 0
  d.setUTCDate(d.getUTCDate() - day + 3) // the week's Thursday decides its year
  const year = d.getUTCFullYear()
  const firstThursday = new Date(Date.UTC(year, 0, 4))
  firstThursday.setUTCDate(firstThursday.getUTCDate() - ((firstThursday.getUTCDay() + 6) % 7) + 3)
  const week = 1 + Math.round((d - firstThursday) / (7 * 86400000))
  return `${year}-W${String(week).padStart(2, '0')}`
}

/**
 * The period a report is usually written for: the last ended week or month (Beijing time);
 * `offset` 0 for the current one.
 */
export function defaultPeriod(kind, now = new Date(), offset = 1) {
  const today = beijingDate(now)
  if (kind === 'WEEKLY') {
    today.setUTCDate(today.getUTCDate() - 7 * offset)
    return isoWeek(today)
  }
  const m = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - offset, 1))
  return `${m.getUTCFullYear()}-${String(m.getUTCMonth() + 1).padStart(2, '0')}`
}

/** Whether the label has the shape the backend accepts for the kind. */
export function validPeriod(kind, period) {
  return kind === 'WEEKLY' ? /^\d{4}-W\d{2}$/.test(period || '') : /^\d{4}-\d{2}$/.test(period || '')
}

export function formatFigure(value, unit) {
  if (value == null) return '—'
  const n = Math.round(value * 100) / 100
  return unit === '%' ? `${n}%` : `${n}`
}

/** Rows { name, value } of a report's figures, for the cards and the printable page. */
export function figureRows(figures) {
  return REPORT_FIGURES.map((f) => ({ key: f.key, name: f.name, unit: f.unit, value: formatFigure(figures ? figures[f.key] : null, f.unit) }))
}

/** The editReport input: highlights trimmed (empty clears), at most five distinct activity ids. */
export function editInput(id, highlights, activityIds) {
  const ids = [...new Set((activityIds || []).map(String))]
  if (ids.length > MAX_HIGHLIGHTED) throw new Error(`亮点活动最多选择 ${MAX_HIGHLIGHTED} 个`)
  const text = (highlights || '').trim()
  return { id, highlights: text || null, highlightedActivityIds: ids }
}
