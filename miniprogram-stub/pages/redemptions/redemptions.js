// 我的核销码: my redemptions; an issued one shows its pickup code as a QR code for the station's
// admin to scan (扫码核销), with the code in digits below for typing in, until it is fulfilled,
// cancelled (points and stock come back) or expires (refunded automatically).
const client = require('../../api/client')
const { run, nodes, shortTime, render } = require('../../utils/page')
const qrcode = require('../../utils/qrcode')

const STATUS = { ISSUED: '待领取', FULFILLED: '已领取', CANCELLED: '已取消', EXPIRED: '已过期退回' }
const CANVAS = 'pickup-qr'

Component({
  data: { redemptions: [], shown: null, loading: false, error: '', errorCode: '' },
  methods: {
    onLoad() {
      return this.refresh()
    },
    refresh() {
      return run(this, async () => {
        const data = await client.call('MyRedemptions', { first: 50 })
        this.setData({
          redemptions: nodes(data.myRedemptions).map((r) => ({ ...r, name: r.reward.name, statusText: STATUS[r.status], until: shortTime(r.expiresAt) })),
        })
        const shown = this.data.shown && this.data.redemptions.find((r) => r.id === this.data.shown.id && r.status === 'ISSUED')
        if (this.data.shown && !shown) this.setData({ shown: null })
        return this.data.redemptions
      })
    },
    /** Shows one pickup code large, as a QR code; the admin's 扫码核销 reads exactly this string. */
    async showCode(event) {
      const item = this.data.redemptions.find((r) => r.id === event.currentTarget.dataset.id)
      if (!item || item.status !== 'ISSUED') return false
      await render(this, { shown: { id: item.id, name: item.name, pickupCode: item.pickupCode, until: item.until } })
      return qrcode.draw(this, CANVAS, item.pickupCode)
    },
    hideCode() {
      this.setData({ shown: null })
    },
    async cancel(event) {
      const done = await run(this, () => client.call('CancelRedemption', { id: event.currentTarget.dataset.id }))
      if (done) await this.refresh()
      return done
    },
  },
})
