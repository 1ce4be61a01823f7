import { describe, expect, test } from 'vitest'
import { actionsFor, mapLink, routeError, routeInput, triageInput } from '../src/views/civic/civic.js'
import { MENU } from '../src/menu.js'
import { readFileSync } from 'node:fs'

const blank = { deadlineOn: '', reason: '', target: 'team', teamId: '', departmentName: '', departmentContact: '', note: '' }

describe('随手拍 triage desk', () => {
  test('each state offers only the moves the server allows from it', () => {
    expect(actionsFor('SUBMITTED')).toEqual(['accept', 'reject'])
    expect(actionsFor('ACCEPTED')).toEqual(['route', 'resolve'])
    expect(actionsFor('ROUTED')).toEqual(['route', 'resolve'])
    expect(actionsFor('RESOLVED')).toEqual(['verify', 'sendBack'])
    expect(actionsFor('VERIFIED')).toEqual([])
    expect(actionsFor('REJECTED')).toEqual([])
  })

  test('triage sends a deadline to accept and a trimmed reason to reject', () => {
    expect(triageInput('8', true, { ...blank, deadlineOn: '2026-12-10', reason: 'x' })).toEqual({ reportId: '8', accept: true, deadlineOn: '2026-12-10' })
    expect(triageInput('8', false, { ...blank, reason: ' 不属于受理范围 ' })).toEqual({ reportId: '8', accept: false, reason: '不属于受理范围' })
  })

  test('a route goes to a team or to a department with name and contact, never both', () => {
    expect(routeError(blank)).toBe('请选择队伍')
    expect(routeInput('8', { ...blank, teamId: '3', departmentName: '城管局', note: ' 加急 ' })).toEqual({ reportId: '8', teamId: '3', note: '加急' })
    const department = { ...blank, target: 'department', departmentName: ' 区城市管理局 ', departmentContact: '' }
    expect(routeError(department)).toBe('请填写责任部门联系方式')
    department.departmentContact = '0523-86801234'
    expect(routeError(department)).toBe('')
    expect(routeInput('8', department)).toEqual({ reportId: '8', departmentName: '区城市管理局', departmentContact: '0523-86801234' })
  })

  test('the point links to the map only when the report carries coordinates', () => {
    expect(mapLink({ latitude: 32.32, longitude: 119.88, categoryLabel: '乱停乱放' })).toContain('position=119.88,32.32')
    expect(mapLink({ latitude: null, longitude: null })).toBe('')
  })

  test('the screen is on the menu under 派单台 and its route is lazy', () => {
    expect(MENU.find((m) => m.title === '派单台').items.map((i) => i.route)).toContain('civic')
    // Read from the source, as router.test.js does (the router needs a browser).
    const source = readFileSync(new URL('../src/router.js', import.meta.url), 'utf8')
    expect(source).toContain("const CivicView = () => import('./views/civic/CivicView.vue')")
    expect(source).toMatch(/path: 'civic', name: 'civic', component: CivicView/)
  })
})
