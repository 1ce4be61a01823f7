// 消息提醒: how many more messages each subscribe-message template may still bring me. WeChat lets a
// mini-program send one message per acceptance, so a resident who accepted the need-progress
// messages sees them used up as the need moves on, and can accept again here.
const client = require('../../api/client')
const { run } = require('../../utils/page')
const subscribe = require('../../utils/subscribe')
const careMode = require('../../utils/care-behavior')

const KIND = {
  NEED_SUBMITTED: '新需求待审核',
  NEED_PUBLISHED: '需求审核通过',
  NEED_REJECTED: '需求审核未通过',
  NEED_DISPATCHED: '需求已派单',
  NEED_ACCEPTED: '需求已接单',
  NEED_COMPLETED: '需求已完成',
  NEED_OVERDUE: '需求逾期',
  ACTIVITY_CANCELLED: '活动取消',
  WAITLIST_PROMOTED: '候补转正',
  ACTIVITY_REMINDER: '活动开始提醒',
  PROJECT_TASK_DUE: '项目任务当天提醒',
}

function balanceView(b) {
  return { ...b, title: b.kinds.map((k) => KIND[k] || k).join('、'), text: b.remaining > 0 ? `还可提醒 ${b.remaining} 次` : '已用完' }
}

Component({
  behaviors: [careMode],
  data: { balances: [], loaded: false, loading: false, error: '', errorCode: '' },
  methods: {
    onLoad() {
      return this.refresh()
    },
    refresh() {
      return run(this, async () => {
        const { mySubscriptions } = await client.call('MySubscriptions')
        const balances = mySubscriptions.map(balanceView)
        this.setData({ balances, loaded: true })
        return balances
      })
    },
    /** Accepting again: one more message of each kind of the tapped template. */
    async renew(e) {
      const { kinds } = e.currentTarget.dataset
      const accepted = await subscribe.askFor(kinds)
      await this.refresh()
      return accepted
    },
  },
})
