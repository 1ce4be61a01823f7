const path = require('path')
const simulate = require('miniprogram-simulate')

const loaded = new Map()
const ROOT = path.join(__dirname, '..')
let shared = null

/**
 * The shared components, each registered once per test file. The simulator runs a component's js
 * with `require`, which jest caches: a second page using the same component would find it never
 * defined. So pages get the registered ids through the `usingComponents` override instead.
 */
function sharedComponents() {
  if (!shared) {
    const one = (name, using) => simulate.load(path.join(ROOT, 'components', name, name), name, { rootPath: ROOT, usingComponents: { ...using } })
    const base = { 'empty-state': one('empty-state'), 'error-state': one('error-state') }
    shared = { ...base, 'paged-list': one('paged-list', base) }
  }
  return shared
}

/**
 * Loads a page (built with Component()) and attaches a fresh instance, as the mini-program runtime
 * would on navigation. Each page definition is registered once per test file.
 */
function loadPage(name) {
  if (!loaded.has(name)) {
    const dir = name.includes('/') ? name : `pages/${name}`
    const file = path.basename(dir)
    loaded.set(name, simulate.load(path.join(ROOT, dir, file), { rootPath: ROOT, usingComponents: { ...sharedComponents() } }))
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

/**
 * Elements of the rendered page, inside shared components too: the simulator prefixes each
 * component's classes with its name (`empty-state--empty-text`), which its own querySelector does
 * not see through, so a single `.class` is also looked up by that suffix.
 */
function deepAll(page, selector) {
  // `.section .cls`: the `.cls` elements (in the page or its components) inside the page's `.section`.
  const scoped = /^\.([\w-]+)\s+\.([\w-]+)$/.exec(selector)
  if (scoped) {
    return deepAll(page, `.${scoped[1]}`).flatMap((scope) =>
      Array.from(scope.querySelectorAll('[class]')).filter((el) => Array.from(el.classList).some((c) => c === `main--${scoped[2]}` || c.endsWith(`--${scoped[2]}`))),
    )
  }
  const own = page.querySelectorAll(selector).map((n) => n.dom)
  const single = /^\.([\w-]+)$/.exec(selector)
  if (!single) return own
  const inComponents = Array.from(page.dom.querySelectorAll('[class]')).filter((el) =>
    Array.from(el.classList).some((c) => c !== `main--${single[1]}` && c.endsWith(`--${single[1]}`)),
  )
  return [...new Set([...own, ...inComponents])]
}

function text(page, selector) {
  const node = deepAll(page, selector)[0]
  return node ? node.textContent.trim() : null
}

function texts(page, selector) {
  return deepAll(page, selector).map((n) => n.textContent.trim())
}

/** Whether something matching `selector` is rendered (in the page or a shared component). */
function exists(page, selector) {
  return deepAll(page, selector).length > 0
}

const tick = () => simulate.sleep(0)

module.exports = { loadPage, fakeServer, text, texts, exists, deep: deepAll, tick, simulate }
