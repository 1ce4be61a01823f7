// 活动详情与报名. Opened from lists, from 公众号 menus and articles as
// pages/activity/activity?id=<activityId>&source=<menu|article|qr>, and from a printed poster's
// 小程序码, which WeChat opens with only `scene` (URL-encoded `a=<activityId>&s=<source>`, see the
// backend's ActivityPosters); the source is stored with the sign-up and counted by signUpSources.
const client = require('../../api/client')
const subscribe = require('../../utils/subscribe')
const { run, shortTime } = require('../../utils/page')
const careMode = require('../../utils/care-behavior')

const SIGN_UP_STATUS = { CONFIRMED: '已报名', WAITLISTED: '候补中', CANCELLED: '已取消', NO_SHOW: '未到' }
const SOURCE = /^[a-z0-9_-]{1,20}$/

/** What the volunteer is told of their hours: waiting, confirmed or revoked. */
function hoursLine(s) {
  if (s.hours == null) return ''
  if (s.hoursRevoked) return `时长 ${s.hours} 小时已撤销${s.hoursRevokeReason ? `：${s.hoursRevokeReason}` : ''}`
  if (s.hoursConfirmed) return `已确认时长 ${s.hours} 小时`
  return `签退时长 ${s.hours} 小时，待组织者确认`
}

/** The organisers' settings of the hours, newest first, each with who, why and what it replaced. */
function adjustmentLines(s) {
  return (s.hoursAdjustments || []).slice().reverse().map((a) => ({
    id: a.id,
    text: `${shortTime(a.adjustedAt)} ${a.adjustedByName} 调整为 ${a.hoursAfter} 小时${a.hoursBefore != null ? `（原 ${a.hoursBefore} 小时）` : ''}：${a.reason}`,
  }))
}

/** The id and source a 小程序码's scene carries (`a=12&s=poster`, URL-encoded by WeChat). */
function fromScene(scene) {
  if (!scene) return {}
  let text
  try {
    text = decodeURIComponent(scene)
  } catch (e) {
    return {}
  }
  const out = {}
  for (const pair of text.split('&')) {
    const [key, value] = pair.split('=')
    if (key === 'a' && /^\d{1,19}$/.test(value || '')) out.id = value
    if (key === 's' && value) out.source = value
  }
  return out
}

Component({
  behaviors: [careMode],
  data: { activity: null, notFound: false, signUp: null, source: null, canRate: false, stars: 5, starOptions: [], comment: '', rated: null, reminded: false, loading: false, error: '', errorCode: '' },
  methods: {
    onLoad(query) {
      const q = { ...(query || {}), ...fromScene(query && query.scene) }
      this.activityId = q.id
      const source = q.source && SOURCE.test(q.source) ? q.source : null
      this.setData({ source })
      return this.refresh()
    },
    refresh() {
      return run(this, async () => {
        const data = await client.call('ActivityDetail', { id: this.activityId })
        const a = data.activity
        this.setData({ notFound: !a })
        if (!a) return
        this.setData({
          activity: { ...a, when: `${shortTime(a.startsAt)} – ${shortTime(a.endsAt)}`, full: a.confirmedCount >= a.capacity },
          signUp: a.mySignUp ? { ...a.mySignUp, statusText: SIGN_UP_STATUS[a.mySignUp.status], hoursText: hoursLine(a.mySignUp), adjustments: adjustmentLines(a.mySignUp) } : null,
          // 评价: those who checked in, once the activity has finished (the server refuses a second rating).
          canRate: a.status === 'FINISHED' && !!(a.mySignUp && a.mySignUp.checkedInAt) && !this.data.rated,
        })
        this.setStars({ currentTarget: { dataset: { stars: this.data.stars } } })
      })
    },
    async signUp() {
      const done = await run(this, () => client.call('SignUp', { activityId: this.activityId, source: this.data.source }))
      if (!done) return undefined
      await this.askForReminder()
      await this.refresh()
      return done.signUp
    },
    async cancel() {
      const done = await run(this, () => client.call('CancelSignUp', { activityId: this.activityId }))
      if (done) await this.refresh()
      return done
    },
    checkIn() {
      wx.navigateTo({ url: `/pages/checkin/checkin?id=${this.activityId}` })
    },
    setStars(event) {
      const stars = Number(event.currentTarget.dataset.stars)
      this.setData({ stars, starOptions: [1, 2, 3, 4, 5].map((n) => ({ n, on: n <= stars })) })
    },
    onComment(event) {
      this.setData({ comment: event.detail.value })
    },
    /** 评价活动: 1–5 stars and an optional comment (checked by msgSecCheck; a held one is visible to me only). */
    async rate() {
      const comment = String(this.data.comment || '').trim()
      const done = await run(this, () => client.call('RateActivity', { activityId: this.activityId, stars: this.data.stars, comment: comment || null }))
      if (done) {
        this.setData({ rated: done.rateActivity, canRate: false })
        return done.rateActivity
      }
      if (this.data.errorCode === 'ACTIVITY_ALREADY_RATED') this.setData({ canRate: false })
      return undefined
    },
    /** 开启活动提醒, asked again by a tap (each acceptance allows one message). */
    async remindMe() {
      const accepted = await this.askForReminder()
      this.setData({ reminded: accepted.length > 0 })
      return accepted
    },
    /** 订阅消息: the 24 h reminder and changes need the user's consent, asked right after signing up. */
    askForReminder() {
      return subscribe.askFor(subscribe.ACTIVITY_UPDATES)
    },
  },
})
