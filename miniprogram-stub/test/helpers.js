const path = require('path')
const simulate = require('miniprogram-simulate')

const loaded = new Map()

/**
 * Loads a page (built with Component()) and attaches a fresh instance, as the mini-program runtime
 * would on navigation. Each page definition is registered once per test file.
 */
function loadPage(name) {
  if (!loaded.has(name)) {
    // One compilation of every page: per-page compilations of the official compiler share globals.
    loaded.set(name, simulate.load(path.join(__dirname, '..', 'pages', name, name), { rootPath: path.join(__dirname, '..', 'pages') }))
  }
  const page = simulate.render(loaded.get(name))
  page.attach(document.createElement('parent-wrapper'))
  return page
}

/**
 * An in-memory GraphQL server for unit tests: handlers by operation name return `data`, or throw
 * `{ code }` to answer with an error. Records every request.
 */
function fakeServer(handlers) {
  const requests = []
  const transport = async (options) => {
    const match = /^(?:query|mutation)\s+(\w+)/m.exec(options.data.query)
    const name = match && match[1]
    requests.push({ name, variables: options.data.variables, auth: options.header.Authorization })
    const handler = handlers[name]
    if (!handler) {
      return { statusCode: 200, data: { errors: [{ message: `no handler for ${name}`, extensions: { code: 'INTERNAL_ERROR' } }] } }
    }
    try {
      return { statusCode: 200, data: { data: await handler(options.data.variables, options) } }
    } catch (e) {
      if (e && e.code) {
        return { statusCode: e.status || 200, header: e.header || {}, data: { errors: [{ message: e.message || e.code, extensions: { code: e.code, field: e.field } }] } }
      }
      throw e
    }
  }
  return { transport, requests }
}

function text(page, selector) {
  const node = page.querySelector(selector)
  return node ? node.dom.textContent.trim() : null
}

function texts(page, selector) {
  return page.querySelectorAll(selector).map((n) => n.dom.textContent.trim())
}

const tick = () => simulate.sleep(0)

module.exports = { loadPage, fakeServer, text, texts, tick, simulate }
