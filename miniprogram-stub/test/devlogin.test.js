const client = require('../api/client')
const { fakeServer } = require('./helpers')

test('a stored devLoginCode replaces wx.login for the local stub', async () => {
  wx.__control.use('tester')
  wx.setStorageSync('devLoginCode', 'admin')
  const server = fakeServer({
    WxLogin: (v) => ({ wxLogin: { accessToken: 'a', refreshToken: 'r', user: { id: '1', roles: ['CENTER_ADMIN'], roleGrants: [] } } }),
    Me: () => ({ me: { id: '1', roles: ['CENTER_ADMIN'], roleGrants: [] } }),
  })
  wx.__control.setTransport(server.transport)
  await client.call('Me')
  expect(server.requests[0]).toMatchObject({ name: 'WxLogin', variables: { code: 'admin' } })
})
