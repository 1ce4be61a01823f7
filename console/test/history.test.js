import { describe, expect, test, vi } from 'vitest'
import { brandHistory, changeRows, inServicePartyHistory, needHoursTrailLine } from '../src/history.js'

const me = { id: '7' }

describe('flag histories shown where the flag is changed', () => {
  test('品牌项目: the project trail, newest first, with Beijing times, reasons and who', async () => {
    const call = vi.fn(async () => ({
      projectBrandChanges: [
        { id: '12', brand: false, reason: '活动停办', changedBy: '9', changedAt: '2026-12-04T16:30:00Z' },
        { id: '11', brand: true, reason: '群众认可度高', changedBy: '7', changedAt: '2026-03-01T02:00:00Z' },
      ],
    }))
    const rows = await brandHistory(call, '42', me)
    expect(call).toHaveBeenCalledWith('ProjectBrandChanges', { projectId: '42' })
    expect(rows).toEqual([
      { id: '12', when: '2026-12-05 00:30', change: '取消品牌项目', on: false, reason: '活动停办', by: '用户 9' },
      { id: '11', when: '2026-03-01 10:00', change: '标为品牌项目', on: true, reason: '群众认可度高', by: '我' },
    ])
  })

  test('在职党员: the volunteer trail', async () => {
    const call = vi.fn(async () => ({
      inServicePartyChanges: [
        { id: '3', inService: true, reason: '已到站报到', changedBy: 7, changedAt: '2026-05-01T00:00:00Z' },
      ],
    }))
    const rows = await inServicePartyHistory(call, '5', me)
    expect(call).toHaveBeenCalledWith('InServicePartyChanges', { volunteerId: '5' })
    expect(rows).toEqual([{ id: '3', when: '2026-05-01 08:00', change: '设为在职党员', on: true, reason: '已到站报到', by: '我' }])
  })

  test('no changes yet, or nobody signed in: nothing breaks', () => {
    expect(changeRows([], (c) => c.brand, { on: 'a', off: 'b' }, me)).toEqual([])
    expect(changeRows(null, (c) => c.brand, { on: 'a', off: 'b' }, me)).toEqual([])
    expect(changeRows([{ id: '1', brand: false, reason: 'r', changedBy: '7', changedAt: null }], (c) => c.brand,
      { on: 'a', off: 'b' }, null)[0]).toEqual({ id: '1', when: '', change: 'b', on: false, reason: 'r', by: '用户 7' })
  })

  test('an API refusal reaches the dialog (which shows it) instead of an empty list', async () => {
    const call = vi.fn(async () => {
      throw new Error('无权操作')
    })
    await expect(brandHistory(call, '42', me)).rejects.toThrow('无权操作')
  })
})

describe('a need participant\'s hours trail', () => {
  test('each adjustment: the hours it replaced, the new hours, why, who and when (Beijing time)', () => {
    expect(needHoursTrailLine({ hoursBefore: 2, hoursAfter: 1, reason: '中途离开', adjustedByName: '张三', adjustedAt: '2026-12-04T16:30:00Z' }))
      .toBe('2.0 → 1.0 小时 · 中途离开 · 张三 · 2026-12-05 00:30')
  })

  test('an adjustment from before the trail was kept: hours replaced and time unknown', () => {
    expect(needHoursTrailLine({ hoursBefore: null, hoursAfter: 1.5, reason: '核实后更正', adjustedByName: '王*', adjustedAt: null }))
      .toBe('— → 1.5 小时 · 核实后更正 · 王* · 时间不详')
  })
})
