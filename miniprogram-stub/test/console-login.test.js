const client = require('../api/client')
const { loadPage, fakeServer, text, texts } = require('./helpers')

function signedInAdmin(name) {
  wx.__control.use(name)
  wx.setStorageSync(client.SESSION_KEY, { accessToken: `a-${name}`, refreshToken: 'r', user: { id: '1', roles: ['RESIDENT', 'STATION_ADMIN'], roleGrants: [{ role: 'STATION_ADMIN', orgUnitId: '30' }] } })
}

const CODE = 'WMCL1.abcdefghijklmnopqrstuv.ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef'

const request = {
  describeConsoleLoginTicket: {
    ticketId: 'abcdefghijklmnopqrstuv', ip: '10.1.2.3', browser: 'Chrome 120 · Windows',
    requestedAt: '2026-11-23T01:00:00Z', expiresAt: '2026-11-23T01:03:00Z',
  },
}

test('scanning shows which console asks, and confirming sends the scanned text as it is', async () => {
  signedInAdmin('console-admin')
  const server = fakeServer({
    DescribeConsoleLoginTicket: () => request,
    ConfirmConsoleLoginTicket: () => ({ confirmConsoleLoginTicket: true }),
  })
  wx.__control.setTransport(server.transport)
  wx.__control.current.scanResult = CODE
  const page = loadPage('console-login')
  await page.instance.onLoad({})
  expect(text(page, '.ip')).toBe('10.1.2.3')
  expect(text(page, '.browser')).toBe('Chrome 120 · Windows')
  expect(text(page, '.time')).toBe('11-23 09:00')
  expect(text(page, '.hint')).toContain('11-23 09:03')
  await page.instance.confirm()
  expect(server.requests.map((r) => [r.name, r.variables.code])).toEqual([
    ['DescribeConsoleLoginTicket', CODE],
    ['ConfirmConsoleLoginTicket', CODE],
  ])
  expect(server.requests.every((r) => r.auth === 'Bearer a-console-admin')).toBe(true)
  expect(text(page, '.done .title')).toBe('已登录')
  expect(page.querySelector('.confirm')).toBeFalsy()
})

test('a non-admin, an expired or a used QR code shows the server\'s reason and offers no confirmation', async () => {
  for (const [code, message] of [
    ['CONSOLE_LOGIN_ADMIN_REQUIRED', '只有管理员可以登录管理后台'],
    ['CONSOLE_LOGIN_TICKET_EXPIRED', '登录二维码已过期，请在管理后台刷新二维码'],
    ['CONSOLE_LOGIN_TICKET_USED', '该登录二维码已使用过，请在管理后台刷新二维码'],
  ]) {
    signedInAdmin(`console-${code}`)
    const server = fakeServer({
      DescribeConsoleLoginTicket: () => {
        throw { code, message }
      },
    })
    wx.__control.setTransport(server.transport)
    wx.__control.current.scanResult = CODE
    const page = loadPage('console-login')
    await page.instance.onLoad({})
    expect(page.instance.data.errorCode).toBe(code)
    expect(text(page, '.error')).toBe(message)
    expect(page.querySelector('.confirm')).toBeFalsy()
    expect(texts(page, '.scan')).toEqual(['扫码登录管理后台'])
  }
})

test('a cancelled scan calls nothing', async () => {
  signedInAdmin('console-cancel')
  const server = fakeServer({})
  wx.__control.setTransport(server.transport)
  wx.__control.current.scanResult = null
  const page = loadPage('console-login')
  await page.instance.onLoad({})
  expect(page.instance.data.errorCode).toBe('SCAN_CANCELLED')
  expect(server.requests).toEqual([])
})
