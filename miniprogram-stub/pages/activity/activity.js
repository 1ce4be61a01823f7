// 活动详情与报名. Opened from lists, from 公众号 menus and articles as
// pages/activity/activity?id=<activityId>&source=<menu|article|qr>, and from a printed poster's
// 小程序码, which WeChat opens with only `scene` (URL-encoded `a=<activityId>&s=<source>`, see the
// backend's ActivityPosters); the source is stored with the sign-up and counted by signUpSources.
const client = require('../../api/client')
const subscribe = require('../../utils/subscribe')
const { run, shortTime } = require('../../utils/page')

const SIGN_UP_STATUS = { CONFIRMED: '已报名', WAITLISTED: '候补中', CANCELLED: '已取消', NO_SHOW: '未到' }
const SOURCE = /^[a-z0-9_-]{1,20}$/

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
  data: { activity: null, signUp: null, source: null, loading: false, error: '', errorCode: '' },
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
        if (!a) return
        this.setData({
          activity: { ...a, when: `${shortTime(a.startsAt)} – ${shortTime(a.endsAt)}`, full: a.confirmedCount >= a.capacity },
          signUp: a.mySignUp ? { ...a.mySignUp, statusText: SIGN_UP_STATUS[a.mySignUp.status] } : null,
        })
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
    /** 订阅消息: the 24 h reminder and changes need the user's consent, asked right after signing up. */
    askForReminder() {
      return subscribe.askFor(subscribe.ACTIVITY_UPDATES)
    },
  },
})
