// 站互评 and 抽查评估 (the evaluation module): the forms' rules, mirroring the server's
// (EvaluationService), so a refusal the console can foresee is explained beside the form.
import { coversWholeDeployment } from '../../deployment.js'

/** The 评分项 are every county's: kept by the admins of the whole deployment (EvaluationService). */
export function canConfigurePeerReviewItems(user) {
  return coversWholeDeployment(user)
}

/** The 中心 a station belongs to: its institute's parent (from the EvaluationUnit document). */
export function countyOf(station) {
  return station && station.parent && station.parent.parent ? station.parent.parent.id : null
}

/** Stations of the county a station may rate: open stations other than itself. */
export function reviewableStations(tree, ownId) {
  return tree
    .filter((n) => n.unit.level === 'STATION' && n.unit.status === 'OPEN' && n.unit.id !== ownId)
    .map((n) => n.unit)
}

/**
 * Whether the signed-in admin may correct a review their station gave: 站长 of the reviewing station
 * and not of the reviewed one (the server's rule, EvaluationCorrectionService; 站长 is granted on
 * stations only). A center admin looking at a station's list may read it but is not offered 更正.
 */
export function mayCorrectPeerReview(grants, reviewerStationId, review) {
  return isStationAdminOf(grants, reviewerStationId) && !isStationAdminOf(grants, review.reviewedStationId)
}

/** Whether the grants hold 站长 of the station: who may rate other stations on its behalf. */
export function isStationAdminOf(grants, stationId) {
  return (grants || []).some((g) => g.role === 'STATION_ADMIN' && String(g.orgUnitId) === String(stationId))
}

/** What the 更正 dialogs show when the server refuses a correction (FORBIDDEN): who may make it. */
export const PEER_REVIEW_FORBIDDEN = '没有权限更正该互评：只有评分站的站长可以更正或撤回，被评站的管理员不能更正'
export const SPOT_CHECK_FORBIDDEN = '没有权限更正该抽查评估：只有管辖该站的中心或市级管理员可以更正，被抽查站的管理员不能更正'

/** Why a peer review cannot be sent yet ('' when it can). */
export function peerReviewError(form, items) {
  if (!form.reviewedStationId) return '请选择被评的站'
  const missing = items.filter((i) => !(form.scores[i.id] >= 1 && form.scores[i.id] <= 5))
  if (missing.length) return `请为「${missing.map((i) => i.name).join('、')}」打分（1–5 分）`
  if ((form.comment || '').length > 300) return '评语不超过 300 字'
  return ''
}

export function peerReviewInput(reviewerStationId, form, items) {
  const input = {
    reviewerStationId,
    reviewedStationId: form.reviewedStationId,
    scores: items.map((i) => ({ itemId: i.id, score: Number(form.scores[i.id]) })),
  }
  const comment = (form.comment || '').trim()
  if (comment) input.comment = comment
  return input
}

/** Why a spot check cannot be saved yet ('' when it can). */
export function spotCheckError(form, today) {
  if (!form.stationId) return '请选择被抽查的站'
  if (!form.checkedOn) return '请选择抽查日期'
  if (form.checkedOn > today) return '抽查日期不能晚于今天'
  if (!form.items.length) return '请至少填写一个抽查项目'
  const names = new Set()
  for (const item of form.items) {
    const name = (item.name || '').trim()
    if (!name) return '抽查项目名称不能为空'
    if (name.length > 30) return '抽查项目名称不超过 30 字'
    if (names.has(name)) return `抽查项目「${name}」重复`
    names.add(name)
    if (!(Number(item.maxScore) > 0)) return `「${name}」的满分须大于 0`
    if (!(Number(item.score) >= 0 && Number(item.score) <= Number(item.maxScore))) return `「${name}」的得分须在 0 与满分之间`
  }
  if ((form.findings || '').length > 1000) return '发现的问题不超过 1000 字'
  return ''
}

export function spotCheckInput(form) {
  const input = {
    stationId: form.stationId,
    checkedOn: form.checkedOn,
    items: form.items.map((i) => ({ name: i.name.trim(), score: Number(i.score), maxScore: Number(i.maxScore) })),
  }
  const findings = (form.findings || '').trim()
  if (findings) input.findings = findings
  return input
}

/** The sum of the items' scores, as the server computes the total. */
export function spotCheckTotal(items) {
  return Math.round(items.reduce((sum, i) => sum + (Number(i.score) || 0), 0) * 10) / 10
}

/** The default items of a new spot check (the usual 阵地、活动、队伍、群众 checks; editable). */
export function defaultSpotItems() {
  return [
    { name: '阵地建设', score: 0, maxScore: 25 },
    { name: '活动开展', score: 0, maxScore: 25 },
    { name: '志愿服务队伍', score: 0, maxScore: 25 },
    { name: '群众知晓满意', score: 0, maxScore: 25 },
  ]
}

/** A spot check as a trail shows it: '总分 26.5（阵地建设 9.5、…）；问题：…'. */
export function describeSpotCheck(state) {
  const items = state.items.map((i) => `${i.name} ${i.score}/${i.maxScore}`).join('、')
  return `总分 ${state.total}（${items}）${state.findings ? `；问题：${state.findings}` : ''}`
}

/** A peer review as a trail shows it: '平均 4（阵地建设 4、…）；评语：…'. */
export function describePeerReview(state) {
  const scores = state.scores.map((s) => `${s.itemName} ${s.score}`).join('、')
  return `平均 ${state.average}（${scores}）${state.comment ? `；评语：${state.comment}` : ''}`
}

/**
 * What a spot check's 更正 form changed: the items when any name or score differs (all of them, as the
 * API replaces them), the findings when they differ ('' clears them); null for what is unchanged.
 */
export function spotCheckChanges(check, form) {
  const items = form.items.map((i) => ({ name: (i.name || '').trim(), score: Number(i.score), maxScore: Number(i.maxScore) }))
  const same = items.length === check.items.length
    && items.every((i, n) => i.name === check.items[n].name && i.score === check.items[n].score && i.maxScore === check.items[n].maxScore)
  const findings = (form.findings || '').trim()
  return { items: same ? null : items, findings: findings === (check.findings || '') ? null : findings }
}

/** What a peer review's 更正 form changed: the scores when any differs, the comment when it differs. */
export function peerReviewChanges(review, form) {
  const scores = review.scores.map((s) => ({ itemId: s.itemId, score: Number(form.scores[s.itemId]) }))
  const same = scores.every((s, n) => s.score === review.scores[n].score)
  const comment = (form.comment || '').trim()
  return { scores: same ? null : scores, comment: comment === (review.comment || '') ? null : comment }
}
