/**
 * The console's GraphQL client over fetch, with the same token model as the mini-program's client
 * (miniprogram-stub/api/client.js):
 *
 * - the staff session (access + refresh token, from the QR login) is kept in storage;
 * - on UNAUTHENTICATED (HTTP 401 or the error code) it rotates the refresh token once and retries;
 *   concurrent calls share one refresh, because presenting a refresh token twice makes the server
 *   revoke the whole login (reuse detection). If refreshing fails the session is dropped and
 *   `onLoggedOut` sends the user back to the login QR: there is no silent re-login on a PC;
 * - SERVICE_UNAVAILABLE (HTTP 503: MySQL or Redis briefly down) is retried once after the server's
 *   Retry-After (at most 10 s);
 * - errors become ApiError with the server's stable code and a Chinese message (errors.js).
 */
import { ApiError, messageFor } from './errors.js'

export const SESSION_KEY = 'wenming.console.session'

const MAX_RETRY_WAIT_MS = 10000

export function createClient({ documents, url = '/graphql', fetchImpl, storage, onLoggedOut, sleep } = {}) {
  const wait = sleep || ((ms) => new Promise((resolve) => setTimeout(resolve, ms)))
  const doFetch = fetchImpl || ((...args) => globalThis.fetch(...args))
  const store = storage || globalThis.localStorage
  let refreshing = null

  function session() {
    const raw = store.getItem(SESSION_KEY)
    if (!raw) return null
    try {
      return JSON.parse(raw)
    } catch {
      return null
    }
  }

  function saveSession(payload) {
    const value = { accessToken: payload.accessToken, refreshToken: payload.refreshToken, user: payload.user }
    store.setItem(SESSION_KEY, JSON.stringify(value))
    return value
  }

  function clearSession() {
    store.removeItem(SESSION_KEY)
  }

  /** One request; a SERVICE_UNAVAILABLE answer is retried once after Retry-After. */
  async function post(query, variables, accessToken) {
    const res = await postOnce(query, variables, accessToken)
    const error = firstError(res)
    if (res.status !== 503 && !(error && error.code === 'SERVICE_UNAVAILABLE')) return res
    const seconds = parseInt(res.retryAfter, 10)
    await wait(Math.min(Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 1000, MAX_RETRY_WAIT_MS))
    return postOnce(query, variables, accessToken)
  }

  async function postOnce(query, variables, accessToken) {
    const headers = { 'Content-Type': 'application/json' }
    if (accessToken) headers.Authorization = `Bearer ${accessToken}`
    let res
    try {
      res = await doFetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables: variables || {} }) })
    } catch {
      throw new ApiError('NETWORK_ERROR', messageFor('NETWORK_ERROR'))
    }
    let body = {}
    try {
      body = await res.json()
    } catch {
      body = {}
    }
    const retryAfter = res.headers && typeof res.headers.get === 'function' ? res.headers.get('Retry-After') : null
    return { status: res.status, body, retryAfter }
  }

  function firstError(res) {
    const errors = (res.body && res.body.errors) || []
    if (errors.length === 0) return null
    const ext = errors[0].extensions || {}
    return { code: ext.code || 'INTERNAL_ERROR', message: errors[0].message, field: ext.field }
  }

  function isUnauthenticated(res) {
    const error = firstError(res)
    return res.status === 401 || (error && error.code === 'UNAUTHENTICATED')
  }

  function toError(res) {
    const error = firstError(res) || { code: res.status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST' }
    return new ApiError(error.code, messageFor(error.code, error.message), error.field)
  }

  function loggedOut(error) {
    clearSession()
    if (onLoggedOut) onLoggedOut(error)
    return error
  }

  /** Rotates the refresh token once for every caller waiting on it. */
  function refresh(stale) {
    if (!refreshing) {
      refreshing = (async () => {
        const current = session()
        if (current && stale && current.accessToken !== stale.accessToken) {
          return current // another call refreshed while this one was in flight
        }
        if (!current || !current.refreshToken) {
          throw loggedOut(new ApiError('UNAUTHENTICATED', messageFor('UNAUTHENTICATED')))
        }
        const res = await post(documents.RefreshToken, { token: current.refreshToken })
        if (res.status === 200 && !firstError(res) && res.body.data) {
          return saveSession(res.body.data.refreshToken)
        }
        throw loggedOut(toError(res))
      })().finally(() => {
        refreshing = null
      })
    }
    return refreshing
  }

  /**
   * Sends a named document from src/graphql/ and returns `data`. `anonymous: true` sends it without
   * the session (the login QR's own calls).
   */
  async function call(name, variables, options = {}) {
    const query = documents[name]
    if (!query) throw new Error(`unknown GraphQL document ${name}`)
    let current = options.anonymous ? null : session()
    if (!options.anonymous && !current) {
      throw loggedOut(new ApiError('UNAUTHENTICATED', messageFor('UNAUTHENTICATED')))
    }
    let res = await post(query, variables, current && current.accessToken)
    if (!options.anonymous && isUnauthenticated(res)) {
      current = await refresh(current)
      res = await post(query, variables, current.accessToken)
      if (isUnauthenticated(res)) throw loggedOut(toError(res))
    }
    if (firstError(res) || res.status !== 200) throw toError(res)
    return res.body.data
  }

  async function get(path, accessToken) {
    try {
      return await doFetch(path, { headers: { Authorization: `Bearer ${accessToken}` } })
    } catch {
      throw new ApiError('NETWORK_ERROR', messageFor('NETWORK_ERROR'))
    }
  }

  /**
   * A file behind GET (the Excel exports): fetched with the bearer token, refreshed once on 401 like
   * `call`, and returned as a Blob. Refusals arrive in GraphQL's error shape.
   */
  async function download(path) {
    let current = session()
    if (!current) throw loggedOut(new ApiError('UNAUTHENTICATED', messageFor('UNAUTHENTICATED')))
    let res = await get(path, current.accessToken)
    if (res.status === 401) {
      current = await refresh(current)
      res = await get(path, current.accessToken)
      if (res.status === 401) throw loggedOut(new ApiError('UNAUTHENTICATED', messageFor('UNAUTHENTICATED')))
    }
    if (res.status !== 200) {
      let body = {}
      try {
        body = await res.json()
      } catch {
        body = {}
      }
      throw toError({ status: res.status, body })
    }
    return res.blob()
  }

  /** Logs out on the server (best effort) and forgets the session. */
  async function logout() {
    const current = session()
    clearSession()
    if (current) {
      try {
        await post(documents.Logout, {}, current.accessToken)
      } catch {
        // the local session is gone either way
      }
    }
  }

  return {
    call,
    download,
    logout,
    session,
    saveSession,
    clearSession,
    currentUser: () => (session() || {}).user || null,
  }
}
