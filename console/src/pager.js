import { reactive } from 'vue'

/**
 * Cursor paging for a connection: `load(after)` fetches one page. Keeps the cursors of the pages
 * already seen so that "上一页" goes back without the server paging backwards.
 */
export function usePager(fetchPage, size = 20) {
  const state = reactive({ rows: [], page: 1, hasNext: false, loading: false, error: '', size })
  const starts = [null]

  async function load(index) {
    state.loading = true
    state.error = ''
    try {
      const connection = await fetchPage(starts[index], size)
      state.rows = connection.edges.map((e) => e.node)
      state.hasNext = connection.pageInfo.hasNextPage
      starts[index + 1] = connection.pageInfo.endCursor
      state.page = index + 1
    } catch (e) {
      state.error = e.message
    } finally {
      state.loading = false
    }
  }

  return {
    state,
    first: () => {
      starts.length = 1
      return load(0)
    },
    reload: () => load(state.page - 1),
    next: () => (state.hasNext ? load(state.page) : Promise.resolve()),
    previous: () => (state.page > 1 ? load(state.page - 2) : Promise.resolve()),
  }
}

/**
 * The same interface over a list the server returns whole (a store's rewards): `load()` fetches it,
 * `filter(row)` narrows it (a search box), and the pages are cut here. `state.total` counts the
 * filtered rows.
 */
export function useLocalPager(fetchAll, { size = 20, filter = () => true } = {}) {
  const state = reactive({ rows: [], page: 1, hasNext: false, loading: false, error: '', size, total: 0 })
  let all = []

  function cut(page) {
    const matching = all.filter(filter)
    const last = Math.max(1, Math.ceil(matching.length / size))
    state.page = Math.min(Math.max(1, page), last)
    state.rows = matching.slice((state.page - 1) * size, state.page * size)
    state.hasNext = state.page < last
    state.total = matching.length
  }

  async function load() {
    state.loading = true
    state.error = ''
    try {
      all = await fetchAll()
      cut(state.page)
    } catch (e) {
      state.error = e.message
    } finally {
      state.loading = false
    }
  }

  return {
    state,
    first: () => {
      state.page = 1
      return load()
    },
    reload: load,
    /** Filter again without fetching (the search text changed): back to the first page. */
    refilter: () => cut(1),
    next: () => Promise.resolve(state.hasNext && cut(state.page + 1)),
    previous: () => Promise.resolve(state.page > 1 && cut(state.page - 1)),
  }
}
