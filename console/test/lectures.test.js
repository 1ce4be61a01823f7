import { describe, expect, test } from 'vitest'
import { assessedFromQuery, assessedLecturesLink, lectureInput, splitTopics } from '../src/views/results/lectures.js'
import { MENU } from '../src/menu.js'

describe('lecture forms', () => {
  test('topics are split on Chinese and ASCII separators, trimmed and deduplicated', () => {
    expect(splitTopics(' 党的二十大精神、乡村振兴，移风易俗,乡村振兴\n ')).toEqual(['党的二十大精神', '乡村振兴', '移风易俗'])
    expect(splitTopics('')).toEqual([])
  })

  test('a lecture input leaves out the optional ids it does not have', () => {
    const input = lectureInput('7', { topic: ' 宣讲 ', place: ' 说事大院 ', heldOn: '2026-02-20', audience: '45', lecturerIds: ['3'], groupId: '', activityId: ' ' })
    expect(input).toEqual({ orgUnitId: '7', topic: '宣讲', place: '说事大院', heldOn: '2026-02-20', audience: 45, lecturerIds: ['3'] })
    expect(lectureInput('7', { topic: 'a', place: 'b', heldOn: '2026-02-10', audience: 0, groupId: '5', activityId: '12' }))
      .toMatchObject({ groupId: '5', activityId: '12', lecturerIds: [] })
  })

  test('the 考核指标 figure drills down to the 考核计数 tab for its unit and month', () => {
    const link = assessedLecturesLink(12, '2026-03')
    expect(link).toEqual({ name: 'lectures', query: { tab: 'assessed', unit: '12', month: '2026-03' } })
    expect(assessedFromQuery(link.query, '1', '2026-11')).toEqual({ tab: 'assessed', unitId: '12', month: '2026-03' })
    // Opened from the menu, or with a query that makes no sense: the workspace unit this month.
    expect(assessedFromQuery({}, '1', '2026-11')).toEqual({ tab: 'lectures', unitId: '1', month: '2026-11' })
    expect(assessedFromQuery({ tab: 'x', unit: 'abc', month: '2026-13' }, '1', '2026-11'))
      .toEqual({ tab: 'lectures', unitId: '1', month: '2026-11' })
  })

  test('the screen is on the menu under 成果与考核', () => {
    const results = MENU.find((m) => m.title === '成果与考核')
    expect(results.items.map((i) => i.route)).toContain('lectures')
  })
})
