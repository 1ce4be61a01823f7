const client = require('../api/client')
const { loadPage, fakeServer, text, texts } = require('./helpers')

// 我的积分 with a debt (欠分): points reversed after they were spent, paid first by the next ones.
test('my points show the debt and the ledger lines that made and repaid it', async () => {
  wx.__control.use('debtor')
  wx.setStorageSync(client.SESSION_KEY, { accessToken: 'a-debtor', refreshToken: 'r', user: { id: '1', roles: ['RESIDENT'], roleGrants: [] } })
  const entry = (id, type, delta, debtChange, reason) => ({ node: { id, type, delta, balanceAfter: 0, debtChange, reason, createdAt: '2026-11-20T01:00:00Z' } })
  const server = fakeServer({
    MyPoints: () => ({ me: { id: '1', points: { balance: 0, debt: 5, earnedThisYear: 10 } } }),
    PointsEntries: () => ({
      pointsEntries: {
        edges: [
          entry('4', 'DEBT_REPAYMENT', -10, -10, '偿还欠分（被冲正时已用掉的积分）'),
          entry('3', 'ACTIVITY_HOURS', 10, 0, '活动服务时长 1 小时'),
          entry('2', 'REVERSAL', -5, 15, '活动服务时长被撤销（15 分已用掉，记为欠分）'),
        ],
        pageInfo: { hasNextPage: false, endCursor: null },
      },
    }),
  })
  wx.__control.setTransport(server.transport)
  const page = loadPage('points')
  await page.instance.onLoad({})
  expect(text(page, '.balance')).toBe('0')
  expect(text(page, '.debt')).toContain('欠分 5')
  const lines = texts(page, '.entry')
  expect(lines[0]).toContain('偿还欠分')
  expect(lines[0]).toContain('-10')
  expect(lines[2]).toContain('冲正')
  expect(lines[2]).toContain('欠 15')
})
