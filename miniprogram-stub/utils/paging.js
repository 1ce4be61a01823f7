/**
 * Load-more paging (加载更多) for a list kept in a page's data under one key:
 * `{ items, endCursor, hasNextPage, loaded, error }`. Lists grow page by page from the server's
 * `pageInfo.endCursor` instead of asking for a fixed large `first`, so a busy station's list stays
 * complete and each request stays small.
 */
const PAGE_SIZE = 20
// A filtered list (see `keep`) fetches on until it has something to show, but never more than this
// many pages for one tap, so a long run of filtered-out rows cannot turn into a request storm.
const MAX_PAGES_PER_LOAD = 5

function emptyList() {
  return { items: [], endCursor: null, hasNextPage: false, loaded: false, error: '' }
}

/** A GraphQL connection as `fetch` answers it: its nodes and where the next page starts. */
function fromConnection(connection) {
  return { nodes: connection.edges.map((e) => e.node), endCursor: connection.pageInfo.endCursor, hasNextPage: connection.pageInfo.hasNextPage }
}

/**
 * Loads the first page (`reset`) or the next one of `data[key]`. `fetch(cursor)` resolves to
 * `{ nodes, endCursor, hasNextPage }` (see fromConnection); `view` maps a node for display and
 * `keep` drops nodes the list does not show. A failure is kept in the list's `error` (shown in
 * the list with a retry) and rethrown, marked `inList`, for the page's `run` to toast and record.
 */
async function load(page, key, fetch, options) {
  const { reset = false, view = (n) => n, keep = () => true } = options || {}
  const current = reset ? emptyList() : page.data[key]
  if (!reset && current.loaded && !current.hasNextPage) return current.items
  let cursor = current.endCursor
  const items = []
  let hasNextPage = false
  try {
    for (let pages = 0; pages < MAX_PAGES_PER_LOAD; pages += 1) {
      const batch = await fetch(cursor)
      items.push(...batch.nodes.filter(keep).map(view))
      cursor = batch.endCursor
      hasNextPage = !!batch.hasNextPage
      if (items.length || !hasNextPage) break
    }
  } catch (error) {
    page.setData({ [key]: { ...current, loaded: true, error: error.message } })
    // The list shows it (with its own 重试); the page's error state would say it twice.
    if (error && typeof error === 'object') error.inList = key
    throw error
  }
  const list = { items: current.items.concat(items), endCursor: cursor, hasNextPage, loaded: true, error: '' }
  page.setData({ [key]: list })
  return list.items
}

/** Replaces (or, when `next` is null, removes) the items of `data[key]` for which `match` holds. */
function update(page, key, match, next) {
  const list = page.data[key]
  const items = list.items.flatMap((item) => (match(item) ? (next ? [next(item)] : []) : [item]))
  page.setData({ [key]: { ...list, items } })
  return items
}

/**
 * A top-N answer (a plain list the server cuts at `first`, e.g. a leaderboard or nearby
 * activities) as `fetch` answers it: the "cursor" is how many rows are shown, and the next page
 * asks for that many more. `call(first)` resolves to the whole list of the first `first` rows.
 */
async function fromTop(call, cursor, max) {
  const shown = Number(cursor || 0)
  const first = Math.min(max || 100, shown + PAGE_SIZE)
  const rows = await call(first)
  return { nodes: rows.slice(shown), endCursor: String(rows.length), hasNextPage: rows.length === first && first < (max || 100) }
}

/** A list the server answers whole (a station's rewards): one page, never 加载更多. */
function whole(rows) {
  return { nodes: rows, endCursor: null, hasNextPage: false }
}

/**
 * The `more` and `retry` handlers of a page's paged-lists (`data-list` on the paged-list names
 * the list): `loaders[list](reset)` loads the next page, or the first one again after a failure.
 */
function handlers(loaders) {
  return {
    loadMore(event) {
      const list = event && event.currentTarget && event.currentTarget.dataset.list
      return loaders[list || Object.keys(loaders)[0]].call(this, false)
    },
    retry(event) {
      const list = event && event.currentTarget && event.currentTarget.dataset.list
      return loaders[list || Object.keys(loaders)[0]].call(this, true)
    },
    // The page's bottom reached: the first list grows (WeChat calls this on pages only).
    onReachBottom() {
      const key = Object.keys(loaders)[0]
      const list = this.data[key]
      if (!list || !list.hasNextPage || list.error || this.data.loading) return undefined
      return loaders[key].call(this, false)
    },
  }
}

module.exports = { PAGE_SIZE, emptyList, fromConnection, fromTop, whole, handlers, load, update }
