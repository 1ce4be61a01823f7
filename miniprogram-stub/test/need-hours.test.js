// The need page shows the hours served on it as a claim (待确认) until an admin confirms them.
const client = require('../api/client')
const { loadPage, fakeServer, texts } = require('./helpers')

function signedIn(name, userId) {
  wx.__control.use(name)
  wx.setStorageSync(client.SESSION_KEY, { accessToken: `a-${name}`, refreshToken: 'r', user: { id: userId, roles: ['RESIDENT', 'VOLUNTEER'], roleGrants: [] } })
}

function need(participants, timeline) {
  return {
    need: {
      id: '5', title: '修灯', description: '客厅灯不亮', status: 'RATED', stationName: '东珠站', category: { name: '生活服务' },
      assignedTeamId: null, assignedUserId: '9', ratingStars: 5, contentHold: null,
      timeline: timeline || [{ fromStatus: null, toStatus: 'SUBMITTED', kind: null, note: null, at: '2026-11-20T01:00:00Z' }],
      participants,
    },
  }
}

test('a need I served shows my hours as 待确认 until confirmed, with an adjustment and its reason', async () => {
  signedIn('served', '9')
  let confirmed = false
  const server = fakeServer({
    NeedDetail: () =>
      need([
        { userId: '9', hours: 1, hoursStatus: confirmed ? 'CONFIRMED' : 'PENDING', claimedHours: null, adjustedReason: null },
        {
          userId: '10', hours: 1, hoursStatus: confirmed ? 'CONFIRMED' : 'PENDING', claimedHours: 2, adjustedReason: '只到场一小时',
          hoursAdjustments: [{ id: '3', hoursBefore: 2, hoursAfter: 1, reason: '只到场一小时', adjustedByName: '张三', adjustedAt: '2026-11-21T01:00:00Z' }],
        },
      ]),
  })
  wx.__control.setTransport(server.transport)
  const page = loadPage('need')
  await page.instance.onLoad({ id: '5' })
  expect(texts(page, '.participant')).toEqual(['我 · 1 小时待确认', '志愿者 10 · 1 小时（申报 2 小时）待确认'])
  expect(texts(page, '.adjustment')).toEqual(['11-21 09:00 张三 调整：2 → 1 小时，只到场一小时'])
  expect(page.querySelectorAll('.hours-status.pending')).toHaveLength(2)
  confirmed = true
  await page.instance.refresh()
  expect(texts(page, '.hours-status')).toEqual(['已确认', '已确认'])
  expect(page.querySelectorAll('.hours-status.pending')).toHaveLength(0)
})

test('without participants (or when they are not mine to see) there is no hours section; a 回访 shows as such', async () => {
  signedIn('resident', '4')
  const server = fakeServer({
    NeedDetail: () => need([], [{ fromStatus: 'CLOSED_UNRATED', toStatus: 'RATED', kind: 'REVISIT', note: '电话回访，很满意', at: '2026-11-22T01:00:00Z' }]),
  })
  wx.__control.setTransport(server.transport)
  const page = loadPage('need')
  await page.instance.onLoad({ id: '5' })
  expect(page.querySelectorAll('.participants')).toHaveLength(0)
  expect(texts(page, '.step')[0]).toContain('回访：电话回访，很满意')
})

test('every adjustment of a participant\'s hours is listed, latest first: before → after, why, who, when', async () => {
  signedIn('served-twice', '9')
  const server = fakeServer({
    NeedDetail: () =>
      need([
        {
          userId: '9', hours: 1.5, hoursStatus: 'PENDING', claimedHours: 2, adjustedReason: '核实后更正',
          hoursAdjustments: [
            { id: '31', hoursBefore: 2, hoursAfter: 1, reason: '中途离开', adjustedByName: '张三', adjustedAt: '2026-11-21T01:00:00Z' },
            { id: '32', hoursBefore: 1, hoursAfter: 1.5, reason: '核实后更正', adjustedByName: '王*', adjustedAt: '2026-11-21T02:30:00Z' },
          ],
        },
        // Adjusted before the trail was kept: neither the hours it replaced nor its time is known.
        {
          userId: '10', hours: 1, hoursStatus: 'CONFIRMED', claimedHours: 2, adjustedReason: '只到场一小时',
          hoursAdjustments: [{ id: '7', hoursBefore: null, hoursAfter: 1, reason: '只到场一小时', adjustedByName: '用户 3', adjustedAt: null }],
        },
        { userId: '11', hours: 2, hoursStatus: 'PENDING', claimedHours: null, adjustedReason: null, hoursAdjustments: [] },
      ]),
  })
  wx.__control.setTransport(server.transport)
  const page = loadPage('need')
  await page.instance.onLoad({ id: '5' })
  expect(texts(page, '.participant')).toEqual(['我 · 1.5 小时（申报 2 小时）待确认', '志愿者 10 · 1 小时（申报 2 小时）已确认', '志愿者 11 · 2 小时待确认'])
  expect(texts(page, '.adjustment')).toEqual([
    '11-21 10:30 王* 调整：1 → 1.5 小时，核实后更正',
    '11-21 09:00 张三 调整：2 → 1 小时，中途离开',
    '时间不详 用户 3 调整为 1 小时，只到场一小时',
  ])
})
