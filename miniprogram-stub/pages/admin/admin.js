// 站点管理 (station, institute or center admins): review needs (审核), dispatch them (派单) with the
// server's suggestions, show the rotating check-in QR for an activity, confirm hours, and fulfil
// pickup codes (核销) at the station's 爱心超市.
const client = require('../../api/client')
const subscribe = require('../../utils/subscribe')
const { run, nodes, shortTime } = require('../../utils/page')
const qr = require('../checkin/qr')

const ADMIN_ROLES = ['STATION_ADMIN', 'INSTITUTE_ADMIN', 'CENTER_ADMIN']
const DISPATCH_DAYS = 3

function beijingMonth(date) {
  const d = new Date(date.getTime() + 8 * 3600e3)
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`
}

Component({
  data: {
    orgUnitId: null,
    submitted: [],
    published: [],
    activityId: '',
    checkInQr: '',
    checkInExpiresAt: '',
    signUps: [],
    fulfilment: null,
    pickupCode: '',
    fulfilled: null,
    loading: false,
    error: '',
    errorCode: '',
  },
  lifetimes: {
    detached() {
      clearInterval(this.qrTimer)
    },
  },
  methods: {
    onLoad(query) {
      let orgUnitId = query && query.orgUnitId
      if (!orgUnitId) {
        const user = client.currentUser()
        const grant = user && user.roleGrants.find((g) => ADMIN_ROLES.includes(g.role))
        orgUnitId = grant ? grant.orgUnitId : null
      }
      this.setData({ orgUnitId })
      return orgUnitId ? this.loadNeeds() : undefined
    },
    onUnload() {
      clearInterval(this.qrTimer)
    },
    loadNeeds() {
      return run(this, async () => {
        const [submitted, published] = await Promise.all([
          client.call('StationNeeds', { orgUnitId: this.data.orgUnitId, status: 'SUBMITTED', first: 50 }),
          client.call('StationNeeds', { orgUnitId: this.data.orgUnitId, status: 'PUBLISHED', first: 50 }),
        ])
        const view = (n) => ({ ...n, categoryName: n.category.name, when: shortTime(n.createdAt), suggestions: [] })
        this.setData({ submitted: nodes(submitted.stationNeeds).map(view), published: nodes(published.stationNeeds).map(view) })
      })
    },
    async publish(event) {
      const done = await run(this, () => client.call('PublishNeed', { needId: event.currentTarget.dataset.id, note: '审核通过' }))
      if (done) {
        // Each review tap may top up the one-time consents for the next new or overdue need.
        await this.askForAlerts()
        await this.loadNeeds()
      }
      return done
    },
    /** 订阅消息: new needs at the station and escalated ones (a user gesture is required). */
    askForAlerts() {
      return subscribe.askFor(subscribe.ADMIN_ALERTS)
    },
    async reject(event) {
      const done = await run(this, () => client.call('RejectNeed', { needId: event.currentTarget.dataset.id, reason: event.currentTarget.dataset.reason || '不属于服务范围' }))
      if (done) await this.loadNeeds()
      return done
    },
    suggest(event) {
      const needId = event.currentTarget.dataset.id
      return run(this, async () => {
        const data = await client.call('SuggestAssignees', { needId })
        const list = data.suggestAssignees.map((s) => ({ ...s, percent: Math.round(s.score * 100), why: s.factors.map((f) => `${f.name} ${Math.round(f.value * 100)}%`).join('，') }))
        this.setData({ published: this.data.published.map((n) => (n.id === needId ? { ...n, suggestions: list } : n)) })
        return list
      })
    },
    async dispatch(event) {
      const { id, team, user } = event.currentTarget.dataset
      const deadline = new Date(Date.now() + DISPATCH_DAYS * 86400e3).toISOString()
      const input = { needId: id, deadline }
      if (team) input.teamId = team
      else input.volunteerUserId = user
      const done = await run(this, () => client.call('DispatchNeed', { input }))
      if (done) await this.loadNeeds()
      return done
    },
    onActivityId(event) {
      this.setData({ activityId: event.detail.value })
    },
    /** Shows the rotating check-in QR: a fresh server token every 50 s (tokens live 60 s). */
    async showCheckInCode() {
      clearInterval(this.qrTimer)
      const ok = await this.refreshCode()
      if (ok) this.qrTimer = setInterval(() => this.refreshCode(), 50000)
      return ok
    },
    refreshCode() {
      return run(this, async () => {
        const data = await client.call('ActivityCheckInCode', { activityId: this.data.activityId })
        this.setData({ checkInQr: qr.encode(this.data.activityId, data.activityCheckInCode.token), checkInExpiresAt: shortTime(data.activityCheckInCode.expiresAt) })
        return true
      })
    },
    loadSignUps() {
      return run(this, async () => {
        const data = await client.call('ActivitySignUps', { activityId: this.data.activityId, first: 100 })
        this.setData({ signUps: nodes(data.activitySignUps).map((s) => ({ ...s, name: s.volunteer.maskedName })) })
        return this.data.signUps
      })
    },
    /** Sets hours for a volunteer whose check-out is missing or wrong (须填写原因). */
    async adjust(event) {
      const { id, hours } = event.currentTarget.dataset
      const done = await run(this, () => client.call('AdjustHours', { signUpId: id, hours: Number(hours), reason: event.currentTarget.dataset.reason || '组织者核定' }))
      if (done) await this.loadSignUps()
      return done
    },
    /** Confirms every checked-in sign-up that has hours and is not yet confirmed. */
    async confirmAll() {
      const ids = this.data.signUps.filter((s) => s.checkedInAt && s.hours != null && !s.hoursConfirmed).map((s) => s.id)
      if (!ids.length) return []
      const done = await run(this, () => client.call('ConfirmHours', { activityId: this.data.activityId, signUpIds: ids }))
      if (done) await this.loadSignUps()
      return done ? done.confirmHours : undefined
    },
    /** 落实清单 of a month (YYYY-MM, Beijing time; default this month): live for admins until published. */
    loadFulfilment(month) {
      const m = typeof month === 'string' ? month : beijingMonth(new Date())
      return run(this, async () => {
        const data = await client.call('FulfilmentList', { orgUnitId: this.data.orgUnitId, month: m })
        const list = data.fulfilmentList
        const pct = (r) => (r == null ? '—' : `${Math.round(r * 100)}%`)
        this.setData({ fulfilment: { ...list, rate: pct(list.total.fulfilmentRate), satisfaction: pct(list.total.satisfaction) } })
        return list
      })
    },
    onPickupCode(event) {
      this.setData({ pickupCode: event.detail.value.trim() })
    },
    scanPickupCode() {
      return new Promise((resolve) => {
        wx.scanCode({
          success: (res) => {
            this.setData({ pickupCode: res.result })
            resolve(this.fulfil())
          },
          fail: () => resolve(undefined),
        })
      })
    },
    fulfil() {
      return run(this, async () => {
        const data = await client.call('FulfilRedemption', { code: this.data.pickupCode })
        this.setData({ fulfilled: data.fulfilRedemption })
        return data.fulfilRedemption
      })
    },
  },
})
