// The trails of flags changed with a reason (品牌项目 on a project, 在职党员 on a volunteer): the API
// keeps each change (who, when, which way, why); these shape them into rows for a history dialog.
import { beijing } from './labels.js'

/**
 * Rows for the history table, newest first as the API returns them. `flag(change)` says which way
 * the change went; `labels` names the two ways. The API gives the changer as a user id: the
 * signed-in staff member's own changes read 我, others' 用户 <id>.
 */
export function changeRows(changes, flag, labels, me) {
  return (changes || []).map((c) => ({
    id: c.id,
    when: beijing(c.changedAt),
    change: flag(c) ? labels.on : labels.off,
    on: !!flag(c),
    reason: c.reason,
    by: me && String(c.changedBy) === String(me.id) ? '我' : `用户 ${c.changedBy}`,
  }))
}

/** 品牌项目 changes of a project, as rows. `call` is api.call (injected for tests). */
export async function brandHistory(call, projectId, me) {
  const { projectBrandChanges } = await call('ProjectBrandChanges', { projectId })
  return changeRows(projectBrandChanges, (c) => c.brand, { on: '标为品牌项目', off: '取消品牌项目' }, me)
}

/** 在职党员 changes of a volunteer, as rows. */
export async function inServicePartyHistory(call, volunteerId, me) {
  const { inServicePartyChanges } = await call('InServicePartyChanges', { volunteerId })
  return changeRows(inServicePartyChanges, (c) => c.inService, { on: '设为在职党员', off: '取消在职党员' }, me)
}

/**
 * One line of a need participant's hours trail (adjustNeedHours), as on the roster for activities:
 * 2.0 → 1.0 小时 · 中途离开 · 张三 · time. An adjustment from before the trail was kept knows
 * neither the hours it replaced (—) nor its time (时间不详).
 */
export function needHoursTrailLine(a) {
  const hours = (h) => Number(h).toFixed(1)
  const before = a.hoursBefore == null ? '—' : hours(a.hoursBefore)
  const when = a.adjustedAt ? beijing(a.adjustedAt) : '时间不详'
  return `${before} → ${hours(a.hoursAfter)} 小时 · ${a.reason} · ${a.adjustedByName} · ${when}`
}
