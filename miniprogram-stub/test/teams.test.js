// 志愿服务队伍: browse and search, 申请加入, my teams; the leader's join requests and members.
const client = require('../api/client')
const { loadPage, fakeServer, text, texts, exists } = require('./helpers')

const conn = (nodes, hasNextPage = false, endCursor = null) => ({ edges: nodes.map((node) => ({ node })), pageInfo: { hasNextPage, endCursor } })
const tap = (dataset) => ({ currentTarget: { dataset } })

function signIn(name, userId) {
  wx.__control.use(name)
  wx.setStorageSync(client.SESSION_KEY, { accessToken: `a-${name}`, refreshToken: 'r', user: { id: userId, roles: ['VOLUNTEER'], roleGrants: [] } })
}

const team = (id, name, leaderId = '9') => ({
  id, name, kind: 'SQUAD', description: '社区水电维修', status: 'ACTIVE', orgUnitId: '30', orgUnitName: '东珠站', skills: ['电路', '水管'], categories: ['SCIENCE_TECH'], memberCount: 3,
  leader: { userId: leaderId, volunteer: { maskedName: '王*' } },
})

test('teams: my teams on top, the station’s teams paged, a skill search through the 资源清单', async () => {
  signIn('browser', '1')
  const server = fakeServer({
    MyVolunteer: () => ({ myVolunteer: { id: 'v1', homeStationId: '30' } }),
    MyTeams: () => ({ myTeams: [{ id: '8', name: '红马甲分队', kind: 'SQUAD', orgUnitName: '东珠站', memberCount: 5, leader: { userId: '9' } }] }),
    Teams: (v) => ({ teams: conn(v.after ? [team('12', '助老队')] : [team('11', '水电队')], !v.after, v.after ? 'c2' : 'c1') }),
    Resources: (v) => ({ resources: { teams: v.filter.skill === '开锁' ? [] : [{ ...team('11', '水电队'), leader: undefined }], volunteers: [] } }),
  })
  wx.__control.setTransport(server.transport)
  const page = loadPage('teams')
  await page.instance.onLoad({})
  expect(texts(page, '.my-team')[0]).toContain('红马甲分队（分队）')
  expect(texts(page, '.team')).toHaveLength(1)
  expect(texts(page, '.team')[0]).toContain('电路、水管')
  await page.instance.loadMore(tap({ list: 'teams' }))
  expect(server.requests.filter((r) => r.name === 'Teams').map((r) => r.variables)).toEqual([
    { orgUnitId: '30', first: 20, after: null },
    { orgUnitId: '30', first: 20, after: 'c1' },
  ])
  expect(texts(page, '.team')).toHaveLength(2)

  page.instance.onKeyword({ detail: { value: ' 电路 ' } })
  await page.instance.search()
  expect(server.requests.find((r) => r.name === 'Resources').variables).toEqual({ filter: { orgUnitId: '30', skill: '电路' }, first: 20 })
  expect(texts(page, '.team')).toHaveLength(1)
  expect(text(page, '.searched')).toContain('电路')
  page.instance.onKeyword({ detail: { value: '开锁' } })
  await page.instance.search()
  expect(texts(page, '.empty-text')).toContain('没有找到相关队伍')
  await page.instance.clearSearch()
  expect(texts(page, '.team')).toHaveLength(1)
  page.instance.open(tap({ id: '11' }))
  expect(wx.__control.navigations).toContain('/pages/team/team?id=11')
})

test('teams: no team yet and a failed list show the empty state and the error with 重试', async () => {
  signIn('lonely', '1')
  let fail = true
  const server = fakeServer({
    MyTeams: () => ({ myTeams: [] }),
    Teams: () => {
      if (fail) throw { code: 'UPSTREAM_UNAVAILABLE' }
      return { teams: conn([team('11', '水电队')]) }
    },
  })
  wx.__control.setTransport(server.transport)
  const page = loadPage('teams')
  await page.instance.onLoad({ orgUnitId: '30' })
  expect(texts(page, '.empty-text')).toContain('还没有加入队伍')
  expect(texts(page, '.error-message')).toEqual(['服务暂不可用，请稍后再试'])
  fail = false
  await page.instance.retry(tap({ list: 'teams' }))
  expect(texts(page, '.team')).toHaveLength(1)
  expect(exists(page, '.error-message')).toBe(false)
})

test('team: a volunteer asks to join with a message; a refused message says why and can be changed', async () => {
  signIn('joiner', '1')
  const sent = []
  const server = fakeServer({
    TeamDetail: () => ({ team: team('11', '水电队') }),
    MyTeams: () => ({ myTeams: [] }),
    RequestToJoinTeam: (v) => {
      sent.push(v)
      if (v.message === '违规内容') throw { code: 'CONTENT_REJECTED' }
      return { requestToJoinTeam: { id: '70', status: 'PENDING', message: v.message, createdAt: '2026-12-01T01:00:00Z' } }
    },
  })
  wx.__control.setTransport(server.transport)
  const page = loadPage('team')
  await page.instance.onLoad({ id: '11' })
  expect(text(page, '.team-name')).toBe('水电队（分队）')
  expect(exists(page, '.join-requests')).toBe(false)
  page.instance.onMessage({ detail: { value: '违规内容' } })
  await page.instance.join()
  expect(text(page, '.error')).toBe('内容含有违规信息，请修改后重新提交')
  expect(exists(page, '.join-button')).toBe(true)
  page.instance.onMessage({ detail: { value: ' 我会修水管 ' } })
  const request = await page.instance.join()
  expect(request).toMatchObject({ id: '70', status: 'PENDING' })
  expect(sent[1]).toEqual({ teamId: '11', message: '我会修水管' })
  expect(text(page, '.requested')).toBe('已提交申请，等待队长审核')
  expect(exists(page, '.join-button')).toBe(false)
})

test('team: a member sees no join button; an unknown team says so', async () => {
  signIn('member', '1')
  const server = fakeServer({
    TeamDetail: (v) => ({ team: v.id === '11' ? team('11', '水电队') : null }),
    MyTeams: () => ({ myTeams: [{ id: '11', name: '水电队', kind: 'SQUAD', orgUnitName: '东珠站', memberCount: 3, leader: { userId: '9' } }] }),
  })
  wx.__control.setTransport(server.transport)
  const page = loadPage('team')
  await page.instance.onLoad({ id: '11' })
  expect(exists(page, '.join-button')).toBe(false)
  expect(text(page, '.member-note')).toBe('您是该队伍成员')
  const gone = loadPage('team')
  await gone.instance.onLoad({ id: '404' })
  expect(gone.instance.data.errorCode).toBe('NOT_FOUND')
  expect(text(gone, '.error')).toBe('内容不存在或已删除')
})

test('team: the leader approves one request, declines another with a reason and removes a member', async () => {
  signIn('leader', '9')
  let requests = [
    { id: '70', applicantUserId: '1', message: '我会修水管', status: 'PENDING', createdAt: '2026-12-01T01:00:00Z', applicant: { id: 'v1', maskedName: '李*', star: 1, skills: ['水管'] } },
    { id: '71', applicantUserId: '2', message: null, status: 'PENDING', createdAt: '2026-12-01T02:00:00Z', applicant: { id: 'v2', maskedName: '赵*', star: 0, skills: [] } },
  ]
  let members = [
    { userId: '9', role: 'LEADER', joinedAt: '2026-11-01T01:00:00Z', volunteer: { id: 'v9', maskedName: '王*', star: 2, skills: [] } },
    { userId: '3', role: 'MEMBER', joinedAt: '2026-11-02T01:00:00Z', volunteer: { id: 'v3', maskedName: '钱*', star: 1, skills: [] } },
  ]
  const decided = []
  const server = fakeServer({
    TeamDetail: () => ({ team: team('11', '水电队', '9') }),
    MyTeams: () => ({ myTeams: [{ id: '11', name: '水电队', kind: 'SQUAD', orgUnitName: '东珠站', memberCount: 3, leader: { userId: '9' } }] }),
    TeamJoinRequests: () => ({ teamJoinRequests: conn(requests) }),
    TeamMembers: () => ({ teamMembers: conn(members) }),
    ApproveJoinRequest: (v) => {
      decided.push(['approve', v])
      const r = requests.find((x) => x.id === v.requestId)
      requests = requests.filter((x) => x !== r)
      members = members.concat({ userId: r.applicantUserId, role: 'MEMBER', joinedAt: '2026-12-02T01:00:00Z', volunteer: { id: r.applicant.id, maskedName: r.applicant.maskedName, star: 1, skills: [] } })
      return { approveJoinRequest: { id: v.requestId, status: 'APPROVED', decidedAt: '2026-12-02T01:00:00Z' } }
    },
    DeclineJoinRequest: (v) => {
      decided.push(['decline', v])
      requests = requests.filter((x) => x.id !== v.requestId)
      return { declineJoinRequest: { id: v.requestId, status: 'DECLINED', decisionReason: v.reason, decidedAt: '2026-12-02T01:00:00Z' } }
    },
    RemoveTeamMember: (v) => {
      decided.push(['remove', v])
      members = members.filter((m) => m.userId !== v.userId)
      return { removeTeamMember: { id: '11', memberCount: members.length } }
    },
  })
  wx.__control.setTransport(server.transport)
  const page = loadPage('team')
  await page.instance.onLoad({ id: '11' })
  expect(page.instance.data.leader).toBe(true)
  expect(texts(page, '.applicant')).toEqual(['李* · 1 星', '赵* · 0 星'])
  expect(text(page, '.request-message')).toBe('“我会修水管”')
  // the leader is listed but cannot be removed
  expect(texts(page, '.member-name')).toEqual(['王*（队长）', '钱*（队员）'])
  expect(texts(page, '.remove')).toHaveLength(1)

  await page.instance.approve(tap({ id: '70' }))
  expect(texts(page, '.applicant')).toEqual(['赵* · 0 星'])
  expect(texts(page, '.member-name')).toContain('李*（队员）')
  page.instance.onReason({ currentTarget: { dataset: { id: '71' } }, detail: { value: '暂不招募新队员' } })
  await page.instance.decline(tap({ id: '71' }))
  expect(texts(page, '.empty-text')).toContain('没有待审核的申请')
  await page.instance.remove(tap({ user: '3', name: '钱*' }))
  expect(texts(page, '.member-name')).toEqual(['王*（队长）', '李*（队员）'])
  expect(page.instance.data.team.memberCount).toBe(2)
  expect(decided).toEqual([
    ['approve', { requestId: '70' }],
    ['decline', { requestId: '71', reason: '暂不招募新队员' }],
    ['remove', { teamId: '11', userId: '3' }],
  ])
})

test('team: a request decided meanwhile by another admin says so', async () => {
  signIn('leader2', '9')
  const server = fakeServer({
    TeamDetail: () => ({ team: team('11', '水电队', '9') }),
    MyTeams: () => ({ myTeams: [] }),
    TeamJoinRequests: () => ({ teamJoinRequests: conn([{ id: '70', applicantUserId: '1', message: null, status: 'PENDING', createdAt: '2026-12-01T01:00:00Z', applicant: { id: 'v1', maskedName: '李*', star: 0, skills: [] } }]) }),
    TeamMembers: () => ({ teamMembers: conn([]) }),
    ApproveJoinRequest: () => {
      throw { code: 'TEAM_JOIN_REQUEST_CLOSED' }
    },
  })
  wx.__control.setTransport(server.transport)
  const page = loadPage('team')
  await page.instance.onLoad({ id: '11' })
  await page.instance.approve(tap({ id: '70' }))
  expect(text(page, '.error')).toBe('该申请已处理，请刷新')
  expect(texts(page, '.applicant')).toHaveLength(1)
})

test('team: a member leaves after confirming; the leader is told to hand over first', async () => {
  signIn('leaver', '1')
  const left = []
  const server = fakeServer({
    TeamDetail: () => ({ team: team('11', '水电队') }),
    MyTeams: () => ({ myTeams: [{ id: '11', name: '水电队', kind: 'SQUAD', orgUnitName: '东珠站', memberCount: 3, leader: { userId: '9' } }] }),
    TeamJoinRequests: () => ({ teamJoinRequests: conn([]) }),
    TeamMembers: () => ({ teamMembers: conn([]) }),
    LeaveTeam: (v, options) => {
      if (options.header.Authorization === 'Bearer a-leader3') throw { code: 'TEAM_LEADER_CANNOT_LEAVE' }
      left.push(v)
      return { leaveTeam: { id: '11', memberCount: 2 } }
    },
  })
  wx.__control.setTransport(server.transport)
  const page = loadPage('team')
  await page.instance.onLoad({ id: '11' })
  await page.instance.leave()
  expect(left).toEqual([{ teamId: '11' }])
  expect(exists(page, '.leave')).toBe(false)
  expect(exists(page, '.join-button')).toBe(true)
  expect(page.instance.data.team.memberCount).toBe(2)
  signIn('leader3', '9')
  const leader = loadPage('team')
  await leader.instance.onLoad({ id: '11' })
  await leader.instance.leave()
  expect(text(leader, '.error')).toBe('队长不能退出队伍，请先移交队长')
})
