const { loadPage, fakeServer, text, texts } = require('./helpers')

const login = () => ({ wxLogin: { accessToken: 'a1', refreshToken: 'r1', user: { id: '1', roles: ['RESIDENT'], roleGrants: [] } } })

test('home shows nearby activities, stations, my balance and my next activity', async () => {
  const soon = new Date(Date.now() + 3600e3).toISOString()
  const later = new Date(Date.now() + 7200e3).toISOString()
  const server = fakeServer({
    WxLogin: login,
    NearbyActivities: (v) => {
      expect(v).toMatchObject({ latitude: 31.3403, longitude: 119.8233 })
      return { nearbyActivities: [{ distanceMeters: 120.4, activity: { id: '7', title: '社区义诊', startsAt: soon, endsAt: later, capacity: 20, confirmedCount: 3 } }] }
    },
    NearbyStations: () => ({ nearbyStations: [{ distanceMeters: 300, station: { id: '3', name: '东珠社区新时代文明实践站' } }] }),
    MyPoints: () => ({ me: { id: '1', points: { balance: 42, earnedThisYear: 50 } } }),
    MyActivities: () => ({ myActivities: { edges: [{ node: { id: '9', status: 'CONFIRMED', activity: { id: '7', title: '社区义诊', startsAt: soon, endsAt: later } } }], pageInfo: { hasNextPage: false } } }),
  })
  wx.__control.setTransport(server.transport)
  const page = loadPage('home')
  await page.instance.onLoad({})
  expect(text(page, '.balance')).toBe('42')
  expect(texts(page, '.activity')[0]).toContain('社区义诊')
  expect(texts(page, '.activity')[0]).toContain('120 米')
  expect(texts(page, '.station')[0]).toContain('东珠社区')
  expect(text(page, '.next-activity')).toContain('社区义诊')
  // one login, then every query carries the token
  expect(server.requests.filter((r) => r.name === 'WxLogin')).toHaveLength(1)
  expect(server.requests.filter((r) => r.name !== 'WxLogin').every((r) => r.auth === 'Bearer a1')).toBe(true)
})
