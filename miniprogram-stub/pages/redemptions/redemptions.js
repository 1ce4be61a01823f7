// 我的核销码: my redemptions; an issued one shows its pickup code as a QR code for the station's
// admin to scan (扫码核销), with the code in digits below for typing in, until it is fulfilled,
// cancelled (points and stock come back) or expires (refunded automatically).
const client = require('../../api/client')
const { run, shortTime, render } = require('../../utils/page')
const paging = require('../../utils/paging')
const careMode = require('../../utils/care-behavior')
const qrcode = require('../../utils/qrcode')

const STATUS = { ISSUED: '待领取', FULFILLED: '已领取', CANCELLED: '已取消', EXPIRED: '已过期退回' }
const CANVAS = 'pickup-qr'

const redemptionView = (r) => ({ ...r, name: r.reward.name, statusText: STATUS[r.status], until: shortTime(r.expiresAt) })

Component({
  behaviors: [careMode],
  data: { redemptions: paging.emptyList(), shown: null, loading: false, error: '', errorCode: '' },
  methods: {
    ...paging.handlers({ redemptions: function (reset) { return reset ? this.refresh() : run(this, () => this.fetch(false)) } }),
    onLoad() {
      return this.refresh()
    },
    refresh() {
      return run(this, async () => {
        const items = await this.fetch(true)
        const shown = this.data.shown && items.find((r) => r.id === this.data.shown.id && r.status === 'ISSUED')
        if (this.data.shown && !shown) this.setData({ shown: null })
        return items
      })
    },
    fetch(reset) {
      return paging.load(this, 'redemptions', async (after) => paging.fromConnection((await client.call('MyRedemptions', { first: paging.PAGE_SIZE, after })).myRedemptions), { reset, view: redemptionView })
    },
    /** Shows one pickup code large, as a QR code; the admin's 扫码核销 reads exactly this string. */
    async showCode(event) {
      const item = this.data.redemptions.items.find((r) => r.id === event.currentTarget.dataset.id)
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
