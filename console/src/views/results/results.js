// Shared by the 成果与考核 screens: the figures' Chinese names and units, periods, file saving.
import { api } from '../../api/index.js'

export const FIGURES = {
  ACTIVITIES: { name: '开展活动', unit: '次' },
  THEORY_LECTURES: { name: '理论宣讲', unit: '次' },
  PARTY_MEMBER_PARTICIPATION: { name: '党员参与率', unit: '%' },
  HOURS_PER_VOLUNTEER: { name: '人均服务时长', unit: '小时' },
  VOLUNTEERS_WITH_HOURS: { name: '有时长志愿者占比', unit: '%' },
  CIVILIZED_UNIT_ACTIVITIES: { name: '结对文明单位活动', unit: '%' },
  NEEDS_RECEIVED: { name: '收到需求', unit: '件' },
  NEEDS_FULFILLED: { name: '完成需求', unit: '件' },
  NEED_FULFILMENT_RATE: { name: '落实率', unit: '%' },
  NEED_SATISFACTION: { name: '满意率', unit: '%' },
  NEED_AVERAGE_RATING: { name: '平均评分', unit: '星' },
  BENEFICIARIES: { name: '受益群众', unit: '人次' },
  BENEFICIARIES_YEAR: { name: '受益群众（本年累计）', unit: '人次' },
  CIVIC_REPORTS: { name: '随手拍', unit: '件' },
  CIVIC_REPORTS_RESOLVED: { name: '随手拍办结', unit: '件' },
  SPOT_CHECK_AVERAGE: { name: '抽查评估平均分（本年）', unit: '分' },
  PEER_REVIEW_AVERAGE: { name: '站互评平均分', unit: '分' },
  BRAND_PROJECTS: { name: '品牌项目', unit: '个' },
  STAFF_TRAINING_SESSIONS: { name: '骨干培训', unit: '次' },
  STAFF_TRAINING_COVERAGE: { name: '培训覆盖率', unit: '%' },
  STATION_WEEKLY_ACTIVITIES: { name: '站每周活动', unit: '%' },
  ACTIVE_TEAMS: { name: '活跃队伍占比', unit: '%' },
  IN_SERVICE_PARTY_PARTICIPATION: { name: '在职党员参与率', unit: '%' },
}

/** Figures with a list behind them (考核指标 → 明细: BrandProjects, StaffTrainingCoverage). */
export const DRILL_DOWNS = {
  BRAND_PROJECTS: { title: '品牌项目' },
  STAFF_TRAINING_COVERAGE: { title: '尚未参加培训的工作人员与骨干' },
}

export const STAFF_ROLES = { STAFF: '工作人员', TEAM_LEADER: '骨干（队长）' }

/** The variables of a drill-down's query for a unit and month (YYYY-MM). */
export function drillDownVariables(kind, orgUnitId, month) {
  const [year, m] = month.split('-').map(Number)
  return kind === 'BRAND_PROJECTS' ? { orgUnitId, first: 100 } : { orgUnitId, year, month: m, missingOnly: true }
}

/** The rows of a drill-down's answer, flattened for one table. */
export function drillDownRows(kind, data) {
  if (kind === 'BRAND_PROJECTS') return data.projects.edges.map((e) => ({ name: e.node.name, unit: e.node.orgUnitName, note: e.node.brandMarkedAt ? '已标记' : '' }))
  return data.staffTrainingCoverage.map((p) => ({
    name: p.nickname || `用户 ${p.userId}`, unit: p.orgUnitName, note: p.roles.map((r) => STAFF_ROLES[r] || r).join('、'),
  }))
}

export const LEVELS = { CITY: '市', CENTER: '中心', INSTITUTE: '所', STATION: '站', POINT: '点' }

/** The last ended month (Beijing time) as YYYY-MM: the one a 落实清单 can be published for. */
export function lastMonth(now = new Date()) {
  const d = new Date(now.getTime() + 8 * 3600 * 1000)
  const y = d.getUTCMonth() === 0 ? d.getUTCFullYear() - 1 : d.getUTCFullYear()
  const m = d.getUTCMonth() === 0 ? 12 : d.getUTCMonth()
  return `${y}-${String(m).padStart(2, '0')}`
}

export function formatValue(value, kind) {
  if (value == null) return '—'
  const unit = (FIGURES[kind] || {}).unit || ''
  const n = Math.round(value * 10) / 10
  return unit === '%' ? `${n}%` : `${n}`
}

/** Downloads an export through the API client (bearer token) and saves it under `filename`. */
export async function saveExport(path, filename) {
  const blob = await api.download(path)
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
