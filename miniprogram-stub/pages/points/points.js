// 我的积分: balance (served from Redis, rebuilt from MySQL), any debt (欠分) and the ledger, newest first.
const client = require('../../api/client')
const { run, shortTime } = require('../../utils/page')
const paging = require('../../utils/paging')
const careMode = require('../../utils/care-behavior')

const TYPE = {
  ACTIVITY_HOURS: '活动时长',
  NEED_COMPLETED: '完成需求',
  RATING_BONUS: '好评奖励',
  CIVIC_REPORT: '随手拍',
  RECOGNITION_BONUS: '礼遇奖励',
  REDEMPTION: '兑换',
  REDEMPTION_REFUND: '兑换退回',
  ADJUSTMENT: '调整',
  EXPIRY: '过期',
  REVERSAL: '冲正',
  DEBT_REPAYMENT: '偿还欠分',
}

function entryView(e) {
  return { ...e, label: TYPE[e.type] || e.type, sign: e.delta > 0 ? `+${e.delta}` : `${e.delta}`, owed: e.debtChange > 0 ? `欠 ${e.debtChange}` : '', when: shortTime(e.createdAt) }
}

Component({
  behaviors: [careMode],
  data: { balance: null, debt: 0, earnedThisYear: null, entries: paging.emptyList(), loading: false, error: '', errorCode: '' },
  methods: {
    ...paging.handlers({ entries: function (reset) { return reset ? this.refresh() : run(this, () => this.fetchEntries(false)) } }),
    onLoad() {
      return this.refresh()
    },
    onShow() {
      return this.refresh()
    },
    refresh() {
      return run(this, async () => {
        const [points] = await Promise.all([client.call('MyPoints'), this.fetchEntries(true)])
        this.setData({
          balance: points.me.points.balance,
          // Points reversed after they were spent: the next points earned pay them first.
          debt: points.me.points.debt || 0,
          earnedThisYear: points.me.points.earnedThisYear,
        })
      })
    },
    fetchEntries(reset) {
      return paging.load(this, 'entries', async (after) => paging.fromConnection((await client.call('PointsEntries', { first: paging.PAGE_SIZE, after })).pointsEntries), { reset, view: entryView })
    },
  },
})
