// 我的核销码: my redemptions; an issued one shows its pickup code (as a QR at the store) until it
// is fulfilled, cancelled (points and stock come back) or expires (refunded automatically).
const client = require('../../api/client')
const { run, nodes, shortTime } = require('../../utils/page')

const STATUS = { ISSUED: '待领取', FULFILLED: '已领取', CANCELLED: '已取消', EXPIRED: '已过期退回' }

Component({
  data: { redemptions: [], loading: false, error: '', errorCode: '' },
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
        return this.data.redemptions
      })
    },
    async cancel(event) {
      const done = await run(this, () => client.call('CancelRedemption', { id: event.currentTarget.dataset.id }))
      if (done) await this.refresh()
      return done
    },
  },
})
