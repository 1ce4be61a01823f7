import { describe, expect, test } from 'vitest'
import fs from 'node:fs'
import path from 'node:path'
import { createSSRApp, h } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { CORRECTION_ACTION, correctionInput, trailLine } from '../src/corrections.js'
import {
  describePeerReview, describeSpotCheck, isStationAdminOf, mayCorrectPeerReview, peerReviewChanges, spotCheckChanges,
} from '../src/views/results/evaluation.js'
import { describeStaffTraining, staffTrainingChanges } from '../src/views/org/org.js'
import CorrectionTrail from '../src/components/CorrectionTrail.vue'

const CHECK = {
  id: '7', stationId: '9', checkedOn: '2024-06-01', total: 26.5, findings: '台账不全',
  items: [{ name: '阵地建设', score: 9.5, maxScore: 10 }, { name: '活动记录', score: 8, maxScore: 10 }, { name: '群众知晓', score: 9, maxScore: 10 }],
}
const REVIEW = {
  id: '3', comment: '很好', average: 4,
  scores: [{ itemId: '1', itemName: '阵地建设', score: 4 }, { itemId: '2', itemName: '活动开展', score: 4 }],
}
const TRAINING = { id: '5', heldOn: '2024-03-10', topic: '志愿服务组织管理培训', attendees: [{ userId: '11', nickname: '张三' }, { userId: '12', nickname: null }] }

describe('更正 of evaluations: what the form sends', () => {
  test('a reason is required; a withdrawal sends no changes; an unchanged form sends nothing', () => {
    expect(correctionInput('spotCheckId', '7', { withdraw: false, reason: ' ' }, { items: [] }).error).toBe('请填写更正原因')
    expect(correctionInput('spotCheckId', '7', { withdraw: true, reason: ' 重复录入 ' }, {})).toEqual({
      input: { spotCheckId: '7', withdraw: true, reason: '重复录入' },
    })
    expect(correctionInput('spotCheckId', '7', { withdraw: false, reason: '改分' }, { items: null, findings: null }).error)
      .toBe('没有要更正的内容')
  })

  test('a spot check sends all items when a score changed and the findings only when they changed', () => {
    const form = { items: CHECK.items.map((i) => ({ ...i })), findings: '台账不全' }
    expect(spotCheckChanges(CHECK, form)).toEqual({ items: null, findings: null })
    form.items[1].score = 5
    form.findings = ''
    const changes = spotCheckChanges(CHECK, form)
    expect(changes.items.map((i) => i.score)).toEqual([9.5, 5, 9])
    expect(changes.findings).toBe('')
    const { input } = correctionInput('spotCheckId', CHECK.id, { withdraw: false, reason: '分数录错' }, changes)
    expect(input).toEqual({ spotCheckId: '7', withdraw: false, reason: '分数录错', items: changes.items, findings: '' })
  })

  test('a peer review sends the scores of the items it was rated on, and the comment when changed', () => {
    expect(peerReviewChanges(REVIEW, { scores: { 1: 4, 2: 4 }, comment: '很好' })).toEqual({ scores: null, comment: null })
    expect(peerReviewChanges(REVIEW, { scores: { 1: 2, 2: 4 }, comment: '很好 ' })).toEqual({
      scores: [{ itemId: '1', score: 2 }, { itemId: '2', score: 4 }], comment: null,
    })
  })

  test('a staff training sends the attendees as a set, the date and topic when changed', () => {
    const form = { heldOn: '2024-03-10', topic: '志愿服务组织管理培训', attendees: ['12', '11'] }
    expect(staffTrainingChanges(TRAINING, form)).toEqual({ heldOn: null, topic: null, attendeeUserIds: null })
    expect(staffTrainingChanges(TRAINING, { ...form, heldOn: '2024-03-11', attendees: ['11'] })).toEqual({
      heldOn: '2024-03-11', topic: null, attendeeUserIds: ['11'],
    })
  })
})

describe('the correction trail', () => {
  const entry = {
    id: '1', action: 'CORRECTED', reason: '分数录错', correctedBy: '42', correctedByName: '李四', correctedAt: '2024-06-02T02:30:00Z',
    before: { checkedOn: '2024-06-01', total: 26.5, findings: '台账不全', items: CHECK.items },
    after: { checkedOn: '2024-06-01', total: 10, findings: null, items: [{ name: '阵地建设', score: 10, maxScore: 10 }] },
  }

  test('says who, when (Beijing), why, and before → after; a withdrawal says so', () => {
    expect(trailLine(entry, describeSpotCheck)).toBe(
      '2024-06-02 10:30 李四 更正：分数录错（总分 26.5（阵地建设 9.5/10、活动记录 8/10、群众知晓 9/10）；问题：台账不全 → 总分 10（阵地建设 10/10））',
    )
    const withdrawn = { ...entry, action: 'WITHDRAWN', correctedByName: null, after: null }
    expect(trailLine(withdrawn, describeSpotCheck)).toMatch(/^2024-06-02 10:30 用户 42 撤回：分数录错（.* → 已撤回）$/)
    expect(CORRECTION_ACTION.WITHDRAWN).toBe('撤回')
  })

  test('describes peer reviews and trainings in words', () => {
    expect(describePeerReview({ average: 3, comment: null, scores: REVIEW.scores })).toBe('平均 3（阵地建设 4、活动开展 4）')
    expect(describeStaffTraining({ heldOn: '2024-03-10', topic: '培训', attendeeUserIds: ['11', '12'] }, { 11: '张三' }))
      .toBe('2024-03-10 培训（参加 2 人：张三、用户 12）')
  })

  test('the trail component lists the entries, or says there are none', async () => {
    const render = (entries) => renderToString(createSSRApp({ render: () => h(CorrectionTrail, { entries, describe: describeSpotCheck }) }))
    expect(await render([])).toContain('还没有更正')
    const html = await render([entry, { ...entry, id: '2', action: 'WITHDRAWN', after: null }])
    expect(html.match(/data-test="correction-trail-entry"/g)).toHaveLength(2)
    expect(html).toContain('李四 更正：分数录错')
    expect(html).toContain('→ 已撤回')
  })
})

describe('who is offered 更正 of a peer review', () => {
  const row = { reviewedStationId: '20' }
  test('the reviewing station\'s 站长, not also 站长 of the reviewed station', () => {
    expect(mayCorrectPeerReview([{ role: 'STATION_ADMIN', orgUnitId: '10' }], '10', row)).toBe(true)
    expect(mayCorrectPeerReview([{ role: 'STATION_ADMIN', orgUnitId: 10 }], '10', row)).toBe(true)
    expect(mayCorrectPeerReview([{ role: 'STATION_ADMIN', orgUnitId: '10' }, { role: 'STATION_ADMIN', orgUnitId: '20' }], '10', row)).toBe(false)
  })

  test('a center admin looking at the station\'s list, or no one signed in, is not offered it', () => {
    expect(mayCorrectPeerReview([{ role: 'CENTER_ADMIN', orgUnitId: '1' }], '10', row)).toBe(false)
    expect(mayCorrectPeerReview([{ role: 'STATION_ADMIN', orgUnitId: '11' }], '10', row)).toBe(false)
    expect(mayCorrectPeerReview(undefined, '10', row)).toBe(false)
  })

  test('rating on a station\'s behalf is its 站长\'s', () => {
    expect(isStationAdminOf([{ role: 'STATION_ADMIN', orgUnitId: 10 }], '10')).toBe(true)
    expect(isStationAdminOf([{ role: 'CENTER_ADMIN', orgUnitId: '10' }], '10')).toBe(false)
    expect(isStationAdminOf(null, '10')).toBe(false)
  })
})

describe('the three pages offer 更正 through the shared dialog and show the trail', () => {
  const read = (file) => fs.readFileSync(path.resolve(__dirname, '../src/views', file), 'utf8')
  test.each([
    ['results/SpotCheckView.vue', 'spot', 'CorrectSpotCheck', 'spotCheckId'],
    ['results/PeerReviewView.vue', 'peer', 'CorrectPeerReview', 'peerReviewId'],
    ['org/StaffTrainingView.vue', 'staff-training', 'CorrectStaffTraining', 'staffTrainingId'],
  ])('%s', (file, prefix, mutation, idField) => {
    const view = read(file)
    expect(view).toContain(`data-test="${prefix}-correct"`)
    expect(view).toContain(`data-test="${prefix}-withdrawn"`)
    // One CorrectionDialog: its data-test names (${prefix}-correct-reason, -save, …) come from `test`.
    expect(view.match(/<CorrectionDialog\b/g)).toHaveLength(1)
    expect(view).toMatch(new RegExp(`<CorrectionDialog[^>]*\\stest="${prefix}"`))
    expect(view).toMatch(new RegExp(`<CorrectionDialog[^>]*\\sid-field="${idField}"`))
    expect(view).toContain(`api.call('${mutation}', { input })`)
    // A refusal says who may correct the record, not just 没有权限执行此操作.
    expect(view).toMatch(/\s:forbidden="[A-Z_]+_FORBIDDEN"/)
    // The reason, the mode and the key are the dialog's, no longer each page's own.
    expect(view).not.toContain('createSubmission')
    expect(view).not.toContain('更正原因')
    expect(view).not.toContain('-correct-mode')
    expect(view).toContain('<CorrectionTrail')
    expect(fs.existsSync(path.resolve(__dirname, `../src/graphql/${mutation}.graphql`))).toBe(true)
  })
})
