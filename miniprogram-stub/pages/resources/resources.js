// 资源清单: who can help with what near me — teams and volunteers of a unit (my station, or the one
// in the query) found by a skill keyword and/or a 五大平台 category. Only public information
// (masked names, skills, stars) is shown; contacting them goes through the station.
const client = require('../../api/client')
const { run } = require('../../utils/page')
const paging = require('../../utils/paging')
const careMode = require('../../utils/care-behavior')

const CATEGORIES = [
  { value: '', label: '全部类别' },
  { value: 'THEORY_LECTURE', label: '理论宣讲' },
  { value: 'EDUCATION', label: '教育服务' },
  { value: 'CULTURE', label: '文化服务' },
  { value: 'SCIENCE_TECH', label: '科技与科普服务' },
  { value: 'HEALTH_SPORTS', label: '健康促进与体育服务' },
]
const KIND = { GENERAL: '总队', BRANCH: '支队', SQUAD: '分队', SPECIALTY: '专业队伍' }
const VIEWS = {
  teams: (t) => ({ ...t, kindText: KIND[t.kind] || t.kind, skillsText: t.skills.join('、') }),
  volunteers: (v) => ({ ...v, skillsText: v.skills.join('、') }),
}

Component({
  behaviors: [careMode],
  data: { orgUnitId: null, categories: CATEGORIES, categoryIndex: 0, skill: '', teams: paging.emptyList(), volunteers: paging.emptyList(), loading: false, error: '', errorCode: '' },
  methods: {
    ...paging.handlers({
      teams: function (reset) { return reset ? this.search() : this.more('teams') },
      volunteers: function (reset) { return reset ? this.search() : this.more('volunteers') },
    }),
    async onLoad(query) {
      let orgUnitId = query && query.orgUnitId
      if (!orgUnitId) {
        const data = await run(this, () => client.call('MyVolunteer'))
        orgUnitId = data && data.myVolunteer ? data.myVolunteer.homeStationId : null
      }
      this.setData({ orgUnitId, skill: (query && query.skill) || '' })
      return orgUnitId ? this.search() : undefined
    },
    onSkill(event) {
      this.setData({ skill: event.detail.value })
    },
    onCategory(event) {
      this.setData({ categoryIndex: Number(event.detail.value) })
    },
    /**
     * 查找: one request answers the first page of both lists (the server cuts each at `first`). The
     * filter is kept for 加载更多, so a later page matches what the lists show.
     */
    search() {
      const filter = { orgUnitId: this.data.orgUnitId }
      const skill = String(this.data.skill || '').trim()
      const category = CATEGORIES[this.data.categoryIndex].value
      if (skill) filter.skill = skill
      if (category) filter.category = category
      this.filter = filter
      return run(this, async () => {
        let answer = null
        const once = (first) => {
          if (!answer) answer = this.fetch(first)
          return answer
        }
        await Promise.all([
          paging.load(this, 'teams', (cursor) => paging.fromTop(async (first) => (await once(first)).teams, cursor), { reset: true, view: VIEWS.teams }),
          paging.load(this, 'volunteers', (cursor) => paging.fromTop(async (first) => (await once(first)).volunteers, cursor), { reset: true, view: VIEWS.volunteers }),
        ])
        return answer
      })
    },
    /** 加载更多 of one list: the server's top grows by a page (its rows past those shown are added). */
    more(list) {
      return run(this, () => paging.load(this, list, (cursor) => paging.fromTop(async (first) => (await this.fetch(first))[list], cursor), { view: VIEWS[list] }))
    },
    fetch(first) {
      return client.call('Resources', { filter: this.filter, first }).then((d) => d.resources)
    },
    openTeam(event) {
      wx.navigateTo({ url: `/pages/team/team?id=${event.currentTarget.dataset.id}` })
    },
  },
})
