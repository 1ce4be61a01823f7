import { beforeEach, describe, expect, test, vi } from 'vitest'
import { createClient, SESSION_KEY } from '../src/api/client.js'
import { ApiError, messageFor } from '../src/api/errors.js'
import { devLogin } from '../src/api/devLogin.js'

const documents = {
  Me: 'query Me { me { id } }',
  RefreshToken: 'mutation RefreshToken($token: String!) { refreshToken(token: $token) { accessToken refreshToken user { id } } }',
  Logout: 'mutation Logout { logout }',
  CreateConsoleLoginTicket: 'mutation CreateConsoleLoginTicket { createConsoleLoginTicket { ticketId } }',
}

function memoryStorage() {
  const map = new Map()
  return { getItem: (k) => (map.has(k) ? map.get(k) : null), setItem: (k, v) => map.set(k, String(v)), removeItem: (k) => map.delete(k) }
}

/** A fake server: handlers by operation name return [status, body]. Records every request. */
function fakeFetch(handlers) {
  const requests = []
  const fetchImpl = vi.fn(async (url, init) => {
    const body = JSON.parse(init.body)
    const name = /^(?:query|mutation)\s+(\w+)/.exec(body.query)[1]
    requests.push({ name, variables: body.variables, auth: init.headers.Authorization })
    const [status, payload, headers] = await handlers[name](body.variables, init.headers.Authorization)
    return { status, json: async () => payload, headers: { get: (k) => (headers || {})[k] ?? null } }
  })
  return { fetchImpl, requests }
}

const unauthenticated = [401, { errors: [{ message: '登录已过期或无效，请重新登录', extensions: { code: 'UNAUTHENTICATED' } }] }]

describe('the console client', () => {
  let storage
  beforeEach(() => {
    storage = memoryStorage()
  })

  test('SERVICE_UNAVAILABLE (503) is retried once after Retry-After; a second refusal becomes ApiError', async () => {
    storage.setItem(SESSION_KEY, JSON.stringify({ accessToken: 'a1', refreshToken: 'r1', user: { id: '1' } }))
    const down = [503, { errors: [{ message: '服务暂时不可用，请稍后重试', extensions: { code: 'SERVICE_UNAVAILABLE' } }] }, { 'Retry-After': '5' }]
    let calls = 0
    const server = fakeFetch({ Me: () => (++calls === 1 ? down : [200, { data: { me: { id: '1' } } }]) })
    const waits = []
    const client = createClient({ documents, fetchImpl: server.fetchImpl, storage, sleep: async (ms) => waits.push(ms) })
    expect(await client.call('Me')).toEqual({ me: { id: '1' } })
    expect(waits).toEqual([5000])

    const always = fakeFetch({ Me: () => down })
    const failing = createClient({ documents, fetchImpl: always.fetchImpl, storage, sleep: async () => {} })
    const error = await failing.call('Me').catch((e) => e)
    expect(error.code).toBe('SERVICE_UNAVAILABLE')
    expect(always.requests).toHaveLength(2)
  })

  test('sends the access token and returns data', async () => {
    storage.setItem(SESSION_KEY, JSON.stringify({ accessToken: 'a1', refreshToken: 'r1', user: { id: '1' } }))
    const server = fakeFetch({ Me: () => [200, { data: { me: { id: '1' } } }] })
    const client = createClient({ documents, fetchImpl: server.fetchImpl, storage })
    expect(await client.call('Me')).toEqual({ me: { id: '1' } })
    expect(server.requests[0].auth).toBe('Bearer a1')
  })

  test('an error becomes ApiError with the stable code and our Chinese message', async () => {
    storage.setItem(SESSION_KEY, JSON.stringify({ accessToken: 'a1', refreshToken: 'r1' }))
    const server = fakeFetch({
      Me: () => [200, { errors: [{ message: 'need 9 is DISPATCHED', extensions: { code: 'NEED_INVALID_STATE' } }] }],
    })
    const client = createClient({ documents, fetchImpl: server.fetchImpl, storage })
    const error = await client.call('Me').catch((e) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error.code).toBe('NEED_INVALID_STATE')
    expect(error.message).toBe('需求状态已变化，请刷新')
  })

  test('an unknown code falls back to the server\'s message; a missing code is INTERNAL_ERROR', async () => {
    expect(messageFor('SOMETHING_NEW', '服务器说的话')).toBe('服务器说的话')
    storage.setItem(SESSION_KEY, JSON.stringify({ accessToken: 'a1', refreshToken: 'r1' }))
    const server = fakeFetch({ Me: () => [500, {}] })
    const client = createClient({ documents, fetchImpl: server.fetchImpl, storage })
    const error = await client.call('Me').catch((e) => e)
    expect(error.code).toBe('INTERNAL_ERROR')
    expect(error.message).toBe('服务器开小差了，请稍后再试')
  })

  test('a network failure is NETWORK_ERROR', async () => {
    storage.setItem(SESSION_KEY, JSON.stringify({ accessToken: 'a1', refreshToken: 'r1' }))
    const client = createClient({ documents, fetchImpl: async () => { throw new TypeError('fetch failed') }, storage })
    const error = await client.call('Me').catch((e) => e)
    expect(error.code).toBe('NETWORK_ERROR')
  })

  test('an expired access token is refreshed once for all concurrent calls, then retried', async () => {
    storage.setItem(SESSION_KEY, JSON.stringify({ accessToken: 'old', refreshToken: 'r1', user: { id: '1' } }))
    const server = fakeFetch({
      Me: (v, auth) => (auth === 'Bearer new' ? [200, { data: { me: { id: '1' } } }] : unauthenticated),
      RefreshToken: (v) => {
        expect(v.token).toBe('r1')
        return [200, { data: { refreshToken: { accessToken: 'new', refreshToken: 'r2', user: { id: '1' } } } }]
      },
    })
    const client = createClient({ documents, fetchImpl: server.fetchImpl, storage })
    const results = await Promise.all([client.call('Me'), client.call('Me'), client.call('Me')])
    expect(results).toEqual([{ me: { id: '1' } }, { me: { id: '1' } }, { me: { id: '1' } }])
    expect(server.requests.filter((r) => r.name === 'RefreshToken')).toHaveLength(1)
    expect(JSON.parse(storage.getItem(SESSION_KEY))).toMatchObject({ accessToken: 'new', refreshToken: 'r2' })
  })

  test('a refused refresh drops the session and sends the user back to the login QR', async () => {
    storage.setItem(SESSION_KEY, JSON.stringify({ accessToken: 'old', refreshToken: 'r1' }))
    const onLoggedOut = vi.fn()
    const server = fakeFetch({
      Me: () => unauthenticated,
      RefreshToken: () => [200, { errors: [{ message: 'x', extensions: { code: 'REFRESH_TOKEN_REUSED' } }] }],
    })
    const client = createClient({ documents, fetchImpl: server.fetchImpl, storage, onLoggedOut })
    const error = await client.call('Me').catch((e) => e)
    expect(error.code).toBe('REFRESH_TOKEN_REUSED')
    expect(error.message).toBe('登录凭证被重复使用，已退出，请重新扫码登录')
    expect(storage.getItem(SESSION_KEY)).toBeNull()
    expect(onLoggedOut).toHaveBeenCalledTimes(1)
  })

  test('without a session an authenticated call goes to the login at once; anonymous calls carry no token', async () => {
    const onLoggedOut = vi.fn()
    const server = fakeFetch({ CreateConsoleLoginTicket: () => [200, { data: { createConsoleLoginTicket: { ticketId: 't' } } }] })
    const client = createClient({ documents, fetchImpl: server.fetchImpl, storage, onLoggedOut })
    expect((await client.call('Me').catch((e) => e)).code).toBe('UNAUTHENTICATED')
    expect(onLoggedOut).toHaveBeenCalled()
    await client.call('CreateConsoleLoginTicket', {}, { anonymous: true })
    expect(server.requests).toEqual([{ name: 'CreateConsoleLoginTicket', variables: {}, auth: undefined }])
  })

  test('logout forgets the session even when the server cannot be reached', async () => {
    storage.setItem(SESSION_KEY, JSON.stringify({ accessToken: 'a1', refreshToken: 'r1' }))
    const client = createClient({ documents, fetchImpl: async () => { throw new TypeError('offline') }, storage })
    await client.logout()
    expect(client.session()).toBeNull()
  })

  test('the developer shortcut is used only when the local endpoint answers with a session', async () => {
    const ok = await devLogin('admin', async () => ({ status: 200, json: async () => ({ accessToken: 'a', refreshToken: 'r' }) }))
    expect(ok).toEqual({ accessToken: 'a', refreshToken: 'r' })
    expect(await devLogin('admin', async () => ({ status: 404, json: async () => ({}) }))).toBeNull()
    expect(await devLogin('admin', async () => ({ status: 200, json: async () => { throw new Error('html') } }))).toBeNull()
  })

  test('download sends the bearer token, refreshes once on 401 and returns the file; a refusal is an ApiError', async () => {
    storage.setItem(SESSION_KEY, JSON.stringify({ accessToken: 'a1', refreshToken: 'r1', user: { id: '1' } }))
    const gets = []
    const fetchImpl = vi.fn(async (url, init) => {
      if (url === '/graphql') {
        return { status: 200, json: async () => ({ data: { refreshToken: { accessToken: 'a2', refreshToken: 'r2', user: { id: '1' } } } }) }
      }
      gets.push([url, init.headers.Authorization])
      if (url.includes('forbidden')) {
        return { status: 403, json: async () => ({ errors: [{ message: '没有权限', extensions: { code: 'FORBIDDEN' } }] }) }
      }
      return init.headers.Authorization === 'Bearer a2'
        ? { status: 200, blob: async () => 'XLSX' }
        : { status: 401, json: async () => unauthenticated[1] }
    })
    const client = createClient({ documents, fetchImpl, storage })
    expect(await client.download('/exports/x.xlsx')).toBe('XLSX')
    expect(gets).toEqual([['/exports/x.xlsx', 'Bearer a1'], ['/exports/x.xlsx', 'Bearer a2']])
    const error = await client.download('/exports/forbidden.xlsx').catch((e) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error.code).toBe('FORBIDDEN')
  })
})
