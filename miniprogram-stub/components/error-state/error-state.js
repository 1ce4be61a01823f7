// 出错了: the one error state of the app. Shows the message and, when the page listens to `retry`,
// a 重试 button.
Component({
  properties: {
    message: { type: String, value: '' },
    retryText: { type: String, value: '重试' },
  },
  methods: {
    retry() {
      this.triggerEvent('retry')
    },
  },
})
