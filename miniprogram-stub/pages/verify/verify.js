// 核验志愿服务证明: anyone (an employer, a school) enters or scans the 16-character code printed on
// a certificate; the public verifyServiceRecord answers what the certificate says, with a masked
// name, or nothing for an unknown code. No login is needed.
const client = require('../../api/client')
const { run, shortTime } = require('../../utils/page')
const careMode = require('../../utils/care-behavior')

const CODE = /^[A-Za-z0-9]{16}$/

Component({
  behaviors: [careMode],
  data: { code: '', result: null, notFound: false, loading: false, error: '', errorCode: '' },
  methods: {
    onLoad(query) {
      const code = (query && query.code) || ''
      this.setData({ code })
      return code ? this.verify() : undefined
    },
    onCode(event) {
      this.setData({ code: event.detail.value })
    },
    scan() {
      return new Promise((resolve) => {
        wx.scanCode({ onlyFromCamera: false, success: (res) => { this.setData({ code: String(res.result || '').trim() }); resolve(this.verify()) }, fail: () => resolve(undefined) })
      })
    },
    verify() {
      const code = String(this.data.code || '').trim()
      if (!CODE.test(code)) {
        this.setData({ result: null, notFound: false, error: '请输入证明上的 16 位验证码', errorCode: 'BAD_REQUEST', retryable: false })
        return Promise.resolve(undefined)
      }
      return run(this, async () => {
        const data = await client.call('VerifyServiceRecord', { code }, { anonymous: true })
        const r = data.verifyServiceRecord
        this.setData({ result: r ? { ...r, issued: shortTime(r.issuedAt) } : null, notFound: !r })
        return r
      })
    },
  },
})
