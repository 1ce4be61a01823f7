// 我的活动: my service hours — credit (信用时长, confirmed; they make the star level), honor (荣誉时长,
// approved 补录) and pending (待确认: checked out or served on a need, not yet confirmed by an admin,
// so not yet credit hours or points) — and my sign-ups, including cancelled ones, in sign-up order.
const client = require('../../api/client')
const { run, shortTime } = require('../../utils/page')
const paging = require('../../utils/paging')
const careMode = require('../../utils/care-behavior')
const stars = require('../../utils/stars')
const subscribe = require('../../utils/subscribe')

const STATUS = { CONFIRMED: '已报名', WAITLISTED: '候补', CANCELLED: '已取消', NO_SHOW: '未到' }

function statusText(s) {
  if (s.hoursConfirmed) return `已确认 ${s.hours} 小时`
  if (s.hours != null) return `${s.hours} 小时 待确认`
  // The live place in the queue (those who left or moved up no longer count), not the number taken.
  if (s.status === 'WAITLISTED' && s.waitlistRank) return `候补第 ${s.waitlistRank} 位`
  return STATUS[s.status]
}

function signUpView(s) {
  return {
    ...s,
    title: s.activity.title,
    statusText: statusText(s),
    pending: !s.hoursConfirmed && s.hours != null,
    when: shortTime(s.activity.startsAt),
    // 评价: attended (checked in) an activity that has finished.
    rateable: !!s.checkedInAt && s.activity.status === 'FINISHED',
    upcoming: (s.status === 'CONFIRMED' || s.status === 'WAITLISTED') && new Date(s.activity.endsAt || s.activity.startsAt).getTime() > Date.now(),
  }
}

/** Hours as people read them: at most one decimal, no trailing zero. */
function hoursText(h) {
  return String(Math.round((h || 0) * 10) / 10)
}

/** The newest revocations shown here; the admins of the volunteer's station see them all in the console. */
const REVOCATIONS_SHOWN = 10

/** A revoked credit hour line: how many, of which activity, why, by whom and when. */
function revocationView(r) {
  return {
    id: r.signUpId,
    activityId: r.activity.id,
    title: r.activity.title,
    hours: hoursText(r.hours),
    reason: r.reason,
    by: r.revokedByName,
    when: shortTime(r.revokedAt),
  }
}

Component({
  behaviors: [careMode],
  data: { hours: null, revocations: [], moreRevocations: false, reminded: false, signUps: paging.emptyList(), loading: false, error: '', errorCode: '' },
  methods: {
    ...paging.handlers({ signUps: function (reset) { return reset ? this.refresh() : run(this, () => this.fetchSignUps(false)) } }),
    onLoad() {
      return this.refresh()
    },
    onShow() {
      // Back from an activity or after an admin confirmed: the figures may have moved.
      return this.data.hours || this.data.signUps.items.length ? this.refresh() : undefined
    },
    refresh() {
      return run(this, async () => {
        const [volunteer] = await Promise.all([client.call('MyVolunteer'), this.fetchSignUps(true)])
        const mine = volunteer.myVolunteer
        const stats = mine && mine.stats
        // Hours an organiser revoked after confirming them: they left the credit hours, so say why.
        const revoked = mine
          ? (await client.call('HoursRevocations', { volunteerId: mine.id, first: REVOCATIONS_SHOWN })).hoursRevocations
          : null
        this.setData({
          revocations: revoked ? revoked.edges.map((e) => revocationView(e.node)) : [],
          moreRevocations: !!(revoked && revoked.pageInfo.hasNextPage),
          // Not registered as a volunteer: no hours to show.
          hours: stats
            ? { ...stats, credit: hoursText(stats.creditHours), honor: hoursText(stats.honorHours), pending: hoursText(stats.pendingHours), thisYear: hoursText(stats.hoursThisYear), progress: stars.progress(stats.creditHours) }
            : null,
        })
        return this.data.hours
      })
    },
    fetchSignUps(reset) {
      return paging.load(this, 'signUps', async (after) => paging.fromConnection((await client.call('MyActivities', { first: paging.PAGE_SIZE, after })).myActivities), { reset, view: signUpView })
    },
    /** 订阅消息: reminders of my activities (the day before, cancellations, moved up from the waitlist). */
    async remindMe() {
      const accepted = await subscribe.askFor(subscribe.ACTIVITY_UPDATES)
      this.setData({ reminded: accepted.length > 0 })
      if (accepted.length) wx.showToast({ title: '已开启活动提醒' })
      return accepted
    },
    certificate() {
      wx.navigateTo({ url: '/pages/certificate/certificate' })
    },
    rate(event) {
      wx.navigateTo({ url: `/pages/activity/activity?id=${event.currentTarget.dataset.id}&rate=1` })
    },
    open(event) {
      wx.navigateTo({ url: `/pages/activity/activity?id=${event.currentTarget.dataset.id}` })
    },
  },
})
