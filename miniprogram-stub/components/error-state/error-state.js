// 出错了: the one error state of the app. Shows the message and a 重试 button that fires `retry`;
// the page hides the button (`retryable` false) for an input error, which only an edit can fix.
Component({
  properties: {
    message: { type: String, value: '' },
    retryText: { type: String, value: '重试' },
    retryable: { type: Boolean, value: true },
  },
  methods: {
    retry() {
      this.triggerEvent('retry')
    },
  },
})
