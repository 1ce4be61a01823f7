import { describe, expect, test } from 'vitest'
import {
  countyOf, defaultSpotItems, peerReviewError, peerReviewInput, reviewableStations, spotCheckError, spotCheckInput, spotCheckTotal,
} from '../src/views/results/evaluation.js'
import { MENU } from '../src/menu.js'
import { FIGURES, LEVELS } from '../src/views/results/results.js'
import { LEVEL_NAMES, moveTargets, roleName } from '../src/views/org/org.js'

const ITEMS = [{ id: '1', name: '阵地建设' }, { id: '2', name: '活动开展' }]

describe('站互评', () => {
  test('a station rates the other open stations of its county', () => {
    const station = { id: '9', parent: { id: '5', parent: { id: '2', level: 'CENTER' } } }
    expect(countyOf(station)).toBe('2')
    expect(countyOf({ id: '9', parent: null })).toBeNull()
    const tree = [
      { depth: 0, unit: { id: '2', level: 'CENTER', status: 'OPEN' } },
      { depth: 2, unit: { id: '9', level: 'STATION', status: 'OPEN', name: '本站' } },
      { depth: 2, unit: { id: '10', level: 'STATION', status: 'OPEN', name: '邻站' } },
      { depth: 2, unit: { id: '11', level: 'STATION', status: 'CLOSED', name: '已关' } },
    ]
    expect(reviewableStations(tree, '9').map((s) => s.id)).toEqual(['10'])
  })

  test('every item needs a score of 1–5 before sending; the comment is optional and trimmed', () => {
    const form = { reviewedStationId: '', scores: {}, comment: '' }
    expect(peerReviewError(form, ITEMS)).toBe('请选择被评的站')
    form.reviewedStationId = '10'
    form.scores = { 1: 4 }
    expect(peerReviewError(form, ITEMS)).toContain('活动开展')
    form.scores = { 1: 4, 2: 5 }
    expect(peerReviewError(form, ITEMS)).toBe('')
    expect(peerReviewInput('9', form, ITEMS)).toEqual({
      reviewerStationId: '9', reviewedStationId: '10', scores: [{ itemId: '1', score: 4 }, { itemId: '2', score: 5 }],
    })
    expect(peerReviewInput('9', { ...form, comment: ' 很好 ' }, ITEMS).comment).toBe('很好')
  })
})

describe('抽查评估', () => {
  test('items are named once, scored between 0 and their maximum, dated no later than today', () => {
    const form = { stationId: '9', checkedOn: '2026-12-05', items: defaultSpotItems(), findings: '' }
    expect(spotCheckError(form, '2026-12-05')).toBe('')
    expect(spotCheckError({ ...form, checkedOn: '2026-12-06' }, '2026-12-05')).toBe('抽查日期不能晚于今天')
    expect(spotCheckError({ ...form, stationId: '' }, '2026-12-05')).toBe('请选择被抽查的站')
    expect(spotCheckError({ ...form, items: [{ name: '阵地', score: 12, maxScore: 10 }] }, '2026-12-05')).toContain('得分')
    expect(spotCheckError({ ...form, items: [{ name: '阵地', score: 1, maxScore: 10 }, { name: ' 阵地', score: 1, maxScore: 10 }] }, '2026-12-05')).toContain('重复')
    expect(spotCheckError({ ...form, items: [] }, '2026-12-05')).toContain('至少')
  })

  test('the input trims texts and the total is the sum of the scores', () => {
    const items = [{ name: ' 阵地建设 ', score: 9.5, maxScore: 10 }, { name: '活动记录', score: '8', maxScore: 10 }]
    expect(spotCheckTotal(items)).toBe(17.5)
    expect(spotCheckInput({ stationId: '9', checkedOn: '2026-12-01', items, findings: ' 台账不全 ' })).toEqual({
      stationId: '9', checkedOn: '2026-12-01', findings: '台账不全',
      items: [{ name: '阵地建设', score: 9.5, maxScore: 10 }, { name: '活动记录', score: 8, maxScore: 10 }],
    })
    expect(spotCheckInput({ stationId: '9', checkedOn: '2026-12-01', items, findings: '' })).not.toHaveProperty('findings')
  })
})

describe('a city above the counties', () => {
  test('the screens are on the menu, the figures and the city level have names', () => {
    const results = MENU.find((m) => m.title === '成果与考核')
    expect(results.items.map((i) => i.route)).toEqual(expect.arrayContaining(['peer-reviews', 'spot-checks']))
    expect(FIGURES.SPOT_CHECK_AVERAGE.name).toContain('抽查')
    expect(FIGURES.PEER_REVIEW_AVERAGE.name).toContain('互评')
    expect(LEVELS.CITY).toBe('市')
    expect(LEVEL_NAMES.CITY).toBe('市')
    expect(roleName('CITY_ADMIN')).toBe('市级管理员')
  })

  test('a root center moves under a city', () => {
    const units = [{ id: '1', level: 'CITY' }, { id: '2', level: 'CENTER' }, { id: '3', level: 'CITY' }]
    expect(moveTargets({ id: '2', level: 'CENTER', parent: null }, units).map((u) => u.id)).toEqual(['1', '3'])
    expect(moveTargets({ id: '2', level: 'CENTER', parent: { id: '1' } }, units).map((u) => u.id)).toEqual(['3'])
  })
})
