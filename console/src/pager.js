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
