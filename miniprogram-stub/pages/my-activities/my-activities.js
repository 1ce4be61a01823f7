// 我的活动: my sign-ups, including cancelled ones, in sign-up order.
const client = require('../../api/client')
const { run, nodes, shortTime } = require('../../utils/page')

const STATUS = { CONFIRMED: '已报名', WAITLISTED: '候补', CANCELLED: '已取消', NO_SHOW: '未到' }

Component({
  data: { signUps: [], loading: false, error: '', errorCode: '' },
  methods: {
    onLoad() {
      return run(this, async () => {
        const data = await client.call('MyActivities', { first: 50 })
        this.setData({
          signUps: nodes(data.myActivities).map((s) => ({
            ...s,
            title: s.activity.title,
            statusText: s.hoursConfirmed ? `已确认 ${s.hours} 小时` : STATUS[s.status],
            when: shortTime(s.activity.startsAt),
          })),
        })
      })
    },
    open(event) {
      wx.navigateTo({ url: `/pages/activity/activity?id=${event.currentTarget.dataset.id}` })
    },
  },
})
