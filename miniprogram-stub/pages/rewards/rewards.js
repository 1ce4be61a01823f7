// 爱心超市: a station's rewards; redeem with points. One idempotency key per reward per visit, so
// a retried tap (a lost response, a double tap) never spends twice.
const client = require('../../api/client')
const { run, idempotencyKey } = require('../../utils/page')
const paging = require('../../utils/paging')
const careMode = require('../../utils/care-behavior')

Component({
  behaviors: [careMode],
  data: { stationId: null, rewards: paging.emptyList(), balance: null, redeemed: null, loading: false, error: '', errorCode: '' },
  methods: {
    ...paging.handlers({ rewards: function () { return this.refresh() } }),
    async onLoad(query) {
      this.keys = {}
      let stationId = query && query.stationId
      if (!stationId) {
        const data = await run(this, () => client.call('MyVolunteer'))
        stationId = data && data.myVolunteer ? data.myVolunteer.homeStationId : null
      }
      this.setData({ stationId })
      if (!stationId) this.setData({ rewards: { ...paging.emptyList(), loaded: !this.data.error } })
      return stationId ? this.refresh() : undefined
    },
    refresh() {
      return run(this, async () => {
        // A station's shelf is short and answered whole: one page, no 加载更多.
        const shelf = async () => paging.whole((await client.call('Rewards', { stationId: this.data.stationId }, { anonymous: true })).rewards)
        const [, points] = await Promise.all([
          paging.load(this, 'rewards', shelf, { reset: true, view: (r) => ({ ...r, kindText: r.kind === 'SERVICE' ? '服务' : '实物' }) }),
          client.call('MyPoints'),
        ])
        this.setData({
          balance: points.me.points ? points.me.points.balance : 0,
        })
      })
    },
    async redeem(event) {
      const rewardId = event.currentTarget.dataset.id
      const quantity = Number(event.currentTarget.dataset.quantity || 1)
      this.keys[rewardId] = this.keys[rewardId] || idempotencyKey()
      const data = await run(this, () => client.call('Redeem', { rewardId, quantity, idempotencyKey: this.keys[rewardId] }))
      if (!data) return undefined
      delete this.keys[rewardId] // done: the next tap is a new redemption
      this.setData({ redeemed: data.redeem })
      await this.refresh()
      return data.redeem
    },
    myCodes() {
      wx.navigateTo({ url: '/pages/redemptions/redemptions' })
    },
  },
})
