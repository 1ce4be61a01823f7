// 小程序码 posters (must-show 4, the page's half): a poster's code opens the sign-up page with only
// `scene`; the page reads the activity and the source from it and signs up under that source. The
// admin page fetches the poster code with the session's token, and shows refusals by their code.
const client = require('../api/client')
const { loadPage, fakeServer, text } = require('./helpers')

const activity = (mySignUp) => ({
  activity: {
    id: '12', title: '社区义诊', description: '测血压', status: 'PUBLISHED', startsAt: '2026-11-24T01:00:00Z', endsAt: '2026-11-24T03:00:00Z',
    signUpDeadline: null, address: '广场', latitude: 31, longitude: 120, capacity: 10, confirmedCount: 1, trainingRequired: false,
    contactName: '王', contactPhone: '1', orgUnitName: '东珠站', project: { id: '1', name: '健康江来', brand: true }, mySignUp,
  },
})

function signedIn(name, user) {
  wx.__control.use(name)
  wx.setStorageSync(client.SESSION_KEY, { accessToken: `a-${name}`, refreshToken: 'r', user })
}

test("a poster's scene opens the activity and the sign-up carries its source", async () => {
  signedIn('poster-vol', { id: '7', roles: ['VOLUNTEER'], roleGrants: [] })
  let signedUp = null
  const fake = fakeServer({
    ActivityDetail: (v) => {
      expect(v.id).toBe('12')
      return activity(signedUp ? { id: '5', status: 'CONFIRMED', waitlistPosition: null, checkedInAt: null, checkedOutAt: null, hours: null, hoursConfirmed: false } : null)
    },
    SignUp: (v) => {
      signedUp = v
      return { signUp: { id: '5', status: 'CONFIRMED', source: v.source, waitlistPosition: null } }
    },
    SubscriptionTemplates: () => ({ subscriptionTemplates: [] }),
  })
  wx.__control.setTransport(fake.transport)
  const page = loadPage('activity')
  // What WeChat passes for a 小程序码 with scene "a=12&s=poster".
  await page.instance.onLoad({ scene: encodeURIComponent('a=12&s=poster') })
  expect(text(page, '.title')).toBe('社区义诊')
  expect(page.instance.data.source).toBe('poster')
  await page.instance.signUp()
  expect(signedUp).toEqual({ activityId: '12', source: 'poster' })
  expect(text(page, '.sign-up-status')).toBe('已报名')
})

test('a malformed scene or source is not trusted', async () => {
  signedIn('poster-bad', { id: '7', roles: ['VOLUNTEER'], roleGrants: [] })
  const fake = fakeServer({ ActivityDetail: () => ({ activity: null }) })
  wx.__control.setTransport(fake.transport)
  const page = loadPage('activity')
  await page.instance.onLoad({ scene: encodeURIComponent('a=12;drop&s=POSTER!') })
  expect(page.instance.data.source).toBeNull()
  await page.instance.onLoad({ scene: '%E0%A4%A' })
  expect(page.instance.data.source).toBeNull()
  expect(page.instance.data.error).toBe('')
})

const empty = { edges: [], pageInfo: { hasNextPage: false, endCursor: null } }
const quietAdmin = (extra) =>
  fakeServer({
    StationNeeds: () => ({ stationNeeds: empty }),
    PendingNeedHours: () => ({ pendingNeedHours: empty }),
    PendingHonorHours: () => ({ pendingHonorHours: empty }),
    RevisitCandidates: () => ({ stationNeeds: empty }),
    ...extra,
  })

test("the admin downloads the activity's poster code with the session's token and shows it", async () => {
  signedIn('poster-admin', { id: '1', roles: ['STATION_ADMIN'], roleGrants: [{ role: 'STATION_ADMIN', orgUnitId: '30' }] })
  wx.__control.setTransport(quietAdmin().transport)
  const asked = []
  wx.__control.setDownloadTransport(async (options) => {
    asked.push(options)
    return { statusCode: 200, tempFilePath: 'wxfile://tmp/poster.png' }
  })
  const page = loadPage('staff/admin')
  await page.instance.onLoad({})
  page.instance.onActivityId({ detail: { value: '12' } })
  expect(await page.instance.loadPoster()).toBe('wxfile://tmp/poster.png')
  expect(asked).toHaveLength(1)
  expect(asked[0].url).toBe('http://localhost:8080/activities/12/wxacode?source=poster')
  expect(asked[0].header.Authorization).toBe('Bearer a-poster-admin')
  expect(page.querySelector('.poster-code')).toBeTruthy()
})

test('an expired login is refreshed once; a refusal shows its message', async () => {
  signedIn('poster-denied', { id: '1', roles: ['STATION_ADMIN'], roleGrants: [{ role: 'STATION_ADMIN', orgUnitId: '30' }] })
  const fake = quietAdmin({ RefreshToken: () => ({ refreshToken: { accessToken: 'fresh', refreshToken: 'r2', user: { id: '1', roles: ['STATION_ADMIN'], roleGrants: [] } } }) })
  wx.__control.setTransport(fake.transport)
  const tokens = []
  wx.__control.setDownloadTransport(async (options) => {
    tokens.push(options.header.Authorization)
    if (options.header.Authorization === 'Bearer a-poster-denied') return { statusCode: 401, tempFilePath: 'x' }
    return { statusCode: 403, tempFilePath: 'y', data: JSON.stringify({ errors: [{ message: '无权限', extensions: { code: 'FORBIDDEN' } }] }) }
  })
  const page = loadPage('staff/admin')
  await page.instance.onLoad({})
  page.instance.onActivityId({ detail: { value: '12' } })
  expect(await page.instance.loadPoster()).toBeUndefined()
  expect(tokens).toEqual(['Bearer a-poster-denied', 'Bearer fresh'])
  expect(page.instance.data.errorCode).toBe('FORBIDDEN')
  expect(page.querySelector('.poster-code')).toBeFalsy()
  expect(text(page, '.error')).toBeTruthy()
})
