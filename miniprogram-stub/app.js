const client = require('./api/client')

App({
  globalData: {},
  onLaunch() {
    // Log in early so the first page's queries do not wait for wx.login; failures surface there.
    client.login().catch(() => {})
  },
})
