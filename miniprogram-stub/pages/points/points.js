// 我的积分: balance (served from Redis, rebuilt from MySQL), any debt (欠分) and the ledger, newest first.
const client = require('../../api/client')
const { run, nodes, shortTime } = require('../../utils/page')

const TYPE = {
  ACTIVITY_HOURS: '活动时长',
  NEED_COMPLETED: '完成需求',
  RATING_BONUS: '好评奖励',
  REDEMPTION: '兑换',
  REDEMPTION_REFUND: '兑换退回',
  ADJUSTMENT: '调整',
  EXPIRY: '过期',
  REVERSAL: '冲正',
  DEBT_REPAYMENT: '偿还欠分',
}

Component({
  data: { balance: null, debt: 0, earnedThisYear: null, entries: [], endCursor: null, hasNextPage: false, loading: false, error: '', errorCode: '' },
  methods: {
    onLoad() {
      return this.refresh()
    },
    onShow() {
      return this.refresh()
    },
    refresh() {
      return run(this, async () => {
        const [points, ledger] = await Promise.all([client.call('MyPoints'), client.call('PointsEntries', { first: 20 })])
        this.setData({
          balance: points.me.points.balance,
          // Points reversed after they were spent: the next points earned pay them first.
          debt: points.me.points.debt || 0,
          earnedThisYear: points.me.points.earnedThisYear,
          entries: this.format(nodes(ledger.pointsEntries)),
          endCursor: ledger.pointsEntries.pageInfo.endCursor,
          hasNextPage: ledger.pointsEntries.pageInfo.hasNextPage,
        })
      })
    },
    format(entries) {
      return entries.map((e) => ({ ...e, label: TYPE[e.type] || e.type, sign: e.delta > 0 ? `+${e.delta}` : `${e.delta}`, owed: e.debtChange > 0 ? `欠 ${e.debtChange}` : '', when: shortTime(e.createdAt) }))
    },
    onReachBottom() {
      if (!this.data.hasNextPage) return undefined
      return run(this, async () => {
        const ledger = await client.call('PointsEntries', { first: 20, after: this.data.endCursor })
        this.setData({
          entries: this.data.entries.concat(this.format(nodes(ledger.pointsEntries))),
          endCursor: ledger.pointsEntries.pageInfo.endCursor,
          hasNextPage: ledger.pointsEntries.pageInfo.hasNextPage,
        })
      })
    },
  },
})
