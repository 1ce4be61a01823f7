const client = require('../api/client')
const { ApiError } = require('../api/errors')

/**
 * Runs an API action for a page: sets `loading`, and on failure puts the error's Chinese message in
 * `error` (and `errorCode`, which the pages' tests assert on) and shows it as a toast. The page
 * shows `error` in the shared error-state; `retryable` is false for an error about one input field
 * (fixed by editing it, not by trying again).
 * `messages` (optional, code → text) says what a code means for this action, where the general
 * message of api/errors.js would be vague (e.g. FORBIDDEN when an admin confirms their own hours).
 * Resolves to the action's result, or undefined when it failed.
 */
async function run(page, action, messages) {
  page.setData({ loading: true, error: '', errorCode: '', retryable: true })
  try {
    return await action()
  } catch (error) {
    const specific = messages && error.code && messages[error.code]
    const shown = specific ? new ApiError(error.code, specific, error.field) : error
    // A list's failure is shown in that list (paging.load), so the page's error state stays empty.
    page.setData({ error: error.inList ? '' : shown.message, errorCode: error.code || 'INTERNAL_ERROR', retryable: !error.field })
    client.showError(shown)
    return undefined
  } finally {
    page.setData({ loading: false })
  }
}

/** An error found on the phone before asking the server (a missing input): shown without 重试. */
function inputError(page, message) {
  page.setData({ error: message, errorCode: 'BAD_REQUEST', retryable: false })
}

/** wx.getLocation as a promise; falls back to the county seat when the user declines. */
function location() {
  return new Promise((resolve) => {
    wx.getLocation({
      type: 'gcj02',
      success: (res) => resolve({ latitude: res.latitude, longitude: res.longitude }),
      fail: () => resolve({ latitude: 31.3403, longitude: 119.8233, fallback: true }),
    })
  })
}

function nodes(connection) {
  return connection.edges.map((edge) => edge.node)
}

/** Shanghai wall-clock time for an ISO instant, e.g. 11-24 09:00. */
function shortTime(iso) {
  if (!iso) return ''
  const d = new Date(new Date(iso).getTime() + 8 * 3600 * 1000)
  const pad = (n) => String(n).padStart(2, '0')
  return `${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

/** Random idempotency key for one user action (kept while the user retries the same action). */
function idempotencyKey() {
  const bytes = []
  for (let i = 0; i < 16; i += 1) bytes.push(Math.floor(Math.random() * 256).toString(16).padStart(2, '0'))
  return bytes.join('')
}

/** setData that resolves once the view is updated (e.g. before finding a canvas it just showed). */
function render(page, data) {
  return new Promise((resolve) => page.setData(data, resolve))
}

module.exports = { run, inputError, location, nodes, shortTime, idempotencyKey, render }
