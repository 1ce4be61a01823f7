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

Component({
  behaviors: [careMode],
  data: { orgUnitId: null, categories: CATEGORIES, categoryIndex: 0, skill: '', teams: paging.emptyList(), volunteers: paging.emptyList(), loading: false, error: '', errorCode: '' },
  methods: {
    ...paging.handlers({ teams: function () { return this.search() }, volunteers: function () { return this.search() } }),
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
    /** One request answers both lists (the server cuts each at `first`). */
    search() {
      const filter = { orgUnitId: this.data.orgUnitId }
      const skill = String(this.data.skill || '').trim()
      const category = CATEGORIES[this.data.categoryIndex].value
      if (skill) filter.skill = skill
      if (category) filter.category = category
      return run(this, async () => {
        let answer = null
        const once = async () => {
          if (!answer) answer = client.call('Resources', { filter, first: paging.PAGE_SIZE }).then((d) => d.resources)
          return answer
        }
        await Promise.all([
          paging.load(this, 'teams', async () => paging.whole((await once()).teams), { reset: true, view: (t) => ({ ...t, kindText: KIND[t.kind] || t.kind, skillsText: t.skills.join('、') }) }),
          paging.load(this, 'volunteers', async () => paging.whole((await once()).volunteers), { reset: true, view: (v) => ({ ...v, skillsText: v.skills.join('、') }) }),
        ])
        return answer
      })
    },
    openTeam(event) {
      wx.navigateTo({ url: `/pages/team/team?id=${event.currentTarget.dataset.id}` })
    },
  },
})
