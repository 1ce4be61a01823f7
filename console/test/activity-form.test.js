// The activity form checks what the backend checks (ActivityController, ActivityService), so an admin
// sees the problem beside the field instead of a refused request.
import { describe, expect, test } from 'vitest'
import { activityInput, validateActivity } from '../src/views/activities/labels.js'

const now = Date.parse('2026-12-01T00:00:00Z')
const valid = () => ({
  projectId: '7', title: ' 敬老院探访 ', startsAt: '2026-12-05T01:00:00Z', endsAt: '2026-12-05T04:00:00Z', signUpDeadline: null,
  address: '宜城街道东珠路 18 号', latitude: 31.3665, longitude: 119.8148, geofenceMeters: 500, capacity: 20, skills: ['理发'],
  contactPhone: '0510-8765 4321', status: 'DRAFT',
})

describe('validateActivity', () => {
  test('a complete form passes', () => {
    expect(validateActivity(valid(), { creating: true, now })).toEqual({})
  })

  test.each([
    ['title', { title: '  ' }],
    ['title', { title: 'x'.repeat(101) }],
    ['projectId', { projectId: null }],
    ['time', { endsAt: '2026-12-05T01:00:00Z' }],
    ['time', { endsAt: '2026-12-05T13:01:00Z' }],
    ['signUpDeadline', { signUpDeadline: '2026-12-05T05:00:00Z' }],
    ['address', { address: '' }],
    ['location', { latitude: 91 }],
    ['capacity', { capacity: 0 }],
    ['capacity', { capacity: 3, confirmedCount: 4 }],
    ['geofenceMeters', { geofenceMeters: 20 }],
    ['contactPhone', { contactPhone: '电话 123' }],
    ['skills', { skills: ['x'.repeat(21)] }],
  ])('refuses a bad %s', (field, change) => {
    expect(Object.keys(validateActivity({ ...valid(), ...change }, { creating: true, now }))).toEqual([field])
  })

  test('a published activity may not be moved into the past; the project is not asked on update', () => {
    const past = { ...valid(), status: 'PUBLISHED', startsAt: '2026-11-30T01:00:00Z', endsAt: '2026-11-30T02:00:00Z', projectId: null }
    expect(validateActivity(past, { creating: false, now })).toEqual({ time: '已发布活动的开始时间须晚于现在' })
  })

  test('the input is trimmed, and names a project only when creating', () => {
    expect(activityInput(valid(), true)).toMatchObject({ projectId: '7', title: '敬老院探访', startsAt: '2026-12-05T01:00:00.000Z' })
    expect(activityInput(valid(), false)).not.toHaveProperty('projectId')
    // A new activity may name the paired 文明单位 / 文明校园 that runs it; an edit never sends one.
    expect(activityInput(valid(), true).civilizedUnitId).toBeNull()
    expect(activityInput({ ...valid(), civilizedUnitId: '9' }, true).civilizedUnitId).toBe('9')
    expect(activityInput({ ...valid(), civilizedUnitId: '9' }, false)).not.toHaveProperty('civilizedUnitId')
  })
})
