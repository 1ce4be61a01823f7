// 积分对账 (reconcilePoints): when to look back from, and what a PointsReconciliation says, in words.
import { beijing } from '../../labels.js'

const DAY = 24 * 3600 * 1000

/** The default look-back: a week, which covers a weekend's outage with room to spare. */
export function defaultSince(now = Date.now()) {
  return new Date(now - 7 * DAY)
}

/** The server takes a `since` within the last 366 days and not in the future; null when fine. */
export function sinceError(since, now = Date.now()) {
  if (!since) return '请选择从何时起对账'
  const t = new Date(since).getTime()
  if (t > now) return '起始时间不能晚于现在'
  if (t < now - 366 * DAY) return '最多对账一年以内'
  return null
}

/** The result as sentences, most important first. */
export function reconciliationSummary(result) {
  const lines = []
  const replayed = result.awardsReplayed
  lines.push(replayed
    ? `补记了 ${replayed} 条漏记的积分（活动时长、需求服务、好评奖励或撤销时长后的扣回）。再次对账不会重复补记。`
    : '没有漏记的积分：每条已确认的时长、服务和评价都已记分。')
  const drifted = result.driftedUserIds.length
  const repaired = result.accountsRepaired
  if (!drifted) {
    lines.push('所有积分账户的余额与流水一致，无需修复。')
  } else {
    lines.push(`${drifted} 个账户的余额与积分流水不一致，已按流水改正 ${repaired} 个（流水本身不变，修复记录见下表）。`)
    if (repaired < drifted) lines.push(`${drifted - repaired} 个账户的流水本身有缺失，未能自动修复，请联系技术人员核查。`)
  }
  return lines
}

/** One recorded repair as a table row. */
export function repairRow(r) {
  return {
    id: r.id,
    when: beijing(r.createdAt),
    who: r.userName,
    balance: `${r.balanceBefore} → ${r.balanceAfter}`,
    debt: r.debtBefore === r.debtAfter ? `${r.debtAfter}（未变）` : `${r.debtBefore} → ${r.debtAfter}`,
    by: r.operatorName || '定时对账',
  }
}
