// The trail of a need participant's hours (NeedParticipant.hoursAdjustments, oldest first from the
// API): every adjustment is kept, so a colleague's later one never hides an earlier one's value,
// author and reason. Shown latest first: the reason for the hours on screen leads.
const { shortTime } = require('./page')

/** One adjustment; one made before the trail was kept knows neither the hours it replaced nor its time. */
function adjustmentText(a) {
  const when = a.adjustedAt ? shortTime(a.adjustedAt) : '时间不详'
  const change = a.hoursBefore == null ? `调整为 ${a.hoursAfter} 小时` : `调整：${a.hoursBefore} → ${a.hoursAfter} 小时`
  return `${when} ${a.adjustedByName} ${change}，${a.reason}`
}

/** The participant's adjustments as lines, latest first. */
function adjustmentLines(participant) {
  return (participant.hoursAdjustments || []).slice().reverse().map((a) => ({ id: a.id, text: adjustmentText(a) }))
}

/** 申报 hours beside the hours shown, when an adjustment changed them (the reasons are in the trail). */
function claimText(participant) {
  return participant.claimedHours != null && participant.claimedHours !== participant.hours ? `（申报 ${participant.claimedHours} 小时）` : ''
}

module.exports = { adjustmentLines, claimText }
