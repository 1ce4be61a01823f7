// 爱心超市: a station's rewards; redeem with points. One idempotency key per reward per visit, so
// a retried tap (a lost response, a double tap) never spends twice.
const client = require('../../api/client')
const { run, idempotencyKey } = require('../../utils/page')

Component({
  data: { stationId: null, rewards: [], balance: null, redeemed: null, loading: false, error: '', errorCode: '' },
  methods: {
    async onLoad(query) {
      this.keys = {}
      let stationId = query && query.stationId
      if (!stationId) {
        const data = await run(this, () => client.call('MyVolunteer'))
        stationId = data && data.myVolunteer ? data.myVolunteer.homeStationId : null
      }
      this.setData({ stationId })
      return stationId ? this.refresh() : undefined
    },
    refresh() {
      return run(this, async () => {
        const [rewards, points] = await Promise.all([
          client.call('Rewards', { stationId: this.data.stationId }, { anonymous: true }),
          client.call('MyPoints'),
        ])
        this.setData({
          rewards: rewards.rewards.map((r) => ({ ...r, kindText: r.kind === 'SERVICE' ? '服务' : '实物' })),
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
