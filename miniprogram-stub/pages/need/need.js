// 需求详情: the need with its timeline (流转记录); the resident rates (评单) or cancels it here.
const client = require('../../api/client')
const { run, shortTime } = require('../../utils/page')
const { STATUS } = require('./status')
const photos = require('../../utils/photos')
const careMode = require('../../utils/care-behavior')
const { adjustmentLines, claimText } = require('../../utils/hours-trail')

/** The API bounds a need's 受益群众 count (NEED_BENEFICIARIES_INVALID above it). */
const MAX_BENEFICIARIES = 10000

// Hours served on a need are a claim until an admin who did not serve confirms them: until then
// they earn neither credit hours nor points, and the page says so.
const HOURS_STATUS = { PENDING: '待确认', CONFIRMED: '已确认' }

function participantView(p, user) {
  return {
    ...p, who: user && user.id === p.userId ? '我' : `志愿者 ${p.userId}`, statusText: HOURS_STATUS[p.hoursStatus] || '',
    adjusted: claimText(p), adjustments: adjustmentLines(p),
  }
}

Component({
  behaviors: [careMode],
  data: {
    need: null,
    notFound: false,
    photos: [],
    completionPhotos: [],
    newCompletionPhotos: [],
    timeline: [],
    participants: [],
    stars: 5,
    starOptions: [1, 2, 3, 4, 5].map((value) => ({ value, on: true })),
    comment: '',
    isAssignee: false,
    completion: { note: '', hours: 2, participantIds: [], beneficiaries: '' },
    loading: false,
    error: '',
    errorCode: '',
  },
  methods: {
    onLoad(query) {
      this.needId = query.id
      return this.refresh()
    },
    refresh() {
      return run(this, async () => {
        const data = await client.call('NeedDetail', { id: this.needId })
        const need = data.need
        this.setData({ notFound: !need })
        if (!need) return
        const user = client.currentUser()
        let isAssignee = !!user && need.assignedUserId === user.id
        if (user && need.assignedTeamId) {
          const teams = await client.call('MyTeams')
          isAssignee = teams.myTeams.some((t) => t.id === need.assignedTeamId && t.leader.userId === user.id)
        }
        this.setData({
          isAssignee,
          need: { ...need, statusText: STATUS[need.status], categoryName: need.category.name },
          timeline: need.timeline.map((t) => ({ ...t, text: `${t.kind === 'REVISIT' ? '回访' : STATUS[t.toStatus]}${t.note ? '：' + t.note : ''}`, when: shortTime(t.at) })),
          participants: (need.participants || []).map((p) => participantView(p, user)),
          // A pending photo is listed for its uploader only; it shows as 审核中 until WeChat passes it.
          photos: (need.photos || []).map(photos.view),
          completionPhotos: (need.completionPhotos || []).map(photos.view),
        })
      })
    },
    setStars(event) {
      const stars = Number(event.currentTarget.dataset.stars)
      this.setData({ stars, starOptions: this.data.starOptions.map((o) => ({ value: o.value, on: o.value <= stars })) })
    },
    onComment(event) {
      this.setData({ comment: event.detail.value })
    },
    async rate() {
      const done = await run(this, () =>
        client.call('RateNeed', { input: { needId: this.needId, stars: this.data.stars, comment: this.data.comment || null } }),
      )
      if (done) await this.refresh()
      return done
    },
    /** 接单方: accept a dispatch, decline it with a reason, start, complete with participants and hours. */
    async act(name, variables) {
      const done = await run(this, () => client.call(name, variables))
      if (done) await this.refresh()
      return done
    },
    accept() {
      return this.act('AcceptNeed', { needId: this.needId })
    },
    decline(event) {
      const reason = (event && event.currentTarget && event.currentTarget.dataset.reason) || '人手不足'
      return this.act('DeclineNeed', { needId: this.needId, reason })
    },
    start() {
      return this.act('StartNeed', { needId: this.needId })
    },
    onCompletion(event) {
      this.setData({ [`completion.${event.currentTarget.dataset.field}`]: event.detail.value })
    },
    /** Tapping a thumbnail (需求照片 or 完成照片) opens the full photos of that grid. */
    previewPhoto(event) {
      const { list, index } = event.currentTarget.dataset
      photos.preview(this.data[list] || [], Number(index))
    },
    /** 完成照片: taken on the spot, uploaded at once, sent with 完成服务. */
    addCompletionPhotos() {
      return run(this, () => photos.addTo(this, 'newCompletionPhotos'))
    },
    removeCompletionPhoto(event) {
      const index = Number(event.currentTarget.dataset.index)
      this.setData({ newCompletionPhotos: this.data.newCompletionPhotos.filter((_, i) => i !== index) })
    },
    async complete() {
      const { note, hours, participantIds } = this.data.completion
      const ids = participantIds.length ? participantIds : [client.currentUser().id]
      const participants = ids.map((userId) => ({ userId, hours: Number(hours) }))
      const input = { needId: this.needId, note, participants }
      // 受益群众: empty means the resident alone (the server's default of 1); a group need says how many.
      const served = String(this.data.completion.beneficiaries || '').trim()
      if (served) {
        const count = Number(served)
        if (!Number.isInteger(count) || count < 0 || count > MAX_BENEFICIARIES) {
          this.setData({ error: `受益群众人数应为 0–${MAX_BENEFICIARIES} 的整数`, errorCode: 'NEED_BENEFICIARIES_INVALID' })
          return false
        }
        input.beneficiaries = count
      }
      const photoIds = photos.ids(this.data.newCompletionPhotos)
      if (photoIds.length) input.photoIds = photoIds
      const done = await this.act('CompleteNeed', { input })
      if (done) this.setData({ newCompletionPhotos: [] })
      return done
    },
    async cancel() {
      const done = await run(this, () => client.call('CancelNeed', { needId: this.needId, reason: '不再需要' }))
      if (done) await this.refresh()
      return done
    },
  },
})
