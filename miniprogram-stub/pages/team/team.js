// 队伍详情: public information and 申请加入 (the message is checked by WeChat's msgSecCheck on the
// server; CONTENT_REJECTED comes back as such). For the team's leader (队长): the pending join
// requests to approve or decline with a reason, and the members to remove. The server decides who
// may do what (a station admin may too); the page only shows the leader's tools to the leader.
const client = require('../../api/client')
const { run, shortTime } = require('../../utils/page')
const paging = require('../../utils/paging')
const careMode = require('../../utils/care-behavior')
const { ApiError, messageFor } = require('../../api/errors')

const KIND = { GENERAL: '总队', BRANCH: '支队', SQUAD: '分队', SPECIALTY: '专业队伍' }
const ROLE = { LEADER: '队长', MEMBER: '队员' }
const CATEGORY = { THEORY_LECTURE: '理论宣讲', EDUCATION: '教育服务', CULTURE: '文化服务', SCIENCE_TECH: '科技与科普服务', HEALTH_SPORTS: '健康促进与体育服务' }

const requestView = (r) => ({ ...r, name: r.applicant.maskedName, skillsText: r.applicant.skills.join('、'), when: shortTime(r.createdAt) })
const memberView = (m) => ({ ...m, name: m.volunteer.maskedName, roleText: ROLE[m.role] || m.role, leader: m.role === 'LEADER' })

Component({
  behaviors: [careMode],
  data: {
    id: null,
    team: null,
    member: false,
    leader: false,
    requested: false,
    message: '',
    reasons: {},
    requests: paging.emptyList(),
    members: paging.emptyList(),
    loading: false,
    error: '',
    errorCode: '',
  },
  methods: {
    ...paging.handlers({
      requests: function (reset) { return this.loadRequests(reset) },
      members: function (reset) { return this.loadMembers(reset) },
    }),
    onLoad(query) {
      this.setData({ id: query && query.id })
      return this.refresh()
    },
    async refresh() {
      const loaded = await run(this, async () => {
        const [detail, mine] = await Promise.all([client.call('TeamDetail', { id: this.data.id }), client.call('MyTeams')])
        const team = detail.team
        if (!team) throw new ApiError('NOT_FOUND', messageFor('NOT_FOUND'))
        const me = client.currentUser()
        const leader = !!me && team.leader.userId === me.id
        this.setData({
          team: { ...team, kindText: KIND[team.kind] || team.kind, skillsText: team.skills.join('、'), categoriesText: team.categories.map((c) => CATEGORY[c] || c).join('、'), leaderName: team.leader.volunteer.maskedName },
          member: mine.myTeams.some((t) => t.id === team.id),
          leader,
        })
        return team
      })
      if (loaded && this.data.leader) await Promise.all([this.loadRequests(true), this.loadMembers(true)])
      return loaded
    },
    loadRequests(reset) {
      return run(this, () => paging.load(this, 'requests', async (after) => paging.fromConnection((await client.call('TeamJoinRequests', { teamId: this.data.id, first: paging.PAGE_SIZE, after })).teamJoinRequests), { reset, view: requestView }))
    },
    loadMembers(reset) {
      return run(this, () => paging.load(this, 'members', async (after) => paging.fromConnection((await client.call('TeamMembers', { teamId: this.data.id, first: paging.PAGE_SIZE, after })).teamMembers), { reset, view: memberView }))
    },
    onMessage(event) {
      this.setData({ message: event.detail.value })
    },
    /** 申请加入: one pending request per team; the leader decides. */
    async join() {
      const message = String(this.data.message || '').trim()
      const done = await run(this, () => client.call('RequestToJoinTeam', { teamId: this.data.id, message: message || null }))
      if (done) {
        this.setData({ requested: true, message: '' })
        wx.showToast({ title: '已提交申请' })
      }
      return done ? done.requestToJoinTeam : undefined
    },
    /** 退出队伍, after a confirmation; a leader is refused (TEAM_LEADER_CANNOT_LEAVE: an admin changes the leader first). */
    async leave() {
      const sure = await new Promise((resolve) => wx.showModal({ title: '退出队伍', content: '确定退出该队伍？', success: (res) => resolve(!!res.confirm), fail: () => resolve(false) }))
      if (!sure) return undefined
      const done = await run(this, () => client.call('LeaveTeam', { teamId: this.data.id }))
      if (done) this.setData({ member: false, 'team.memberCount': done.leaveTeam.memberCount })
      return done ? done.leaveTeam : undefined
    },
    async approve(event) {
      const requestId = event.currentTarget.dataset.id
      const done = await run(this, () => client.call('ApproveJoinRequest', { requestId }))
      if (done) {
        paging.update(this, 'requests', (r) => r.id === requestId, null)
        await this.loadMembers(true)
      }
      return done ? done.approveJoinRequest : undefined
    },
    onReason(event) {
      this.setData({ reasons: { ...this.data.reasons, [event.currentTarget.dataset.id]: event.detail.value } })
    },
    async decline(event) {
      const requestId = event.currentTarget.dataset.id
      const reason = String(this.data.reasons[requestId] || '').trim() || null
      const done = await run(this, () => client.call('DeclineJoinRequest', { requestId, reason }))
      if (done) paging.update(this, 'requests', (r) => r.id === requestId, null)
      return done ? done.declineJoinRequest : undefined
    },
    /** 移出队伍, after the leader confirms (the member keeps their hours; they leave the team's lists). */
    async remove(event) {
      const { user, name } = event.currentTarget.dataset
      const sure = await new Promise((resolve) => wx.showModal({ title: '移出队伍', content: `确定将${name || '该队员'}移出队伍？`, success: (res) => resolve(!!res.confirm), fail: () => resolve(false) }))
      if (!sure) return undefined
      const done = await run(this, () => client.call('RemoveTeamMember', { teamId: this.data.id, userId: user }))
      if (done) {
        paging.update(this, 'members', (m) => m.userId === user, null)
        this.setData({ 'team.memberCount': done.removeTeamMember.memberCount })
      }
      return done ? done.removeTeamMember : undefined
    },
  },
})
