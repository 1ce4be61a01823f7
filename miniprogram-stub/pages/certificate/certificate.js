// 年度志愿服务证明: the server issues the year's PDF (same record → same certificate and code) and
// answers a signed 10-minute link; the page downloads it (wx.downloadFile, no token needed) and
// opens it with wx.openDocument, from where the volunteer forwards or prints it. The verification
// code printed on it can be checked by anyone on pages/verify.
const client = require('../../api/client')
const { run, shortTime } = require('../../utils/page')
const { ApiError, messageFor } = require('../../api/errors')
const careMode = require('../../utils/care-behavior')

function beijingYear(date) {
  return new Date(date.getTime() + 8 * 3600e3).getUTCFullYear()
}

/** wx.downloadFile of the signed link as a promise: the temp file path, or a NETWORK_ERROR. */
function downloadPdf(url) {
  return new Promise((resolve, reject) => {
    wx.downloadFile({
      url,
      success: (res) => (res.statusCode === 200 ? resolve(res.tempFilePath) : reject(client.httpError(res))),
      fail: () => reject(new ApiError('NETWORK_ERROR', messageFor('NETWORK_ERROR'))),
    })
  })
}

function openPdf(filePath) {
  return new Promise((resolve, reject) => {
    wx.openDocument({ filePath, fileType: 'pdf', showMenu: true, success: () => resolve(true), fail: () => reject(new ApiError('INTERNAL_ERROR', '无法打开证明文件，请稍后再试')) })
  })
}

Component({
  behaviors: [careMode],
  data: { years: [], yearIndex: 0, record: null, empty: false, loading: false, error: '', errorCode: '' },
  methods: {
    onLoad() {
      const now = beijingYear(new Date())
      // This year so far and the four before it: a certificate is usually asked for last year's service.
      this.setData({ years: [0, 1, 2, 3, 4].map((n) => now - n), yearIndex: 0 })
    },
    onYear(event) {
      this.setData({ yearIndex: Number(event.detail.value), record: null, empty: false })
    },
    /** 开具并打开: issues (or re-issues the same) certificate, downloads it and opens it. */
    async issue() {
      const year = this.data.years[this.data.yearIndex]
      this.setData({ empty: false })
      const issued = await run(this, async () => {
        const data = await client.call('ServiceRecordPdf', { year })
        const r = data.serviceRecordPdf
        this.setData({ record: { ...r, issued: shortTime(r.issuedAt) } })
        const file = await downloadPdf(client.baseUrl() + r.downloadUrl)
        await openPdf(file)
        return r
      })
      // A year without confirmed hours is not a failure: the page says so instead of 出错了 + 重试.
      if (this.data.errorCode === 'SERVICE_RECORD_EMPTY') this.setData({ empty: true, error: '' })
      return issued
    },
    verify() {
      if (this.data.record) wx.navigateTo({ url: `/pages/verify/verify?code=${this.data.record.code}` })
    },
  },
})
