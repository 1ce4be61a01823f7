// The one paged list of the app: the page renders its rows into the slot, this component adds what
// every list needs below them — 加载更多 while the server has more (utils/paging keeps the cursor),
// the empty state once loaded with nothing, and the error state with 重试. Pages listen to `more`
// and `retry` and call paging.load for the list.
Component({
  options: { multipleSlots: false },
  properties: {
    // utils/paging's list: { items, endCursor, hasNextPage, loaded, error }
    list: { type: Object, value: { items: [], hasNextPage: false, loaded: false, error: '' } },
    emptyText: { type: String, value: '暂无内容' },
    emptyHint: { type: String, value: '' },
    loading: { type: Boolean, value: false },
  },
  methods: {
    more() {
      if (!this.data.loading) this.triggerEvent('more')
    },
    retry() {
      this.triggerEvent('retry')
    },
  },
})
