import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { beijingToday, localDay, progressText, reasonValid, statusText, taskInput, validateTask } from '../src/views/projects/tasks.js'

describe('服务项目 任务分解', () => {
  const filled = { title: ' 入户走访独居老人 ', description: '', dueDate: '2026-12-05', ownerKind: 'TEAM', ownerTeamId: '4', ownerVolunteerId: '9' }

  test('today is Beijing’s date, whatever the browser’s zone', () => {
    // 20:00 UTC on 4 Dec is already 5 Dec in Beijing.
    expect(beijingToday(new Date('2026-12-04T20:00:00Z'))).toBe('2026-12-05')
    expect(beijingToday(new Date('2026-12-04T15:59:00Z'))).toBe('2026-12-04')
    expect(localDay(new Date(2026, 0, 7))).toBe('2026-01-07')
  })

  test('a task needs a text, a date not before today and the owner of the chosen kind', () => {
    expect(validateTask(filled, '2026-12-05')).toEqual({})
    expect(validateTask({ ...filled, title: ' ', dueDate: '2026-12-04', ownerTeamId: null }, '2026-12-05'))
      .toEqual({ title: '请填写任务内容', dueDate: '日期不能早于今天', owner: '请选择负责队伍' })
    expect(validateTask({ ...filled, ownerKind: 'VOLUNTEER', ownerVolunteerId: null, dueDate: null }, '2026-12-05'))
      .toEqual({ dueDate: '请选择日期', owner: '请选择负责志愿者' })
    expect(validateTask({ ...filled, title: 'x'.repeat(61) }, '2026-12-05').title).toBe('任务内容不超过 60 个字')
  })

  test('the input carries exactly one owner, as the kind chosen says', () => {
    expect(taskInput(filled, '12')).toEqual({ projectId: '12', title: '入户走访独居老人', description: null, dueDate: '2026-12-05', ownerTeamId: '4', ownerVolunteerId: null })
    expect(taskInput({ ...filled, ownerKind: 'VOLUNTEER', description: ' 带上台账 ' }, '12'))
      .toMatchObject({ ownerTeamId: null, ownerVolunteerId: '9', description: '带上台账' })
  })

  test('progress, status and the reason a cancellation or a new date needs', () => {
    expect(progressText({ total: 5, done: 3, overdue: 1 })).toBe('3/5 完成 · 1 逾期')
    expect(progressText({ total: 2, done: 0, overdue: 0 })).toBe('0/2 完成')
    expect(progressText({ total: 0, done: 0, overdue: 0 })).toBe('—')
    expect(statusText({ status: 'OPEN', overdue: true })).toBe('已逾期')
    expect(statusText({ status: 'DONE', overdue: false })).toBe('已完成')
    expect(reasonValid(' ')).toBe('请填写原因')
    expect(reasonValid('x'.repeat(151))).toBe('原因不超过 150 字')
    expect(reasonValid('暴雨顺延')).toBe(true)
  })

  test('the 服务项目 screen opens the task drawer and shows each project’s progress', () => {
    const view = fs.readFileSync(path.resolve(__dirname, '../src/views/projects/ProjectsView.vue'), 'utf8')
    expect(view).toContain('<ProjectTasksDrawer')
    expect(view).toContain('progressText(row.taskProgress)')
    const list = fs.readFileSync(path.resolve(__dirname, '../src/graphql/UnitProjectList.graphql'), 'utf8')
    expect(list).toContain('taskProgress { total done overdue }')
  })
})
