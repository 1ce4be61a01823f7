import { describe, expect, test } from 'vitest'
import { defaultPeriod, editInput, figureRows, isoWeek, validPeriod } from '../src/views/results/reports.js'
import { MENU } from '../src/menu.js'

describe('工作报告 helpers', () => {
  test('ISO week labels match the backend (PeriodKeys): Monday to Sunday, the Thursday decides the year', () => {
    expect(isoWeek(new Date(Date.UTC(2026, 1, 9)))).toBe('2026-W07')
    expect(isoWeek(new Date(Date.UTC(2026, 1, 15)))).toBe('2026-W07')
    expect(isoWeek(new Date(Date.UTC(2026, 1, 16)))).toBe('2026-W08')
    expect(isoWeek(new Date(Date.UTC(2025, 11, 29)))).toBe('2026-W01')
    expect(isoWeek(new Date(Date.UTC(2027, 0, 1)))).toBe('2026-W53')
  })

  test('the default period is the last ended one in Beijing time', () => {
    // 2026-03-01 17:00 UTC is already Monday 2 March 01:00 in Beijing.
    const now = new Date(Date.UTC(2026, 2, 1, 17))
    expect(defaultPeriod('MONTHLY', now)).toBe('2026-02')
    expect(defaultPeriod('WEEKLY', now)).toBe('2026-W09')
    expect(defaultPeriod('WEEKLY', now, 0)).toBe('2026-W10')
    expect(defaultPeriod('MONTHLY', new Date(Date.UTC(2026, 0, 10)))).toBe('2025-12')
  })

  test('periods are checked for their kind', () => {
    expect(validPeriod('WEEKLY', '2026-W07')).toBe(true)
    expect(validPeriod('WEEKLY', '2026-02')).toBe(false)
    expect(validPeriod('MONTHLY', '2026-02')).toBe(true)
    expect(validPeriod('MONTHLY', '')).toBe(false)
  })

  test('figures are named and formatted, a missing rate shown as a dash', () => {
    const rows = figureRows({ activitiesHeld: 2, satisfactionRate: null, confirmedHours: 4.456 })
    expect(rows.find((r) => r.key === 'activitiesHeld')).toMatchObject({ name: '开展活动', value: '2' })
    expect(rows.find((r) => r.key === 'satisfactionRate').value).toBe('—')
    expect(rows.find((r) => r.key === 'confirmedHours').value).toBe('4.46')
  })

  test('the edit input trims highlights, dedupes activities and refuses more than five', () => {
    expect(editInput('9', '  亮点 ', ['1', '1', 2])).toEqual({ id: '9', highlights: '亮点', highlightedActivityIds: ['1', '2'] })
    expect(editInput('9', '   ', [])).toEqual({ id: '9', highlights: null, highlightedActivityIds: [] })
    expect(() => editInput('9', 'x', ['1', '2', '3', '4', '5', '6'])).toThrow('最多')
  })

  test('the screen is on the menu under 成果与考核', () => {
    const results = MENU.find((m) => m.title === '成果与考核')
    expect(results.items.map((i) => i.route)).toContain('reports')
  })
})
