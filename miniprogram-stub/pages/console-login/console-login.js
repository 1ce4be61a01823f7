// 扫码登录管理后台: an admin scans the login QR shown by the staff console on a PC, checks which
// browser asks (IP address, browser, time) and confirms; the console then holds the admin's session.
// The scanned text goes to the server as it is: the server owns its format.
const client = require('../../api/client')
const { ApiError } = require('../../api/errors')
const { run, shortTime } = require('../../utils/page')
const careMode = require('../../utils/care-behavior')

function scan() {
  return new Promise((resolve, reject) => {
    wx.scanCode({
      onlyFromCamera: true,
      scanType: ['qrCode'],
      success: (res) => resolve(res.result),
      fail: () => reject(new ApiError('SCAN_CANCELLED', '已取消扫码')),
    })
  })
}

Component({
  behaviors: [careMode],
  data: { code: '', request: null, confirmed: false, loading: false, error: '', errorCode: '' },
  methods: {
    onLoad(query) {
      // Opened with the code (e.g. from another page that scanned it) or scanning at once.
      if (query && query.code) {
        return this.describe(decodeURIComponent(query.code))
      }
      return this.scan()
    },
    scan() {
      return run(this, async () => {
        const code = await scan()
        this.setData({ code, request: null, confirmed: false })
        return this.load(code)
      })
    },
    /** 重试 on the error state: the scanned code asked again, or a new scan when none was read. */
    again() {
      return this.data.code ? this.describe(this.data.code) : this.scan()
    },
    describe(code) {
      this.setData({ code, request: null, confirmed: false })
      return run(this, () => this.load(code))
    },
    async load(code) {
      const { describeConsoleLoginTicket: r } = await client.call('DescribeConsoleLoginTicket', { code })
      this.setData({
        request: { ip: r.ip, browser: r.browser, requestedAt: shortTime(r.requestedAt), expiresAt: shortTime(r.expiresAt) },
      })
      return r
    },
    confirm() {
      return run(this, async () => {
        await client.call('ConfirmConsoleLoginTicket', { code: this.data.code })
        this.setData({ confirmed: true })
        wx.showToast({ title: '已确认登录', icon: 'success' })
        return true
      })
    },
    cancel() {
      this.setData({ code: '', request: null })
      wx.navigateBack({ fail: () => {} })
    },
  },
})
