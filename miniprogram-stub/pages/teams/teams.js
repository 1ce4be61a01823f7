// 志愿服务队伍: my teams on top, then the teams of my station (or of the unit in the query) with
// 加载更多; a search by skill (e.g. 电路、水管) looks through the 资源清单 of the same unit.
const client = require('../../api/client')
const { run } = require('../../utils/page')
const paging = require('../../utils/paging')
const careMode = require('../../utils/care-behavior')

const KIND = { GENERAL: '总队', BRANCH: '支队', SQUAD: '分队', SPECIALTY: '专业队伍' }
const teamView = (t) => ({ ...t, kindText: KIND[t.kind] || t.kind, skillsText: (t.skills || []).join('、'), leaderName: t.leader && t.leader.volunteer ? t.leader.volunteer.maskedName : '' })

Component({
  behaviors: [careMode],
  data: { orgUnitId: null, keyword: '', searched: '', mine: paging.emptyList(), teams: paging.emptyList(), loading: false, error: '', errorCode: '' },
  methods: {
    ...paging.handlers({ teams: function (reset) { return this.loadTeams(reset) }, mine: function () { return this.loadMine() } }),
    async onLoad(query) {
      this.query = query
      let orgUnitId = query && query.orgUnitId
      if (!orgUnitId) {
        const data = await run(this, () => client.call('MyVolunteer'))
        orgUnitId = data && data.myVolunteer ? data.myVolunteer.homeStationId : null
      }
      this.setData({ orgUnitId })
      if (!orgUnitId) this.setData({ teams: { ...paging.emptyList(), loaded: !this.data.error } })
      return Promise.all([this.loadMine(), orgUnitId ? this.loadTeams(true) : null])
    },
    /** 重试 on the error state: everything the page shows, from the start. */
    reload() {
      return this.onLoad(this.query)
    },
    loadMine() {
      return run(this, () => paging.load(this, 'mine', async () => paging.whole((await client.call('MyTeams')).myTeams), { reset: true, view: teamView }))
    },
    /** The unit's teams page by page, or, while a keyword is searched, the 资源清单's teams with that skill. */
    loadTeams(reset) {
      const skill = this.data.searched
      const fetch = skill
        ? (cursor) => paging.fromTop(async (first) => (await client.call('Resources', { filter: { orgUnitId: this.data.orgUnitId, skill }, first })).resources.teams, cursor)
        : async (after) => paging.fromConnection((await client.call('Teams', { orgUnitId: this.data.orgUnitId, first: paging.PAGE_SIZE, after })).teams)
      return run(this, () => paging.load(this, 'teams', fetch, { reset, view: teamView }))
    },
    onKeyword(event) {
      this.setData({ keyword: event.detail.value })
    },
    search() {
      this.setData({ searched: String(this.data.keyword || '').trim() })
      return this.loadTeams(true)
    },
    clearSearch() {
      this.setData({ keyword: '', searched: '' })
      return this.loadTeams(true)
    },
    open(event) {
      wx.navigateTo({ url: `/pages/team/team?id=${event.currentTarget.dataset.id}` })
    },
  },
})
