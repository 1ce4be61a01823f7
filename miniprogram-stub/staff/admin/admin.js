// 站点管理 (station, institute, center or city admins): review needs (审核), dispatch them (派单) with the
// server's suggestions, show the rotating check-in QR for an activity, confirm hours, and fulfil
// pickup codes (核销) at the station's 爱心超市. What waits for a second person's word is listed
// here too: need-service hours to confirm or adjust, honor hours (补录) to approve or reject, and
// assisted needs whose resident is to be called back (回访). The server refuses an admin who served
// the need or recorded the honor hours (FORBIDDEN): another admin confirms.
const client = require('../../api/client')
const { keyedSubmission } = require('../../api/keyed')
const subscribe = require('../../utils/subscribe')
const { run, shortTime, render } = require('../../utils/page')
const paging = require('../../utils/paging')
const qr = require('../../pages/checkin/qr')
const qrcode = require('../../utils/qrcode')
const careMode = require('../../utils/care-behavior')
const { adjustmentLines, claimText } = require('../../utils/hours-trail')

const ADMIN_ROLES = ['STATION_ADMIN', 'INSTITUTE_ADMIN', 'CENTER_ADMIN', 'CITY_ADMIN']
const DISPATCH_DAYS = 3
// The check-in code is replaced this long before it expires (the time a volunteer needs to scan),
// and never more often than every few seconds should the clocks disagree.
const REFRESH_AHEAD_MS = 15000
const MIN_REFRESH_MS = 5000
// Needs entered for a resident without the app (代录): they are rated by a staff 回访.
const ASSISTED = ['WISH_WALL', 'LEIFENG_MAILBOX', 'HOTLINE', 'VISIT']
// A 回访 is due while the need waits for a rating, and still possible after it closed unrated.
const REVISIT_STATUSES = ['COMPLETED', 'CLOSED_UNRATED']
const HOURS_STATUS = { PENDING: '待确认', CONFIRMED: '已确认' }
// What FORBIDDEN means on each confirmation: nobody confirms their own work, and only admins
// covering the station decide.
const SELF_CONFIRM = { FORBIDDEN: '参与该需求服务的管理员不能确认或调整其时长，请由另一位管辖该站的管理员确认' }
const SELF_APPROVE = { FORBIDDEN: '补录人和志愿者本人不能审批，请由另一位管辖该志愿者的管理员审批' }
const SELF_REVOKE = { FORBIDDEN: '只有管辖该志愿者的管理员（志愿者本人除外）可以驳回' }
const SELF_TRAINING = { FORBIDDEN: '只有管辖该志愿者的管理员（志愿者本人除外）可以登记其培训' }

function needHoursView(need) {
  return {
    ...need,
    categoryName: need.category.name,
    completedWhen: shortTime(need.completedAt),
    participants: need.participants.map((p) => ({
      ...p,
      statusText: HOURS_STATUS[p.hoursStatus] || p.hoursStatus,
      claimedText: claimText(p),
      adjustments: adjustmentLines(p),
    })),
  }
}

function honorView(record) {
  return { ...record, when: shortTime(record.recordedAt) }
}

function revisitView(need) {
  return { ...need, categoryName: need.category.name, completedWhen: shortTime(need.completedAt), closed: need.status === 'CLOSED_UNRATED', stars: 5 }
}

function beijingMonth(date) {
  const d = new Date(date.getTime() + 8 * 3600e3)
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`
}

Component({
  behaviors: [careMode],
  data: {
    orgUnitId: null,
    unitPhone: '',
    phoneSaved: false,
    submitted: paging.emptyList(),
    published: paging.emptyList(),
    needHours: paging.emptyList(),
    honorHours: paging.emptyList(),
    revisits: paging.emptyList(),
    trainees: paging.emptyList(),
    course: '岗前培训',
    activityId: '',
    checkInQr: '',
    checkInExpiresAt: '',
    posterImage: '',
    signUps: paging.emptyList(),
    fulfilment: null,
    pickupCode: '',
    fulfilled: null,
    loading: false,
    error: '',
    errorCode: '',
  },
  lifetimes: {
    detached() {
      clearTimeout(this.qrTimer)
    },
  },
  methods: {
    // The staff console on a PC logs in by this admin's scan (issue 16): its page scans and confirms.
    openConsoleLogin() {
      wx.navigateTo({ url: '/pages/console-login/console-login' })
    },
    onPhoneInput(event) {
      this.setData({ unitPhone: event.detail.value })
    },
    /** The station's duty phone (值班电话), which residents in care mode call from 点单; empty clears it. */
    async savePhone() {
      const phone = (this.data.unitPhone || '').trim()
      const done = await run(this, () => client.call('UpdateOrgUnitPhone', { id: this.data.orgUnitId, phone: phone || null }))
      if (done) {
        this.setData({ unitPhone: done.updateOrgUnitPhone.phone || '', phoneSaved: true })
      }
      return done
    },
    onLoad(query) {
      let orgUnitId = query && query.orgUnitId
      if (!orgUnitId) {
        const user = client.currentUser()
        const grant = user && user.roleGrants.find((g) => ADMIN_ROLES.includes(g.role))
        orgUnitId = grant ? grant.orgUnitId : null
      }
      this.setData({ orgUnitId })
      this.drafts = {}
      if (!orgUnitId) return undefined
      return this.reload()
    },
    /** Every list of the page from its first page; also 重试 on the error state (after a refused action the lists show what is now true). */
    reload() {
      return Promise.all([this.loadNeeds(), this.loadNeedHours(), this.loadHonorHours(), this.loadRevisits(), this.loadTrainees()])
    },
    onUnload() {
      clearTimeout(this.qrTimer)
    },
    /** 待审核 and 待派单, each from its first page again (after a review or dispatch moved a need). */
    loadNeeds() {
      return run(this, () => Promise.all([this.fetchNeeds('submitted', true), this.fetchNeeds('published', true)]))
    },
    fetchNeeds(list, reset) {
      const status = list === 'submitted' ? 'SUBMITTED' : 'PUBLISHED'
      const view = (n) => ({ ...n, categoryName: n.category.name, when: shortTime(n.createdAt), suggestions: [] })
      return paging.load(this, list, async (after) => paging.fromConnection((await client.call('StationNeeds', { orgUnitId: this.data.orgUnitId, status, first: paging.PAGE_SIZE, after })).stationNeeds), { reset, view })
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
        paging.update(this, 'published', (n) => n.id === needId, (n) => ({ ...n, suggestions: list }))
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
    /** 加载更多 at the bottom of one of the confirmation lists (data-list names it). */
    loadMore(event) {
      return this.loadList(event.currentTarget.dataset.list, false)
    },
    /** 重试 after a list failed to load: starts it again from the first page. */
    retry(event) {
      return this.loadList(event.currentTarget.dataset.list, true)
    },
    loadList(list, reset) {
      if (list === 'submitted' || list === 'published') return run(this, () => this.fetchNeeds(list, reset))
      if (list === 'signUps') return this.loadSignUps(reset)
      if (list === 'trainees') return this.loadTrainees(reset)
      if (list === 'needHours') return this.loadNeedHours(reset)
      if (list === 'honorHours') return this.loadHonorHours(reset)
      return this.loadRevisits(reset)
    },
    /** Registered volunteers of the unit's stations not yet trained (先培训再上岗): the admin records the course. */
    loadTrainees(reset = true) {
      return run(this, () =>
        paging.load(this, 'trainees', async (after) => paging.fromConnection((await client.call('StationVolunteers', { orgUnitId: this.data.orgUnitId, first: paging.PAGE_SIZE, after })).volunteers), { reset, keep: (v) => !v.trained }),
      )
    },
    onCourse(event) {
      this.setData({ course: event.detail.value })
    },
    /** Records that a volunteer completed the course today; they may then sign up and serve. */
    async recordTraining(event) {
      const volunteerId = event.currentTarget.dataset.id
      const course = String(event.currentTarget.dataset.course || this.data.course || '').trim()
      if (!course) {
        this.setData({ error: '请填写培训课程名称', errorCode: 'BAD_REQUEST', retryable: false })
        return undefined
      }
      // One key per intended record: a retry (the client's own of a 503, or 重试 after an error whose
      // answer was lost) sends the same key and the same completion time, so the server records it once.
      this.pendingTrainings = this.pendingTrainings || {}
      let pending = this.pendingTrainings[volunteerId]
      if (!pending || pending.course !== course) {
        pending = { course, completedAt: new Date().toISOString(), submission: keyedSubmission((input) => client.call('RecordTraining', { input })) }
        this.pendingTrainings[volunteerId] = pending
      }
      const done = await run(this, () => pending.submission.submit({ volunteerId, course, completedAt: pending.completedAt }), SELF_TRAINING)
      if (done) {
        delete this.pendingTrainings[volunteerId]
        paging.update(this, 'trainees', (v) => v.id === volunteerId, null)
      }
      return done ? done.recordTraining : undefined
    },
    /** Needs whose participants' hours wait for an admin who did not serve (待确认的服务时长). */
    loadNeedHours(reset = true) {
      return run(this, () =>
        paging.load(this, 'needHours', async (after) => paging.fromConnection((await client.call('PendingNeedHours', { orgUnitId: this.data.orgUnitId, first: paging.PAGE_SIZE, after })).pendingNeedHours), { reset, view: needHoursView }),
      )
    },
    /** Confirms every pending participant of a need; the need leaves the list once nothing waits. */
    async confirmNeedHours(event) {
      const needId = event.currentTarget.dataset.id
      const done = await run(this, () => client.call('ConfirmNeedHours', { needId }), SELF_CONFIRM)
      if (done) this.replaceNeedHours(done.confirmNeedHours)
      return done ? done.confirmNeedHours : undefined
    },
    /** Input for the adjustment of one participant's hours: data-key is need:user, data-field hours or reason. */
    onDraft(event) {
      const { key, field } = event.currentTarget.dataset
      this.drafts = this.drafts || {}
      this.drafts[key] = { ...this.drafts[key], [field]: event.detail.value }
    },
    /** Sets one participant's hours before confirmation; a reason is required and kept on the record. */
    async adjustNeedHours(event) {
      const { need, user } = event.currentTarget.dataset
      const draft = (this.drafts && this.drafts[`${need}:${user}`]) || {}
      const hours = Number(event.currentTarget.dataset.hours != null ? event.currentTarget.dataset.hours : draft.hours)
      const reason = String(event.currentTarget.dataset.reason || draft.reason || '').trim()
      if (!reason || !(hours >= 0 && hours <= 24)) {
        this.setData({ error: '请填写 0–24 小时的核定时长和调整理由', errorCode: 'BAD_REQUEST', retryable: false })
        return undefined
      }
      const done = await run(this, () => client.call('AdjustNeedHours', { input: { needId: need, participantUserId: user, hours, reason } }), SELF_CONFIRM)
      if (done) this.replaceNeedHours(done.adjustNeedHours)
      return done ? done.adjustNeedHours : undefined
    },
    replaceNeedHours(changed) {
      const waiting = changed.participants.some((p) => p.hoursStatus === 'PENDING')
      paging.update(this, 'needHours', (n) => n.id === changed.id, waiting ? (n) => needHoursView({ ...n, participants: changed.participants }) : null)
    },
    /** Honor hours (补录) recorded by one admin, waiting for another's approval. */
    loadHonorHours(reset = true) {
      return run(this, () =>
        paging.load(this, 'honorHours', async (after) => paging.fromConnection((await client.call('PendingHonorHours', { orgUnitId: this.data.orgUnitId, first: paging.PAGE_SIZE, after })).pendingHonorHours), { reset, view: honorView }),
      )
    },
    async approveHonorHours(event) {
      const id = event.currentTarget.dataset.id
      const done = await run(this, () => client.call('ApproveHonorHours', { id }), SELF_APPROVE)
      if (done) paging.update(this, 'honorHours', (r) => r.id === id, null)
      return done ? done.approveHonorHours : undefined
    },
    onRevokeReason(event) {
      this.drafts = this.drafts || {}
      this.drafts[`honor:${event.currentTarget.dataset.id}`] = event.detail.value
    },
    /** Rejects pending honor hours (驳回) with a reason the volunteer will see. */
    async revokeHonorHours(event) {
      const id = event.currentTarget.dataset.id
      const reason = String(event.currentTarget.dataset.reason || (this.drafts && this.drafts[`honor:${id}`]) || '').trim()
      if (!reason) {
        this.setData({ error: '请填写驳回理由', errorCode: 'BAD_REQUEST', retryable: false })
        return undefined
      }
      const done = await run(this, () => client.call('RevokeHonorHours', { id, reason }), SELF_REVOKE)
      if (done) paging.update(this, 'honorHours', (r) => r.id === id, null)
      return done ? done.revokeHonorHours : undefined
    },
    /**
     * Assisted needs (代录) completed and not rated: first those waiting for a rating, then those
     * closed unrated, which the server still accepts for a while (app.need.revisit-within). There is
     * no query for exactly these, so the station's needs of each status are paged and online
     * orders (rated by the resident) are left out; the cursor says which status it is in.
     */
    loadRevisits(reset = true) {
      const fetch = async (cursor) => {
        const at = cursor ? JSON.parse(cursor) : { phase: 0, after: null }
        const data = await client.call('RevisitCandidates', { orgUnitId: this.data.orgUnitId, status: REVISIT_STATUSES[at.phase], first: paging.PAGE_SIZE, after: at.after })
        const page = paging.fromConnection(data.stationNeeds)
        const last = at.phase === REVISIT_STATUSES.length - 1
        if (page.hasNextPage) return { ...page, endCursor: JSON.stringify({ phase: at.phase, after: page.endCursor }) }
        return { ...page, hasNextPage: !last, endCursor: last ? null : JSON.stringify({ phase: at.phase + 1, after: null }) }
      }
      return run(this, () => paging.load(this, 'revisits', fetch, { reset, view: revisitView, keep: (n) => ASSISTED.includes(n.source) && n.ratingStars == null }))
    },
    setRevisitStars(event) {
      const { id, stars } = event.currentTarget.dataset
      paging.update(this, 'revisits', (n) => n.id === id, (n) => ({ ...n, stars: Number(stars) }))
    },
    onRevisitNote(event) {
      this.drafts = this.drafts || {}
      this.drafts[`revisit:${event.currentTarget.dataset.id}`] = event.detail.value
    },
    /** Calls the resident for the 回访 (the admin sees the contact of needs at their stations). */
    callResident(event) {
      wx.makePhoneCall({ phoneNumber: event.currentTarget.dataset.phone })
    },
    /** Records the resident's stars and the 回访 note on their behalf; the need becomes RATED. */
    async recordRevisit(event) {
      const { id } = event.currentTarget.dataset
      const item = this.data.revisits.items.find((n) => n.id === id)
      const stars = Number(event.currentTarget.dataset.stars || (item && item.stars) || 5)
      const note = String(event.currentTarget.dataset.note || (this.drafts && this.drafts[`revisit:${id}`]) || '').trim()
      if (!note) {
        this.setData({ error: '请填写回访说明（如何联系到群众、群众的原话）', errorCode: 'BAD_REQUEST', retryable: false })
        return undefined
      }
      const done = await run(this, () => client.call('RecordNeedRevisit', { input: { needId: id, stars, note } }))
      if (done) paging.update(this, 'revisits', (n) => n.id === id, null)
      return done ? done.recordNeedRevisit : undefined
    },
    onActivityId(event) {
      this.setData({ activityId: event.detail.value })
    },
    /**
     * Shows the rotating check-in QR on the canvas and fetches a fresh server token shortly before
     * the shown one expires (tokens live 60 s), so a volunteer never scans a dead code.
     */
    async showCheckInCode() {
      clearTimeout(this.qrTimer)
      return this.refreshCode()
    },
    async refreshCode() {
      const ok = await run(this, async () => {
        const activityId = this.data.activityId
        const data = await client.call('ActivityCheckInCode', { activityId })
        const code = data.activityCheckInCode
        const text = qr.encode(activityId, code.token)
        await render(this, { checkInQr: text, checkInExpiresAt: shortTime(code.expiresAt) })
        await qrcode.draw(this, 'checkin-qr', text)
        this.scheduleRefresh(code.expiresAt)
        return true
      })
      return ok === true
    },
    scheduleRefresh(expiresAt) {
      clearTimeout(this.qrTimer)
      const wait = Math.max(MIN_REFRESH_MS, new Date(expiresAt).getTime() - Date.now() - REFRESH_AHEAD_MS)
      this.qrRefreshIn = wait
      this.qrTimer = setTimeout(() => this.refreshCode(), wait)
    },
    /**
     * 活动海报小程序码: the activity's 小程序码 for posters (source=poster), to save to the album and
     * print; a sign-up from it is counted under "poster" in 报名来源.
     */
    loadPoster() {
      return run(this, async () => {
        const file = await client.download(`/activities/${encodeURIComponent(this.data.activityId)}/wxacode?source=poster`)
        this.setData({ posterImage: file })
        return file
      })
    },
    savePoster() {
      wx.saveImageToPhotosAlbum({ filePath: this.data.posterImage, success: () => wx.showToast({ title: '已保存到相册' }), fail: () => {} })
    },
    /** The activity's confirmed sign-ups, 20 a page; 确认时长 confirms those listed. */
    loadSignUps(reset = true) {
      const fetch = async (after) => paging.fromConnection((await client.call('ActivitySignUps', { activityId: this.data.activityId, first: paging.PAGE_SIZE, after })).activitySignUps)
      return run(this, () => paging.load(this, 'signUps', fetch, { reset, view: (s) => ({ ...s, name: s.volunteer.maskedName }) }))
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
      const ids = this.data.signUps.items.filter((s) => s.checkedInAt && s.hours != null && !s.hoursConfirmed).map((s) => s.id)
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
