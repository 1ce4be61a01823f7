// 我的任务 (服务清单 任务分解): the project tasks owned by me or by a team I lead — today's (done ones
// stay listed for the day) and the other open ones (overdue first, then upcoming) — with 完成 for
// those I may complete. The daily reminder (订阅消息) of tasks due today is switched on here.
const client = require('../../api/client')
const { run } = require('../../utils/page')
const subscribe = require('../../utils/subscribe')
const careMode = require('../../utils/care-behavior')

const STATUS = { OPEN: '待完成', DONE: '已完成', CANCELLED: '已取消' }

/** Today's date in China (the county's calendar), yyyy-MM-dd, whatever the phone's time zone. */
function today(now = Date.now()) {
  return new Date(now + 8 * 3600 * 1000).toISOString().slice(0, 10)
}

function taskView(t) {
  return {
    ...t,
    owner: t.ownerKind === 'TEAM' ? `队伍：${t.ownerName}` : '本人',
    statusText: t.overdue ? '已逾期' : STATUS[t.status],
  }
}

Component({
  behaviors: [careMode],
  data: { todayTasks: [], upcoming: [], loaded: false, reminded: false, loading: false, error: '', errorCode: '' },
  methods: {
    onLoad() {
      return this.refresh()
    },
    onShow() {
      return this.data.loaded ? this.refresh() : undefined
    },
    refresh() {
      return run(this, async () => {
        const day = today()
        const data = await client.call('MyProjectTasks', { today: day })
        const todayTasks = data.today.map(taskView)
        const upcoming = data.open.filter((t) => t.dueDate !== day).map(taskView)
        this.setData({ todayTasks, upcoming, loaded: true })
        return { todayTasks, upcoming }
      })
    },
    /** 完成: once done the task stays done (asking again changes nothing on the server). */
    complete(event) {
      const { id } = event.currentTarget.dataset
      return run(this, async () => {
        await client.call('CompleteProjectTask', { id, note: null })
        wx.showToast({ title: '已完成' })
        return this.refresh()
      })
    },
    /** 订阅消息: the reminder on the morning a task of mine is due. */
    async remindMe() {
      const accepted = await subscribe.askFor(subscribe.TASK_REMINDERS)
      this.setData({ reminded: accepted.length > 0 })
      if (accepted.length) wx.showToast({ title: '已开启任务提醒' })
      return accepted
    },
  },
})
