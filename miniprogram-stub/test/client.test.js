const client = require('../api/client')
const { fakeServer } = require('./helpers')

function session(n) {
  return { accessToken: `a${n}`, refreshToken: `r${n}`, user: { id: '1', roles: ['RESIDENT'], roleGrants: [] } }
}

test('logs in with wx.login once and keeps the session in storage', async () => {
  wx.__control.use('alice')
  const server = fakeServer({
    WxLogin: (v) => {
      expect(v.code).toBe('alice')
      return { wxLogin: session(1) }
    },
    Me: () => ({ me: { id: '1', roles: ['RESIDENT'], roleGrants: [] } }),
  })
  wx.__control.setTransport(server.transport)
  await Promise.all([client.call('Me'), client.call('Me'), client.call('Me')])
  expect(server.requests.filter((r) => r.name === 'WxLogin')).toHaveLength(1)
  expect(wx.getStorageSync(client.SESSION_KEY).accessToken).toBe('a1')
})

test('an expired token is refreshed once for concurrent calls, then the calls are retried', async () => {
  wx.__control.use('bob')
  wx.setStorageSync(client.SESSION_KEY, session(1))
  let refreshes = 0
  const server = fakeServer({
    RefreshToken: (v) => {
      refreshes += 1
      expect(v.token).toBe('r1')
      return { refreshToken: session(2) }
    },
    Me: (v, options) => {
      if (options.header.Authorization !== 'Bearer a2') {
        throw { code: 'UNAUTHENTICATED', status: 401 }
      }
      return { me: { id: '1', roles: ['RESIDENT'], roleGrants: [] } }
    },
  })
  wx.__control.setTransport(server.transport)
  const results = await Promise.all([client.call('Me'), client.call('Me'), client.call('Me')])
  expect(results.every((r) => r.me.id === '1')).toBe(true)
  expect(refreshes).toBe(1)
  expect(wx.getStorageSync(client.SESSION_KEY).refreshToken).toBe('r2')
})

test('a refused refresh token falls back to a fresh login', async () => {
  wx.__control.use('carol')
  wx.setStorageSync(client.SESSION_KEY, session(1))
  const server = fakeServer({
    RefreshToken: () => {
      throw { code: 'REFRESH_TOKEN_REUSED' }
    },
    WxLogin: () => ({ wxLogin: session(3) }),
    Me: (v, options) => {
      if (options.header.Authorization !== 'Bearer a3') throw { code: 'UNAUTHENTICATED', status: 401 }
      return { me: { id: '1', roles: ['RESIDENT'], roleGrants: [] } }
    },
  })
  wx.__control.setTransport(server.transport)
  await client.call('Me')
  expect(server.requests.map((r) => r.name)).toEqual(['Me', 'RefreshToken', 'WxLogin', 'Me'])
})

test('errors carry the server code and a Chinese message; unknown codes keep the server message', async () => {
  wx.__control.use('dave')
  wx.setStorageSync(client.SESSION_KEY, session(1))
  const server = fakeServer({
    SignUp: () => {
      throw { code: 'SIGN_UP_CLOSED', message: 'Sign-up closed' }
    },
    CancelSignUp: () => {
      throw { code: 'SOMETHING_NEW', message: '新的错误' }
    },
    SubmitNeed: () => {
      throw { code: 'BAD_REQUEST', message: 'title: too long', field: 'input.title' }
    },
  })
  wx.__control.setTransport(server.transport)
  await expect(client.call('SignUp', { activityId: '1' })).rejects.toMatchObject({ code: 'SIGN_UP_CLOSED', message: '报名已截止' })
  await expect(client.call('CancelSignUp', { activityId: '1' })).rejects.toMatchObject({ code: 'SOMETHING_NEW', message: '新的错误' })
  await expect(client.call('SubmitNeed', { input: {} })).rejects.toMatchObject({ code: 'BAD_REQUEST', field: 'input.title' })
})

test('a network failure is NETWORK_ERROR', async () => {
  wx.__control.use('erin')
  wx.setStorageSync(client.SESSION_KEY, session(1))
  wx.__control.setTransport(() => Promise.reject(new Error('ECONNREFUSED')))
  await expect(client.call('Me')).rejects.toMatchObject({ code: 'NETWORK_ERROR' })
})

test('anonymous calls send no token and do not log in', async () => {
  wx.__control.use('frank')
  const server = fakeServer({ NeedCategories: () => ({ needCategories: [] }) })
  wx.__control.setTransport(server.transport)
  await client.call('NeedCategories', {}, { anonymous: true })
  expect(server.requests).toEqual([{ name: 'NeedCategories', variables: {}, auth: undefined }])
})

test('an anonymous call the server refuses with 401 (operation not @public) is sent again logged in', async () => {
  wx.__control.use('anon-first')
  const server = fakeServer({
    WxLogin: () => ({ wxLogin: session(7) }),
    NeedCategories: (v, options) => {
      if (!options.header.Authorization) throw { code: 'UNAUTHENTICATED', status: 401 }
      return { needCategories: [{ id: '1', name: '生活服务' }] }
    },
  })
  wx.__control.setTransport(server.transport)
  const data = await client.call('NeedCategories', {}, { anonymous: true })
  expect(data.needCategories).toHaveLength(1)
  expect(server.requests.map((r) => [r.name, r.auth || null])).toEqual([
    ['NeedCategories', null],
    ['WxLogin', null],
    ['NeedCategories', 'Bearer a7'],
  ])
})

test('SERVICE_UNAVAILABLE (503) is retried once after Retry-After; a second refusal is shown', async () => {
  wx.__control.use('erin')
  wx.setStorageSync(client.SESSION_KEY, session(1))
  let calls = 0
  const server = fakeServer({
    Me: () => {
      calls += 1
      if (calls === 1) throw { code: 'SERVICE_UNAVAILABLE', status: 503, header: { 'Retry-After': '0' } }
      return { me: { id: '1', roles: ['RESIDENT'], roleGrants: [] } }
    },
    SignUp: () => {
      throw { code: 'SERVICE_UNAVAILABLE', status: 503, header: { 'retry-after': '0' } }
    },
  })
  wx.__control.setTransport(server.transport)
  expect((await client.call('Me')).me.id).toBe('1')
  expect(calls).toBe(2)
  await expect(client.call('SignUp', { activityId: '1' })).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用，请稍后再试' })
  expect(server.requests.filter((r) => r.name === 'SignUp')).toHaveLength(2)
})
