/**
 * A small GraphQL client over wx.request.
 *
 * - Logs in with wx.login → wxLogin on first use and keeps the session in storage.
 * - On UNAUTHENTICATED (HTTP 401 or an error code) it rotates the refresh token once and retries;
 *   concurrent calls share one refresh, because presenting a refresh token twice makes the server
 *   revoke the whole login (reuse detection). If refreshing fails it logs in again.
 * - SERVICE_UNAVAILABLE (HTTP 503: MySQL or Redis briefly down) is retried once after the server's
 *   Retry-After (at most 10 s); a second refusal is shown like any other error.
 * - Errors become ApiError with the server's stable code and a Chinese message (api/errors.js).
 */
const config = require('../config')
const documents = require('./documents')
const { ApiError, messageFor } = require('./errors')

const SESSION_KEY = 'session'
const SERVER_KEY = 'serverUrl'
const DEV_LOGIN_CODE_KEY = 'devLoginCode'

let refreshing = null
let loggingIn = null

function serverUrl() {
  return wx.getStorageSync(SERVER_KEY) || config.serverUrl
}

const MAX_RETRY_WAIT_MS = 10000

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

function isUnavailable(res) {
  const error = firstError(res)
  return res.statusCode === 503 || Boolean(error && error.code === 'SERVICE_UNAVAILABLE')
}

/** Retry-After in ms (seconds form; 1 s when absent or unreadable), capped. */
function retryAfterMs(res) {
  const header = res.header || {}
  const key = Object.keys(header).find((k) => k.toLowerCase() === 'retry-after')
  const seconds = key === undefined ? NaN : parseInt(header[key], 10)
  return Math.min(Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 1000, MAX_RETRY_WAIT_MS)
}

/** One request; a SERVICE_UNAVAILABLE answer is retried once after Retry-After. */
async function post(query, variables, accessToken) {
  const res = await postOnce(query, variables, accessToken)
  if (!isUnavailable(res)) {
    return res
  }
  await sleep(retryAfterMs(res))
  return postOnce(query, variables, accessToken)
}

function postOnce(query, variables, accessToken) {
  const header = { 'content-type': 'application/json' }
  if (accessToken) {
    header.Authorization = `Bearer ${accessToken}`
  }
  return new Promise((resolve, reject) => {
    wx.request({
      url: serverUrl(),
      method: 'POST',
      header,
      data: { query, variables: variables || {} },
      success: (res) => resolve(res),
      fail: () => reject(new ApiError('NETWORK_ERROR', messageFor('NETWORK_ERROR'))),
    })
  })
}

function firstError(res) {
  const body = res.data || {}
  const errors = body.errors || []
  if (errors.length === 0) {
    return null
  }
  const ext = errors[0].extensions || {}
  return { code: ext.code || 'INTERNAL_ERROR', message: errors[0].message, field: ext.field }
}

function isUnauthenticated(res) {
  const error = firstError(res)
  return res.statusCode === 401 || (error && error.code === 'UNAUTHENTICATED')
}

function toError(res) {
  const error = firstError(res) || { code: res.statusCode >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST' }
  return new ApiError(error.code, messageFor(error.code, error.message), error.field)
}

function session() {
  return wx.getStorageSync(SESSION_KEY) || null
}

function saveSession(payload) {
  const value = {
    accessToken: payload.accessToken,
    refreshToken: payload.refreshToken,
    user: payload.user,
  }
  wx.setStorageSync(SESSION_KEY, value)
  return value
}

/**
 * The code for wxLogin: wx.login's, or for trying the app against the local server's WeChat stub a
 * fixed one from storage (`devLoginCode`, e.g. "admin"): the stub turns code X into user dev-X,
 * while a real server asks WeChat, which refuses anything but a fresh wx.login code.
 */
function wxLoginCode() {
  const dev = wx.getStorageSync(DEV_LOGIN_CODE_KEY)
  if (dev) {
    return Promise.resolve(dev)
  }
  return new Promise((resolve, reject) => {
    wx.login({
      success: (res) => resolve(res.code),
      fail: () => reject(new ApiError('WECHAT_CODE_INVALID', messageFor('WECHAT_CODE_INVALID'))),
    })
  })
}

/** wx.login → wxLogin; concurrent callers share one login. */
function login() {
  if (!loggingIn) {
    loggingIn = (async () => {
      const code = await wxLoginCode()
      const res = await post(documents.WxLogin, { code })
      const error = firstError(res)
      if (error || res.statusCode !== 200) {
        throw toError(res)
      }
      return saveSession(res.data.data.wxLogin)
    })().finally(() => {
      loggingIn = null
    })
  }
  return loggingIn
}

/** Rotates the refresh token once for every caller waiting on it; falls back to a fresh login. */
function refresh(stale) {
  if (!refreshing) {
    refreshing = (async () => {
      const current = session()
      if (current && stale && current.accessToken !== stale.accessToken) {
        return current // someone else refreshed while this call was in flight
      }
      if (current && current.refreshToken) {
        const res = await post(documents.RefreshToken, { token: current.refreshToken })
        if (res.statusCode === 200 && !firstError(res)) {
          return saveSession(res.data.data.refreshToken)
        }
      }
      wx.removeStorageSync(SESSION_KEY)
      return login()
    })().finally(() => {
      refreshing = null
    })
  }
  return refreshing
}

/**
 * Sends a named document from graphql/ (see api/documents.js) and returns `data`.
 * `anonymous: true` sends it without logging in (public queries such as the wish wall); if the
 * server wants a login for it after all (HTTP 401), it is sent again logged in.
 */
async function call(name, variables, options) {
  const query = documents[name]
  if (!query) {
    throw new Error(`unknown GraphQL document ${name}`)
  }
  const anonymous = options && options.anonymous
  let current = anonymous ? null : session() || (await login())
  let res = await post(query, variables, current && current.accessToken)
  if (isUnauthenticated(res)) {
    // The server answers 401 to an anonymous call of any operation not marked @public, before
    // anything else: such a call is sent again as the logged-in user, like an expired login.
    current = current ? await refresh(current) : session() || (await login())
    res = await post(query, variables, current.accessToken)
  }
  if (firstError(res) || res.statusCode !== 200) {
    throw toError(res)
  }
  return res.data.data
}

/** The server's root (serverUrl without /graphql), for its plain HTTP endpoints. */
function baseUrl() {
  return serverUrl().replace(/\/graphql\/?$/, '')
}

/** An error answer of a plain HTTP endpoint: GraphQL's error shape or {code, message}. */
function httpError(res) {
  let body = res.data
  if (typeof body === 'string') {
    try {
      body = JSON.parse(body)
    } catch (e) {
      body = {}
    }
  }
  body = body || {}
  const first = (body.errors && body.errors[0]) || {}
  const code = (first.extensions && first.extensions.code) || body.code || (res.statusCode === 401 ? 'UNAUTHENTICATED' : res.statusCode >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST')
  return new ApiError(code, messageFor(code, first.message || body.message))
}

/**
 * Calls a plain HTTP endpoint of the server with the session's token (`wx.downloadFile` or
 * `wx.uploadFile`, given as `send(accessToken)`), refreshing the login once on 401 like `call`.
 */
async function withToken(send) {
  let current = session() || (await login())
  let res = await send(current.accessToken)
  if (res.statusCode === 401) {
    current = await refresh(current)
    res = await send(current.accessToken)
  }
  return res
}

/** Downloads `path` (e.g. /activities/1/wxacode) with the session's token: resolves to the temp file path. */
async function download(path) {
  const res = await withToken(
    (token) =>
      new Promise((resolve, reject) => {
        wx.downloadFile({
          url: baseUrl() + path,
          header: { Authorization: `Bearer ${token}` },
          success: resolve,
          fail: () => reject(new ApiError('NETWORK_ERROR', messageFor('NETWORK_ERROR'))),
        })
      }),
  )
  if (res.statusCode !== 200) throw httpError(res)
  return res.tempFilePath
}

/** Logs out on the server (best effort) and forgets the session. */
async function logout() {
  const current = session()
  wx.removeStorageSync(SESSION_KEY)
  if (current) {
    try {
      await post(documents.Logout, {}, current.accessToken)
    } catch (e) {
      // the local session is gone either way
    }
  }
}

function currentUser() {
  const current = session()
  return current ? current.user : null
}

/** Shows an API error to the user by its code. */
function showError(error) {
  const message = error instanceof ApiError ? error.message : messageFor('INTERNAL_ERROR')
  wx.showToast({ title: message, icon: 'none' })
}

module.exports = { call, login, logout, currentUser, showError, download, withToken, httpError, baseUrl, SESSION_KEY, SERVER_KEY }
