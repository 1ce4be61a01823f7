// 我的: my volunteer profile (or the way to register), training status (先培训再上岗), phone binding
// with WeChat's getPhoneNumber button, whether my name shows on leaderboards, and 关怀模式; my
// 荣誉称号 (礼遇与嘉许: rule titles, 年度优秀志愿者; revoked ones are not returned).
const client = require('../../api/client')
const { run, shortTime } = require('../../utils/page')
const care = require('../../utils/care')
const careBehavior = require('../../utils/care-behavior')

const CATEGORY = { THEORY_LECTURE: '理论宣讲', EDUCATION: '教育服务', CULTURE: '文化服务', SCIENCE_TECH: '科技与科普服务', HEALTH_SPORTS: '健康促进与体育服务' }
// The server has no query for this preference, so the last choice made on this phone is shown.
const SHOW_NAME_KEY = 'showNameOnLeaderboard'

Component({
  behaviors: [careBehavior],
  data: { me: null, volunteer: null, showName: false, careMode: false, loading: false, error: '', errorCode: '' },
  methods: {
    onLoad() {
      this.setData({ showName: !!wx.getStorageSync(SHOW_NAME_KEY), careMode: care.enabled() })
      return this.refresh()
    },
    onShow() {
      if (this.data.me) this.refresh()
    },
    refresh() {
      return run(this, async () => {
        const data = await client.call('MyProfile')
        const v = data.myVolunteer
        this.setData({
          me: data.me,
          volunteer: v
            ? {
                ...v,
                categoryNames: v.categories.map((c) => CATEGORY[c] || c).join('、'),
                trainings: v.trainings.map((t) => ({ ...t, when: shortTime(t.completedAt) })),
                honours: v.honours || [],
              }
            : null,
        })
        return data
      })
    },
    register() {
      wx.navigateTo({ url: '/pages/register/register' })
    },
    /** The getPhoneNumber button's answer: a one-time code for bindPhone, or nothing when declined. */
    async onPhone(event) {
      const code = event && event.detail && event.detail.code
      if (!code) {
        this.setData({ error: '未授权手机号，可稍后再绑定', errorCode: 'PHONE_DECLINED', retryable: false })
        return undefined
      }
      const done = await run(this, () => client.call('BindPhone', { code }))
      if (done) this.setData({ 'me.phone': done.bindPhone.phone })
      return done ? done.bindPhone : undefined
    },
    async onShowName(event) {
      const show = !!event.detail.value
      const done = await run(this, () => client.call('SetShowNameOnLeaderboard', { show }))
      if (done) {
        wx.setStorageSync(SHOW_NAME_KEY, show)
        this.setData({ showName: show })
      } else {
        this.setData({ showName: !show })
      }
      return done ? show : undefined
    },
    /** 在职党员: declare (到站报到) or withdraw; counted once an admin of the home station confirms it. */
    async onInServiceParty(event) {
      const declared = !!event.detail.value
      const done = await run(this, () => client.call('DeclareInServicePartyMember', { declared }))
      if (done) {
        const v = done.declareInServicePartyMember
        this.setData({ 'volunteer.inServicePartyDeclared': v.inServicePartyDeclared, 'volunteer.inServicePartyMember': v.inServicePartyMember })
      } else {
        this.setData({ 'volunteer.inServicePartyDeclared': !declared })
      }
      return done ? done.declareInServicePartyMember : undefined
    },
    onCareMode(event) {
      const on = care.set(!!event.detail.value)
      this.setData({ careMode: on })
      this.applyCare()
      return on
    },
  },
})
