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
