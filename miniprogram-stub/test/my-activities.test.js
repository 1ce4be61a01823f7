// 我的活动: credit, honor and pending hours apart, and activity hours waiting for confirmation.
const client = require('../api/client')
const { loadPage, fakeServer, text, texts } = require('./helpers')

function signedIn(name) {
  wx.__control.use(name)
  wx.setStorageSync(client.SESSION_KEY, { accessToken: `a-${name}`, refreshToken: 'r', user: { id: '9', roles: ['RESIDENT', 'VOLUNTEER'], roleGrants: [] } })
}

const noRevocations = () => ({ hoursRevocations: { edges: [], pageInfo: { hasNextPage: false } } })
const stats = (extra) => ({ creditHours: 2, honorHours: 4, pendingHours: 1.5, hoursThisYear: 2, star: 0, activitiesCount: 1, needsCount: 0, ...extra })
const signUp = (id, title, hours, hoursConfirmed) => ({
  node: { id, status: 'CONFIRMED', waitlistPosition: null, checkedInAt: '2026-11-20T01:00:00Z', checkedOutAt: hours == null ? null : '2026-11-20T03:00:00Z', hours, hoursConfirmed, activity: { id: `a${id}`, title, status: 'ENDED', startsAt: '2026-11-20T01:00:00Z', endsAt: '2026-11-20T03:00:00Z', address: 'x' } },
  cursor: id,
})

test('credit, honor and pending hours are shown apart, and unconfirmed activity hours say 待确认', async () => {
  signedIn('vol-hours')
  const server = fakeServer({
    MyVolunteer: () => ({ myVolunteer: { id: '3', homeStationId: '30', stats: stats() } }),
    MyActivities: (v) =>
      v.after === 'p1'
        ? { myActivities: { edges: [signUp('3', '敬老院探访', null, false)], pageInfo: { hasNextPage: false, endCursor: 'p2' } } }
        : { myActivities: { edges: [signUp('1', '社区义诊', 2, true), signUp('2', '垃圾分类宣传', 1.5, false)], pageInfo: { hasNextPage: true, endCursor: 'p1' } } },
    HoursRevocations: noRevocations,
  })
  wx.__control.setTransport(server.transport)
  const page = loadPage('my-activities')
  await page.instance.onLoad()
  expect(text(page, '.figure.credit .value')).toBe('2')
  expect(text(page, '.figure.honor .value')).toBe('4')
  expect(text(page, '.figure.pending .value')).toBe('1.5')
  expect(text(page, '.pending-note')).toContain('确认后')
  expect(text(page, '.summary')).toBe('0 星 · 今年 2 小时 · 活动 1 次 · 需求服务 0 次')
  expect(texts(page, '.my-activity')[0]).toContain('已确认 2 小时')
  expect(texts(page, '.my-activity')[1]).toContain('1.5 小时 待确认')
  expect(server.requests.find((r) => r.name === 'MyActivities').variables).toEqual({ first: 20, after: null })

  await page.instance.onReachBottom()
  expect(server.requests.filter((r) => r.name === 'MyActivities').map((r) => r.variables.after)).toEqual([null, 'p1'])
  expect(texts(page, '.my-activity')).toHaveLength(3)
  expect(texts(page, '.my-activity')[2]).toContain('已报名')
})

test('once confirmed, nothing is pending and no note is shown', async () => {
  signedIn('vol-confirmed')
  const server = fakeServer({
    MyVolunteer: () => ({ myVolunteer: { id: '3', homeStationId: '30', stats: stats({ creditHours: 3, pendingHours: 0, needsCount: 1 }) } }),
    MyActivities: () => ({ myActivities: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } } }),
    HoursRevocations: noRevocations,
  })
  wx.__control.setTransport(server.transport)
  const page = loadPage('my-activities')
  await page.instance.onLoad()
  expect(text(page, '.figure.credit .value')).toBe('3')
  expect(text(page, '.figure.pending .value')).toBe('0')
  expect(page.querySelectorAll('.pending-note')).toHaveLength(0)
  expect(text(page, '.empty-text')).toBe('还没有报名活动')
  expect(page.querySelectorAll('.revocations')).toHaveLength(0)
})

test('someone not registered as a volunteer sees no hours; a failure shows its message instead of the empty list', async () => {
  signedIn('not-a-volunteer')
  let fail = false
  const server = fakeServer({
    MyVolunteer: () => {
      if (fail) throw { code: 'UPSTREAM_UNAVAILABLE' }
      return { myVolunteer: null }
    },
    MyActivities: () => ({ myActivities: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } } }),
  })
  wx.__control.setTransport(server.transport)
  const page = loadPage('my-activities')
  await page.instance.onLoad()
  expect(page.querySelectorAll('.hours')).toHaveLength(0)
  expect(text(page, '.empty-text')).toBe('还没有报名活动')
  fail = true
  await page.instance.refresh()
  expect(page.instance.data.errorCode).toBe('UPSTREAM_UNAVAILABLE')
  expect(text(page, '.error')).toBe('服务暂不可用，请稍后再试')
  expect(page.querySelectorAll('.empty')).toHaveLength(0)
})

test('hours revoked after confirmation are listed with how many, of which activity, why, by whom and when', async () => {
  signedIn('vol-revoked')
  const revoked = (id, title, hours, reason) => ({ node: { signUpId: id, hours, revokedAt: '2026-11-21T02:05:00Z', revokedByName: '李站长', reason, activity: { id: `a${id}`, title } } })
  const server = fakeServer({
    MyVolunteer: () => ({ myVolunteer: { id: '3', homeStationId: '30', stats: stats() } }),
    MyActivities: () => ({ myActivities: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } } }),
    HoursRevocations: () => ({ hoursRevocations: { edges: [revoked('5', '河道巡查', 2.5, '重复登记'), revoked('6', '敬老院探访', 1, '未到场')], pageInfo: { hasNextPage: true } } }),
  })
  wx.__control.setTransport(server.transport)
  const page = loadPage('my-activities')
  await page.instance.onLoad()
  // Asked for the volunteer's own record (its id, not the user's).
  expect(server.requests.find((r) => r.name === 'HoursRevocations').variables).toEqual({ volunteerId: '3', first: 10 })
  const lines = texts(page, '.revocation')
  expect(lines).toHaveLength(2)
  expect(lines[0]).toContain('河道巡查 · 2.5 小时')
  expect(lines[0]).toContain('重复登记 · 李站长 · 11-21 10:05 撤销')
  expect(lines[1]).toContain('敬老院探访 · 1 小时')
  expect(text(page, '.more-revocations')).toContain('仅列出最近 10 条')
  page.instance.open({ currentTarget: { dataset: { id: 'a5' } } })
  expect(wx.__control.navigations).toContain('/pages/activity/activity?id=a5')
})
