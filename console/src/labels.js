// Chinese names of the schema's enums, and Beijing-time formatting, shared by every screen.
export const NEED_STATUS = {
  SUBMITTED: '待审核', PUBLISHED: '待派单', REJECTED: '未通过', DISPATCHED: '待接单', CLAIMED: '已认领',
  ACCEPTED: '已接单', IN_PROGRESS: '服务中', COMPLETED: '待评价', RATED: '已评价', CANCELLED: '已撤销',
  CLOSED_UNRATED: '逾期未评价',
}
export const URGENCY = { NORMAL: '一般', URGENT: '较急', CRITICAL: '紧急' }
export const SOURCE = { ONLINE: '线上点单', WISH_WALL: '心愿墙', LEIFENG_MAILBOX: '雷锋信箱', HOTLINE: '热线电话', VISIT: '入户走访' }
export const BENEFICIARY = { ELDERLY: '老年人', LEFT_BEHIND_CHILDREN: '留守儿童', DISABLED: '残疾人', NEEDY: '困难群众', OTHER: '其他' }
export const LEVEL = { INSTITUTE: '所', CENTER: '中心' }
export const HOLD = { REVIEW: '待人工审核', UNCHECKED: '未经检测' }
export const PHOTO_HOLD = { CHECKING: '检测中', UNCHECKED: '未能检测', RISKY: '疑似违规' }

/** Beijing wall-clock time of an ISO instant, e.g. 2026-11-24 09:00. */
export function beijing(iso) {
  if (!iso) return ''
  const d = new Date(new Date(iso).getTime() + 8 * 3600 * 1000)
  const pad = (n) => String(n).padStart(2, '0')
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

/** "还剩 5 小时" / "已超期 2 天" for a deadline. */
export function dueText(iso, now = Date.now()) {
  if (!iso) return ''
  const diff = new Date(iso).getTime() - now
  const hours = Math.round(Math.abs(diff) / 3600000)
  const span = hours >= 48 ? `${Math.round(hours / 24)} 天` : `${Math.max(hours, 1)} 小时`
  return diff >= 0 ? `还剩 ${span}` : `已超期 ${span}`
}
