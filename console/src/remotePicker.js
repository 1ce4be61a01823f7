import { ref } from 'vue'

/**
 * A remote-search select's options (Element Plus `el-select filterable remote :remote-method`), for
 * pickers over lists too long to load whole: a county center's subtree holds about 4,190 teams and
 * thousands of published activities, and one page of them (oldest first) hid the newer ones.
 *
 * `fetch(search, first)` answers the nodes matching `search` (null: no filter), at most `first`.
 * - `open(current)`: the first page at once, before anyone types, keeping `current` (the option of
 *   the value being edited, if any) so the select shows its label, not its id;
 * - `search(text)`: the remote method, debounced by `wait` ms so typing a name costs one request;
 *   an answer that arrives after a later one's is dropped (a slow page must not overwrite a faster);
 * A failed page goes to `onError` (the screens show its message) and leaves the options as they were.
 * - `choose(id)`: remembers the chosen option, so narrowing the list later keeps its label.
 */
export function useRemotePicker(fetch, { wait = 300, first = 20, key = (o) => o.id, onError = null } = {}) {
  const options = ref([])
  const loading = ref(false)
  let kept = []
  let timer = null
  let latest = 0

  function merge(found) {
    const ids = new Set(found.map(key))
    return [...kept.filter((o) => !ids.has(key(o))), ...found]
  }

  async function load(text) {
    const call = ++latest
    loading.value = true
    try {
      const found = await fetch(text, first)
      if (call === latest) options.value = merge(found || [])
    } catch (e) {
      if (!onError) throw e
      if (call === latest) onError(e)
    } finally {
      if (call === latest) loading.value = false
    }
  }

  function search(text) {
    clearTimeout(timer)
    const query = (text || '').trim() || null
    return new Promise((resolve, reject) => {
      timer = setTimeout(() => load(query).then(resolve, reject), wait)
    })
  }

  function open(current) {
    clearTimeout(timer)
    kept = current ? [current] : []
    options.value = merge([])
    return load(null)
  }

  function choose(id) {
    const option = options.value.find((o) => key(o) === id)
    kept = option ? [option] : []
  }

  return { options, loading, search, open, choose }
}

/**
 * Every node of a list, page after page ({@code fetchPage({ first, after })} answers a connection),
 * for registries that stay in the hundreds (a county's lecturers, lecture groups, open projects):
 * a multi-select over them keeps every chosen label without searching. Bounded, so a listing that
 * never ends cannot hang the form.
 */
export async function loadAllPages(fetchPage, { pageSize = 100, maxPages = 50 } = {}) {
  const nodes = []
  let after = null
  for (let page = 0; page < maxPages; page += 1) {
    const connection = await fetchPage({ first: pageSize, after })
    nodes.push(...connection.edges.map((e) => e.node))
    if (!connection.pageInfo.hasNextPage) break
    after = connection.pageInfo.endCursor
  }
  return nodes
}
