import { describe, expect, test } from 'vitest'
import { DRILL_DOWNS, FIGURES, drillDownRows, drillDownVariables, formatValue } from '../src/views/results/results.js'
import { inServicePartyState, partyReasonError } from '../src/views/people/party.js'
import { personName, roleNames, staffTrainingErrors, staffTrainingInput } from '../src/views/org/org.js'
import { brandReasonError, isCenterAdmin } from '../src/views/projects/labels.js'
import { MENU } from '../src/menu.js'
import { ORG_ROUTES } from '../src/views/routes-org.js'

// Issue 18: the seed figures the assessment lacked, and the screens that feed them.
describe('seed figures in the console', () => {
  test('every new figure has a name and unit, and the two lists have a drill-down', () => {
    for (const kind of ['BRAND_PROJECTS', 'STAFF_TRAINING_SESSIONS', 'STAFF_TRAINING_COVERAGE', 'STATION_WEEKLY_ACTIVITIES', 'ACTIVE_TEAMS', 'IN_SERVICE_PARTY_PARTICIPATION']) {
      expect(FIGURES[kind].name).toBeTruthy()
    }
    expect(formatValue(66.666, 'ACTIVE_TEAMS')).toBe('66.7%')
    expect(formatValue(2, 'BRAND_PROJECTS')).toBe('2')
    expect(Object.keys(DRILL_DOWNS)).toEqual(['BRAND_PROJECTS', 'STAFF_TRAINING_COVERAGE'])
  })

  test('drill-down variables and rows', () => {
    expect(drillDownVariables('BRAND_PROJECTS', '7', '2026-03')).toEqual({ orgUnitId: '7', first: 100 })
    expect(drillDownVariables('STAFF_TRAINING_COVERAGE', '7', '2026-03')).toEqual({ orgUnitId: '7', year: 2026, month: 3, missingOnly: true })
    expect(drillDownRows('BRAND_PROJECTS', { projects: { edges: [{ node: { name: '健康江来', orgUnitName: '一站', brandMarkedAt: '2026-01-01T00:00:00Z' } }] } }))
      .toEqual([{ name: '健康江来', unit: '一站', note: '已标记' }])
    expect(drillDownRows('STAFF_TRAINING_COVERAGE', { staffTrainingCoverage: [{ userId: '5', nickname: null, orgUnitName: '二站', roles: ['STAFF', 'TEAM_LEADER'] }] }))
      .toEqual([{ name: '用户 5', unit: '二站', note: '工作人员、骨干（队长）' }])
  })

  test('在职党员: declared waits for confirmation, confirmed can be cleared, a reason is required', () => {
    expect(inServicePartyState({ inServicePartyDeclared: true, inServicePartyMember: false })).toMatchObject({ tag: '待确认', action: '确认' })
    expect(inServicePartyState({ inServicePartyDeclared: true, inServicePartyMember: true })).toMatchObject({ tag: '已确认', action: '取消' })
    expect(inServicePartyState({ inServicePartyDeclared: false, inServicePartyMember: false })).toMatchObject({ tag: '', action: '设为在职党员' })
    expect(partyReasonError('  ')).toBe('请填写原因')
    expect(partyReasonError('x'.repeat(201))).toBe('原因不超过 200 字')
    expect(partyReasonError('已到站报到')).toBeNull()
  })

  test('brand projects: only center admins see the buttons, a reason is required', () => {
    expect(isCenterAdmin({ roleGrants: [{ role: 'STATION_ADMIN', orgUnitId: '3' }] })).toBe(false)
    expect(isCenterAdmin({ roleGrants: [{ role: 'CENTER_ADMIN', orgUnitId: '1' }] })).toBe(true)
    expect(isCenterAdmin({ roleGrants: [{ role: 'CITY_ADMIN', orgUnitId: '9' }] })).toBe(true)
    expect(isCenterAdmin({ roleGrants: [{ role: 'INSTITUTE_ADMIN', orgUnitId: '2' }] })).toBe(false)
    expect(isCenterAdmin(null)).toBe(false)
    expect(brandReasonError('')).toBe('请填写原因')
    expect(brandReasonError('连续三年开展')).toBeNull()
  })

  test('staff training form: date, topic and attendees checked; attendees de-duplicated', () => {
    const today = new Date('2026-03-10T04:00:00Z')
    expect(staffTrainingErrors({ heldOn: null, topic: ' ', attendees: [] }, today)).toEqual({ heldOn: '请选择培训日期', topic: '请填写培训主题', attendees: '请选择参加人' })
    expect(staffTrainingErrors({ heldOn: '2026-03-11', topic: '培训', attendees: ['1'] }, today).heldOn).toBe('培训日期不能晚于今天')
    expect(staffTrainingErrors({ heldOn: '2026-03-10', topic: '培训', attendees: ['1'] }, today)).toEqual({})
    expect(staffTrainingInput({ heldOn: '2026-03-10', topic: ' 志愿服务管理 ', attendees: ['1', '2', '1'] }, '9'))
      .toEqual({ orgUnitId: '9', heldOn: '2026-03-10', topic: '志愿服务管理', attendeeUserIds: ['1', '2'] })
    expect(roleNames(['TEAM_LEADER'])).toBe('骨干（队长）')
    expect(personName({ userId: '3', nickname: '老王' })).toBe('老王')
  })

  test('the 骨干培训 screen is on the menu under 人员与组织 and routed', () => {
    const people = MENU.find((m) => m.title === '人员与组织')
    expect(people.items.map((i) => i.route)).toContain('staff-training')
    expect(ORG_ROUTES.map((r) => r.name)).toContain('staff-training')
  })
})
