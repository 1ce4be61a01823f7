// Every list page uses the one paged-list: an empty answer shows its empty state, a failed load
// shows the error state with 重试 (and not the empty state), and 重试 loads the list again.
const client = require('../api/client')
const { loadPage, fakeServer, text, texts, exists } = require('./helpers')

const conn = (nodes, hasNextPage = false, endCursor = null) => ({ edges: nodes.map((node) => ({ node })), pageInfo: { hasNextPage, endCursor } })
const UNAVAILABLE = '服务暂不可用，请稍后再试'
const points = () => ({ me: { id: '1', points: { balance: 3, debt: 0, earnedThisYear: 3 } } })
const tapList = (list) => ({ currentTarget: { dataset: { list } } })

// page, its query, the list's data key, the operation that fills it (answering `rows` or nothing),
// the other operations the page calls, the empty text and the selector of a row.
const PAGES = [
  {
    page: 'home', list: 'activities', op: 'NearbyActivities', empty: '附近暂无活动', row: '.activity',
    answer: (rows) => ({ nearbyActivities: rows.map((r) => ({ distanceMeters: 100, activity: { id: r, title: `活动${r}`, startsAt: '2026-12-01T01:00:00Z', endsAt: '2026-12-01T03:00:00Z', capacity: 5, confirmedCount: 1 } })) }),
    others: { NearbyStations: () => ({ nearbyStations: [] }), MyPoints: points, MyActivities: () => ({ myActivities: conn([]) }) },
  },
  {
    page: 'wishwall', query: { orgUnitId: '30' }, list: 'wishes', op: 'WishWall', empty: '暂无心愿', row: '.wish',
    answer: (rows) => ({ wishWall: conn(rows.map((r) => ({ id: r, title: `心愿${r}`, category: { name: '生活服务' }, stationName: '东珠站', maskedContactName: '张*', publishedAt: '2026-11-20T01:00:00Z' }))) }),
  },
  {
    page: 'my-needs', list: 'needs', op: 'MyNeeds', empty: '还没有提交过需求', row: '.my-need',
    answer: (rows) => ({ myNeeds: conn(rows.map((r) => ({ id: r, title: `需求${r}`, status: 'SUBMITTED', category: { name: 'c' }, createdAt: '2026-11-20T01:00:00Z' }))) }),
  },
  {
    page: 'my-activities', list: 'signUps', op: 'MyActivities', empty: '还没有报名活动', row: '.my-activity',
    answer: (rows) => ({ myActivities: conn(rows.map((r) => ({ id: r, status: 'CONFIRMED', hours: null, hoursConfirmed: false, activity: { id: r, title: `活动${r}`, startsAt: '2026-12-01T01:00:00Z', endsAt: '2026-12-01T03:00:00Z' } }))) }),
    others: { MyVolunteer: () => ({ myVolunteer: null }) },
  },
  {
    page: 'points', list: 'entries', op: 'PointsEntries', empty: '暂无积分记录', row: '.entry',
    answer: (rows) => ({ pointsEntries: conn(rows.map((r) => ({ id: r, type: 'ACTIVITY_HOURS', delta: 10, balanceAfter: 10, debtChange: 0, reason: null, createdAt: '2026-11-20T01:00:00Z' }))) }),
    others: { MyPoints: points },
  },
  {
    page: 'redemptions', list: 'redemptions', op: 'MyRedemptions', empty: '还没有兑换记录', row: '.redemption',
    answer: (rows) => ({ myRedemptions: conn(rows.map((r) => ({ id: r, quantity: 1, points: 5, status: 'FULFILLED', pickupCode: '12345678', expiresAt: '2026-12-01T01:00:00Z', reward: { id: '1', name: '大米', kind: 'GOODS' } }))) }),
  },
  {
    page: 'leaderboard', query: { scopeId: '30' }, list: 'entries', op: 'Leaderboard', empty: '暂无排名', row: '.entry',
    answer: (rows) => ({ leaderboard: { kind: 'VOLUNTEER_POINTS', period: 'MONTH', periodValue: '2026-12', entries: rows.map((r, i) => ({ rank: i + 1, id: r, name: `张${r}`, score: 10 })), me: null } }),
  },
  {
    page: 'rewards', query: { stationId: '30' }, list: 'rewards', op: 'Rewards', empty: '暂无可兑换的礼品', row: '.reward',
    answer: (rows) => ({ rewards: rows.map((r) => ({ id: r, name: `礼品${r}`, kind: 'GOODS', pricePoints: 5, stock: 3, perPersonLimit: 1, status: 'ON_SHELF' })) }),
    others: { MyPoints: points },
  },
]

const adminOthers = (except) => {
  const all = {
    StationNeeds: () => ({ stationNeeds: conn([]) }),
    PendingNeedHours: () => ({ pendingNeedHours: conn([]) }),
    PendingHonorHours: () => ({ pendingHonorHours: conn([]) }),
    RevisitCandidates: () => ({ stationNeeds: conn([]) }),
    StationVolunteers: () => ({ volunteers: conn([]) }),
  }
  delete all[except]
  return all
}
const needNode = (r) => ({ id: r, title: `需求${r}`, status: 'SUBMITTED', stationName: '东珠站', category: { name: 'c' }, createdAt: '2026-11-20T01:00:00Z' })
PAGES.push(
  {
    page: 'staff/admin', query: { orgUnitId: '30' }, list: 'submitted', op: 'StationNeeds', empty: '没有待审核的需求', row: '.submitted',
    answer: (rows, v) => ({ stationNeeds: conn(v.status === 'SUBMITTED' ? rows.map(needNode) : []) }),
    others: adminOthers('StationNeeds'),
  },
  {
    page: 'staff/admin', query: { orgUnitId: '30' }, list: 'published', op: 'StationNeeds', empty: '没有待派单的需求', row: '.published',
    answer: (rows, v) => ({ stationNeeds: conn(v.status === 'PUBLISHED' ? rows.map(needNode) : []) }),
    others: adminOthers('StationNeeds'),
  },
  {
    page: 'staff/admin', query: { orgUnitId: '30' }, list: 'signUps', op: 'ActivitySignUps', empty: '还没有人报名', row: '.sign-up',
    answer: (rows) => ({ activitySignUps: conn(rows.map((r) => ({ id: r, status: 'CONFIRMED', checkedInAt: null, checkedOutAt: null, hours: null, hoursConfirmed: false, volunteer: { id: r, maskedName: `张${r}` } }))) }),
    others: adminOthers(),
    // The sign-up list is for the activity the admin typed in.
    open: async (page) => {
      page.instance.setData({ activityId: '7' })
      await page.instance.loadSignUps()
    },
  },
)

function signIn(name) {
  wx.__control.use(name)
  wx.setStorageSync(client.SESSION_KEY, { accessToken: `a-${name}`, refreshToken: 'r', user: { id: '1', roles: ['RESIDENT'], roleGrants: [{ role: 'STATION_ADMIN', orgUnitId: '30' }] } })
}

async function open(spec, handlers) {
  const server = fakeServer({ ...(spec.others || {}), ...handlers })
  wx.__control.setTransport(server.transport)
  const page = loadPage(spec.page)
  await page.instance.onLoad(spec.query || {})
  if (spec.open) await spec.open(page)
  return { page, server }
}

describe.each(PAGES.map((p) => [`${p.page} ${p.list}`, p]))('%s', (name, spec) => {
  test('an empty answer shows the empty state and no rows', async () => {
    signIn(`empty-${name}`)
    const { page } = await open(spec, { [spec.op]: (v) => spec.answer([], v) })
    expect(page.instance.data[spec.list]).toMatchObject({ loaded: true, error: '', items: [] })
    expect(texts(page, '.empty-text')).toContain(spec.empty)
    expect(texts(page, spec.row)).toHaveLength(0)
    expect(exists(page, '.error-message')).toBe(false)
  })

  test('a failed load shows the error with 重试, and 重试 loads the rows', async () => {
    signIn(`error-${name}`)
    let fail = true
    const { page, server } = await open(spec, {
      [spec.op]: (v) => {
        if (fail) throw { code: 'UPSTREAM_UNAVAILABLE' }
        return spec.answer(['1', '2'], v)
      },
    })
    expect(page.instance.data[spec.list].error).toBe(UNAVAILABLE)
    expect(texts(page, '.error-message')).toContain(UNAVAILABLE)
    expect(texts(page, '.empty-text')).not.toContain(spec.empty)
    fail = false
    const before = server.requests.filter((r) => r.name === spec.op).length
    // (the admin's 待审核 and 待派单 fail together; each is retried on its own)
    const errorsBefore = texts(page, '.error-message').length
    await page.instance.retry(tapList(spec.list))
    expect(server.requests.filter((r) => r.name === spec.op).length).toBeGreaterThan(before)
    expect(page.instance.data[spec.list]).toMatchObject({ error: '' })
    expect(texts(page, spec.row)).toHaveLength(2)
    expect(texts(page, '.error-message')).toHaveLength(errorsBefore - 1)
  })
})

test('加载更多 asks for the next page after the last cursor and appends it', async () => {
  signIn('pager')
  const asked = []
  const server = fakeServer({
    MyNeeds: (v) => {
      asked.push(v)
      const first = !v.after
      const rows = (first ? ['1', '2'] : ['3']).map((r) => ({ id: r, title: `需求${r}`, status: 'SUBMITTED', category: { name: 'c' }, createdAt: '2026-11-20T01:00:00Z' }))
      return { myNeeds: conn(rows, first, first ? 'c2' : 'c3') }
    },
  })
  wx.__control.setTransport(server.transport)
  const page = loadPage('my-needs')
  await page.instance.onLoad()
  expect(texts(page, '.more')).toEqual(['加载更多'])
  await page.instance.onReachBottom()
  expect(asked).toEqual([{ first: 20, after: null }, { first: 20, after: 'c2' }])
  expect(texts(page, '.my-need')).toHaveLength(3)
  expect(exists(page, '.more')).toBe(false)
  expect(text(page, '.list-end')).toBe('没有更多了')
  // the end reached: the bottom asks nothing more
  await page.instance.onReachBottom()
  expect(asked).toHaveLength(2)
})

test('a top-N board grows by asking for 20 more and shows only the new rows once', async () => {
  signIn('board')
  const firsts = []
  const server = fakeServer({
    Leaderboard: (v) => {
      firsts.push(v.first)
      const entries = Array.from({ length: Math.min(v.first, 25) }, (_, i) => ({ rank: i + 1, id: String(i + 1), name: `张${i + 1}`, score: 100 - i }))
      return { leaderboard: { kind: v.kind, period: v.period, periodValue: 'x', entries, me: { rank: 3, id: '3', score: 98 } } }
    },
  })
  wx.__control.setTransport(server.transport)
  const page = loadPage('leaderboard')
  await page.instance.onLoad({ scopeId: '30' })
  expect(page.instance.data.entries.hasNextPage).toBe(true)
  await page.instance.loadMore(tapList('entries'))
  expect(firsts).toEqual([20, 40])
  expect(page.instance.data.entries.items.map((e) => e.rank)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1))
  expect(page.instance.data.entries.hasNextPage).toBe(false)
  expect(text(page, '.my-rank')).toContain('第 3 名')
})

test('the 资源清单 grows each list by 20 more from the server’s top, for the same filter', async () => {
  signIn('resources-more')
  const asked = []
  const teamRow = (i) => ({ id: String(i), name: `队伍${i}`, kind: 'SQUAD', description: '', orgUnitName: '东珠站', skills: ['电路'], categories: [], memberCount: 3 })
  const server = fakeServer({
    Resources: (v) => {
      asked.push({ first: v.first, skill: v.filter.skill })
      return { resources: { teams: Array.from({ length: Math.min(v.first, 25) }, (_, i) => teamRow(i + 1)), volunteers: [] } }
    },
  })
  wx.__control.setTransport(server.transport)
  const page = loadPage('resources')
  await page.instance.onLoad({ orgUnitId: '30', skill: '电路' })
  expect(asked).toEqual([{ first: 20, skill: '电路' }])
  expect(texts(page, '.resource-team')).toHaveLength(20)
  expect(texts(page, '.more')).toEqual(['加载更多'])
  // The box edited but not searched: 加载更多 keeps the filter the lists show.
  page.instance.onSkill({ detail: { value: '水管' } })
  await page.instance.loadMore(tapList('teams'))
  expect(asked[1]).toEqual({ first: 40, skill: '电路' })
  expect(texts(page, '.resource-team')).toHaveLength(25)
  expect(texts(page, '.resource-team')[24]).toContain('队伍25')
  expect(exists(page, '.more')).toBe(false)
})
