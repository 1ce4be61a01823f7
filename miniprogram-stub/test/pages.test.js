const client = require('../api/client')
const qr = require('../pages/checkin/qr')
const { loadPage, fakeServer, text, texts } = require('./helpers')

function signedIn(name, userId = '1') {
  wx.__control.use(name)
  wx.setStorageSync(client.SESSION_KEY, { accessToken: `a-${name}`, refreshToken: 'r', user: { id: userId, roles: ['RESIDENT'], roleGrants: [{ role: 'STATION_ADMIN', orgUnitId: '30' }] } })
}

const tap = (dataset) => ({ currentTarget: { dataset } })

test('the need page shows the timeline and rates with the chosen stars', async () => {
  signedIn('resident')
  let rated = null
  const need = (status) => ({
    need: {
      id: '5', title: '修灯', description: '客厅灯不亮', status, stationName: '东珠站', category: { name: '生活服务' },
      contactName: '张三', contactPhone: '13800138000', address: '幸福里', assignedTeamId: null, assignedUserId: '9',
      ratingStars: rated && rated.stars, ratingComment: rated && rated.comment, contentHold: null,
      timeline: [
        { fromStatus: null, toStatus: 'SUBMITTED', note: null, at: '2026-11-20T01:00:00Z' },
        { fromStatus: 'IN_PROGRESS', toStatus: 'COMPLETED', note: '已修好', at: '2026-11-21T01:00:00Z' },
      ],
      participants: [],
    },
  })
  const server = fakeServer({
    NeedDetail: () => need(rated ? 'RATED' : 'COMPLETED'),
    RateNeed: (v) => {
      rated = v.input
      return { rateNeed: { id: '5', status: 'RATED', ratingStars: v.input.stars } }
    },
  })
  wx.__control.setTransport(server.transport)
  const page = loadPage('need')
  await page.instance.onLoad({ id: '5' })
  expect(texts(page, '.step')[1]).toContain('已完成，待评价：已修好')
  expect(page.instance.data.isAssignee).toBe(false)
  page.instance.setStars(tap({ stars: 4 }))
  expect(page.instance.data.starOptions.map((o) => o.on)).toEqual([true, true, true, true, false])
  page.instance.onComment({ detail: { value: '很好' } })
  await page.instance.rate()
  expect(rated).toEqual({ needId: '5', stars: 4, comment: '很好' })
  expect(text(page, '.status')).toBe('已评价')
})

test('a refused rating shows the code and keeps the page usable', async () => {
  signedIn('resident2')
  const server = fakeServer({
    NeedDetail: () => ({ need: { id: '6', title: 't', description: 'd', status: 'COMPLETED', stationName: 's', category: { name: 'c' }, timeline: [], participants: [] } }),
    RateNeed: () => {
      throw { code: 'CONTENT_REJECTED' }
    },
  })
  wx.__control.setTransport(server.transport)
  const page = loadPage('need')
  await page.instance.onLoad({ id: '6' })
  await page.instance.rate()
  expect(page.instance.data.errorCode).toBe('CONTENT_REJECTED')
  expect(text(page, '.error')).toBe('内容含有违规信息，请修改后重新提交')
  expect(wx.__control.toasts).toContain('内容含有违规信息，请修改后重新提交')
})

test('the activity page keeps a 公众号 menu source and drops a malformed one', async () => {
  signedIn('vol')
  const calls = []
  const server = fakeServer({
    ActivityDetail: () => ({ activity: { id: '7', title: '义诊', status: 'PUBLISHED', startsAt: '2026-12-01T01:00:00Z', endsAt: '2026-12-01T03:00:00Z', capacity: 1, confirmedCount: 1, project: { name: 'p' }, mySignUp: null } }),
    SignUp: (v) => {
      calls.push(v)
      return { signUp: { id: '1', status: 'WAITLISTED', waitlistPosition: 1, source: v.source } }
    },
  })
  wx.__control.setTransport(server.transport)
  const page = loadPage('activity')
  await page.instance.onLoad({ id: '7', source: 'menu' })
  expect(text(page, '.sign-up')).toBe('候补报名')
  await page.instance.signUp()
  const other = loadPage('activity')
  await other.instance.onLoad({ id: '7', source: '<script>' })
  await other.instance.signUp()
  expect(calls).toEqual([{ activityId: '7', source: 'menu' }, { activityId: '7', source: null }])
})

test('check-in refuses a QR code of another activity without calling the server', async () => {
  signedIn('vol2')
  const server = fakeServer({})
  wx.__control.setTransport(server.transport)
  wx.__control.current.scanResult = qr.encode('99', 'token')
  const page = loadPage('checkin')
  page.instance.onLoad({ id: '7' })
  await page.instance.checkIn()
  expect(page.instance.data.errorCode).toBe('CHECK_IN_TOKEN_INVALID')
  expect(server.requests).toEqual([])
})

test('check-in sends the scanned token with the phone location', async () => {
  signedIn('vol3')
  const server = fakeServer({
    CheckIn: (v) => ({ checkIn: { id: '1', checkedInAt: '2026-11-23T01:00:00Z' } }),
  })
  wx.__control.setTransport(server.transport)
  wx.__control.current.scanResult = qr.encode('7', 'abc.def')
  wx.__control.current.location = { latitude: 31.1, longitude: 119.9 }
  const page = loadPage('checkin')
  page.instance.onLoad({ id: '7' })
  await page.instance.checkIn()
  expect(server.requests[0].variables).toEqual({ activityId: '7', token: 'abc.def', latitude: 31.1, longitude: 119.9 })
  expect(text(page, '.checked-in')).toBe('签到：11-23 09:00')
})

test('the admin page uses the caller admin unit, publishes and dispatches with a deadline', async () => {
  signedIn('admin')
  let status = 'SUBMITTED'
  let dispatched = null
  const server = fakeServer({
    StationNeeds: (v) => {
      expect(v.orgUnitId).toBe('30')
      const node = { id: '5', title: '修灯', status, category: { name: '生活服务' }, createdAt: '2026-11-20T01:00:00Z' }
      return { stationNeeds: { edges: v.status === status ? [{ node }] : [], pageInfo: { hasNextPage: false } } }
    },
    PublishNeed: () => {
      status = 'PUBLISHED'
      return { publishNeed: { id: '5', status } }
    },
    SuggestAssignees: () => ({ suggestAssignees: [{ kind: 'TEAM', teamId: '8', volunteerUserId: null, name: '电工队', score: 0.8, factors: [{ name: 'SKILL_MATCH', value: 1, weight: 0.4 }] }] }),
    DispatchNeed: (v) => {
      dispatched = v.input
      status = 'DISPATCHED'
      return { dispatchNeed: { id: '5', status } }
    },
  })
  wx.__control.setTransport(server.transport)
  const page = loadPage('staff/admin')
  await page.instance.onLoad({})
  expect(texts(page, '.submitted')[0]).toContain('修灯')
  await page.instance.publish(tap({ id: '5' }))
  expect(page.instance.data.published.items).toHaveLength(1)
  await page.instance.suggest(tap({ id: '5' }))
  expect(texts(page, '.suggestion')[0]).toContain('电工队（80 分）')
  await page.instance.dispatch(tap({ id: '5', team: '8' }))
  expect(dispatched.teamId).toBe('8')
  const days = (new Date(dispatched.deadline) - Date.now()) / 86400e3
  expect(days).toBeGreaterThan(2.9)
  expect(page.instance.data.published.items).toHaveLength(0)
})

test('an admin who publishes is asked for new-need and overdue messages and the accepted ones are reported', async () => {
  signedIn('admin')
  const server = fakeServer({
    StationNeeds: () => ({ stationNeeds: { edges: [], pageInfo: { hasNextPage: false } } }),
    PublishNeed: () => ({ publishNeed: { id: '5', status: 'PUBLISHED' } }),
    SubscriptionTemplates: () => ({ subscriptionTemplates: [
      { kind: 'NEED_SUBMITTED', templateId: 't-new' },
      { kind: 'NEED_OVERDUE', templateId: 't-overdue' },
      { kind: 'NEED_PUBLISHED', templateId: 't-published' },
    ] }),
    RecordSubscriptions: (v) => ({ recordSubscriptions: { balances: [], ignoredTemplateIds: [] } }),
  })
  wx.__control.setTransport(server.transport)
  wx.__control.current.subscribeAnswers = { 't-new': 'accept' }
  const page = loadPage('staff/admin')
  await page.instance.onLoad({ orgUnitId: '30' })
  await page.instance.publish(tap({ id: '5' }))
  expect(server.requests.find((r) => r.name === 'RecordSubscriptions').variables).toEqual({ templateIds: ['t-new'], idempotencyKey: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/) })
})

test('the wish wall finds the nearest station and reads anonymously', async () => {
  signedIn('anyone')
  const server = fakeServer({
    NearbyStations: () => ({ nearbyStations: [{ distanceMeters: 10, station: { id: '30', name: '东珠站' } }] }),
    WishWall: (v) => ({ wishWall: { edges: [{ node: { id: '5', title: '修灯', category: { name: '生活服务' }, stationName: '东珠站', maskedContactName: '张*', publishedAt: '2026-11-20T01:00:00Z' } }], pageInfo: { hasNextPage: false, endCursor: 'c' } } }),
  })
  wx.__control.setTransport(server.transport)
  const page = loadPage('wishwall')
  await page.instance.onLoad({})
  expect(texts(page, '.wish')[0]).toContain('张*')
  expect(server.requests.find((r) => r.name === 'WishWall')).toMatchObject({ variables: { orgUnitId: '30' }, auth: undefined })
})
