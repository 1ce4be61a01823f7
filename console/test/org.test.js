// The 人员与组织 screens' rules, checked before a request is sent (mirroring OrgController, AuthController,
// TeamController and CivilizedUnitController).
import { describe, expect, test } from 'vitest'
import {
  childLevel, civilizedKindLabel, civilizedUnitErrors, civilizedUnitInput, locationInput, moveTargets, pairableUnits,
  parentLevel, revokeReasonError, roleEventActor, roleEventCause, roleName, rolesForLevel, teamKindsFor, trainingErrors,
  unitChanges, unitFormErrors, unpairReasonError, userLookup,
} from '../src/views/org/org.js'

// A preorder walk as loadWorkspace builds it: a center, two institutes, their stations.
const UNITS = [
  { id: '1', name: '县中心', level: 'CENTER', depth: 0 },
  { id: '2', name: '宜城街道', level: 'INSTITUTE', depth: 1 },
  { id: '3', name: '东珠社区', level: 'STATION', depth: 2 },
  { id: '4', name: '西山村', level: 'STATION', depth: 2 },
  { id: '5', name: '丁蜀镇', level: 'INSTITUTE', depth: 1 },
  { id: '6', name: '川埠村', level: 'STATION', depth: 2 },
]

describe('org levels and roles', () => {
  test('a level has one child level and one parent level', () => {
    expect(childLevel('CENTER')).toBe('INSTITUTE')
    expect(childLevel('STATION')).toBe('POINT')
    expect(childLevel('POINT')).toBeNull()
    expect(parentLevel('STATION')).toBe('INSTITUTE')
    expect(parentLevel('CENTER')).toBe('CITY')
    expect(parentLevel('CITY')).toBeNull()
    expect(childLevel('CITY')).toBe('CENTER')
  })

  test('admin roles go on units of their own level only', () => {
    expect(rolesForLevel('STATION')).toEqual(['STATION_ADMIN'])
    expect(rolesForLevel('CENTER')).toEqual(['CENTER_ADMIN'])
    expect(rolesForLevel('CITY')).toEqual(['CITY_ADMIN'])
    expect(rolesForLevel('POINT')).toEqual([])
  })

  test('a unit moves under another unit one level up, not under its parent now', () => {
    const station = { id: '3', level: 'STATION', parent: { id: '2' } }
    expect(moveTargets(station, UNITS).map((u) => u.id)).toEqual(['5'])
    expect(moveTargets({ id: '2', level: 'INSTITUTE', parent: { id: '1' } }, UNITS)).toEqual([])
  })

  test('a revocation may give a reason of up to 200 characters', () => {
    expect(revokeReasonError('')).toBe(true)
    expect(revokeReasonError(null)).toBe(true)
    expect(revokeReasonError('  调离本站 ')).toBe(true)
    expect(revokeReasonError('长'.repeat(200))).toBe(true)
    expect(revokeReasonError('长'.repeat(201))).toBe('撤销理由不超过 200 字')
  })

  test('the role history names every role, cause and actor', () => {
    expect(roleName('STATION_ADMIN')).toBe('站长')
    expect(roleName('TEAM_LEADER')).toBe('队长')
    expect(roleName('VOLUNTEER')).toBe('志愿者')
    expect(roleEventCause('TEAM_DISBANDED')).toBe('解散队伍')
    expect(roleEventCause('BEFORE_HISTORY')).toBe('启用记录前已授予')
    expect(roleEventActor({ actorUserId: '7', actorName: '王站长' })).toBe('王站长')
    // The system acted: no person to name.
    expect(roleEventActor({ actorUserId: null, actorName: null, cause: 'REGISTRATION' })).toBe('系统')
  })

  test('a 总队 is set up at a center only', () => {
    expect(teamKindsFor('CENTER')).toContain('GENERAL')
    expect(teamKindsFor('STATION')).toEqual(['BRANCH', 'SQUAD', 'SPECIALTY'])
  })
})

describe('the unit form', () => {
  const valid = { name: '东珠社区', address: '东珠路 1 号', regionCode: '320282', latitude: 31.36, longitude: 119.81, phone: '0510-87654321' }

  test('a complete unit passes', () => {
    expect(unitFormErrors(valid)).toEqual({})
    expect(unitFormErrors({ name: '新站', latitude: null, longitude: null, phone: '' })).toEqual({})
  })

  test('each rule has its own message', () => {
    expect(unitFormErrors({ ...valid, name: '  ' }).name).toBe('请填写单位名称')
    expect(unitFormErrors({ ...valid, name: '站'.repeat(101) }).name).toBe('单位名称不超过 100 字')
    expect(unitFormErrors({ ...valid, regionCode: '32a' }).regionCode).toBeTruthy()
    expect(unitFormErrors({ ...valid, longitude: null }).location).toBe('纬度和经度须同时填写或同时留空')
    expect(unitFormErrors({ ...valid, latitude: 91 }).location).toBe('坐标超出范围')
    expect(unitFormErrors({ ...valid, phone: '12345' }).phone).toBeTruthy()
    expect(unitFormErrors({ ...valid, phone: '13800138000' })).toEqual({})
  })

  test('the location is replaced whole, blanks sent as null', () => {
    expect(locationInput('9', { address: ' 东珠路 ', regionCode: '', latitude: null, longitude: undefined }))
      .toEqual({ id: '9', address: '东珠路', regionCode: null, latitude: null, longitude: null })
  })

  test('only the changed parts are sent', () => {
    const unit = { name: '东珠社区', phone: null, address: '东珠路 1 号', regionCode: null, latitude: 31.36, longitude: 119.81 }
    const form = { name: '东珠社区 ', phone: '', address: '东珠路 1 号', regionCode: '', latitude: 31.36, longitude: 119.81 }
    expect(unitChanges(unit, form)).toEqual({ name: false, phone: false, location: false })
    expect(unitChanges(unit, { ...form, phone: '13800138000' })).toEqual({ name: false, phone: true, location: false })
    expect(unitChanges(unit, { ...form, latitude: 31.5 })).toEqual({ name: false, phone: false, location: true })
    expect(unitChanges(unit, { ...form, name: '东珠' }).name).toBe(true)
  })
})

describe('other forms', () => {
  test('a user is looked up by phone or by number', () => {
    expect(userLookup(' 13800138000 ')).toEqual({ phone: '13800138000' })
    expect(userLookup('42')).toEqual({ userId: '42' })
    expect(userLookup('张三')).toBeNull()
    expect(userLookup('')).toBeNull()
  })

  test('training needs a course and a time not in the future', () => {
    const now = Date.parse('2026-12-01T00:00:00Z')
    expect(trainingErrors({ course: '岗前培训', completedAt: '2026-11-30T00:00:00Z' }, now)).toEqual({})
    expect(trainingErrors({ course: ' ', completedAt: null }, now)).toEqual({ course: '请填写培训课程', completedAt: '请选择完成时间' })
    expect(trainingErrors({ course: '岗前培训', completedAt: '2026-12-02T00:00:00Z' }, now).completedAt).toBe('完成时间不能晚于现在')
  })

  test('a civilized unit needs a name; the phone is digits, + and -', () => {
    expect(civilizedUnitErrors({ name: '宜兴农商行', contactPhone: '0510-8888888' })).toEqual({})
    expect(civilizedUnitErrors({ name: '', contactPhone: '电话' })).toEqual({ name: '请填写文明单位名称', contactPhone: '请填写正确的联系电话' })
  })

  test('a civilized unit pairs with the unpaired 站, 所 and 中心 at or under the unit it is registered at', () => {
    const atInstitute = { orgUnit: { id: '2' }, pairedUnits: [{ id: '4' }] }
    expect(pairableUnits(atInstitute, UNITS).map((u) => u.id)).toEqual(['2', '3'])
    expect(pairableUnits({ orgUnit: { id: '1' }, pairedUnits: [] }, UNITS).map((u) => u.id)).toEqual(['1', '2', '3', '4', '5', '6'])
    expect(pairableUnits({ orgUnit: { id: '1' }, pairedUnits: [{ id: '1' }, { id: '5' }] }, UNITS).map((u) => u.id)).toEqual(['2', '3', '4', '6'])
    expect(pairableUnits({ orgUnit: { id: '6' }, pairedUnits: [] }, UNITS).map((u) => u.id)).toEqual(['6'])
    expect(pairableUnits({ orgUnit: { id: 'gone' }, pairedUnits: [] }, UNITS)).toEqual([])
    // A 点 is never paired with, nor a closed unit.
    const withPoint = [...UNITS, { id: '7', level: 'POINT', depth: 3 }, { id: '8', level: 'STATION', depth: 2, status: 'CLOSED' }]
    expect(pairableUnits({ orgUnit: { id: '5' }, pairedUnits: [] }, withPoint).map((u) => u.id)).toEqual(['5', '6'])
  })

  test('a 文明校园 names its 学段; only a campus sends one', () => {
    expect(civilizedUnitErrors({ kind: 'CAMPUS', name: '' })).toEqual({ name: '请填写学校名称', schoolLevel: '请选择学段' })
    expect(civilizedUnitErrors({ kind: 'CAMPUS', name: '宜兴市实验小学', schoolLevel: 'PRIMARY' })).toEqual({})
    expect(civilizedUnitErrors({ kind: 'UNIT', name: '宜兴农商行', schoolLevel: 'NONSENSE' })).toEqual({})
    expect(civilizedUnitInput({ kind: 'UNIT', name: ' 农商行 ', orgUnitId: '2', contactName: ' ', contactPhone: '', schoolLevel: 'PRIMARY' }))
      .toEqual({ name: '农商行', orgUnitId: '2', contactName: null, contactPhone: null, kind: 'UNIT', schoolLevel: null })
    expect(civilizedUnitInput({ kind: 'CAMPUS', name: '实验小学', orgUnitId: '2', schoolLevel: 'PRIMARY' }))
      .toMatchObject({ kind: 'CAMPUS', schoolLevel: 'PRIMARY' })
    expect(civilizedKindLabel({ kind: 'CAMPUS', schoolLevel: 'UNIVERSITY' })).toBe('文明校园 · 高校')
    expect(civilizedKindLabel({ kind: 'UNIT' })).toBe('文明单位')
    expect(civilizedKindLabel({})).toBe('文明单位')
  })

  test('ending a pairing needs a reason of at most 200 字', () => {
    expect(unpairReasonError('  ')).toBe('请填写解除原因')
    expect(unpairReasonError('长'.repeat(201))).toBe('解除原因不超过 200 字')
    expect(unpairReasonError('共建协议到期')).toBe(true)
  })
})
