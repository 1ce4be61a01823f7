// Every page of app.json (and the staff subpackage) in its three states: normal (the answer shown),
// empty (the shared empty state says what is missing) and error (the API answered an
// extensions.code: the shared error state shows its message with 重试, and tapping 重试 — the
// button, not a method call — asks again and shows the answer). The audit table in README.md
// lists these with the other tests per page.
const fs = require('fs')
const path = require('path')
const client = require('../api/client')
const qr = require('../pages/checkin/qr')
const { loadPage, fakeServer, text, texts, exists, tick } = require('./helpers')

const app = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'app.json'), 'utf8'))
const ALL_PAGES = [...app.pages, ...app.subpackages.flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))].map((p) => p.replace(/\/[^/]+$/, '').replace(/^pages\//, ''))

const conn = (nodes, hasNextPage = false, endCursor = null) => ({ edges: nodes.map((node) => ({ node })), pageInfo: { hasNextPage, endCursor } })
const AT = '2026-11-20T01:00:00Z'
const points = () => ({ me: { id: '1', points: { balance: 30, debt: 0, earnedThisYear: 40 } } })
const volunteer = (extra) => ({
  id: '70', realName: '李志愿', idNumberMasked: '3202**********1234', homeStationId: '30', homeStationName: '东珠站', skills: ['家电维修'], categories: ['SCIENCE_TECH'],
  partyMember: false, trained: true, trainings: [], stats: { creditHours: 12, honorHours: 0, pendingHours: 0, hoursThisYear: 12, star: 1, activitiesCount: 3, needsCount: 1 }, ...extra,
})
const team = (id, name, leaderId = '9') => ({
  id, name, kind: 'SQUAD', description: '社区水电维修', status: 'ACTIVE', orgUnitId: '30', orgUnitName: '东珠站', skills: ['电路'], categories: ['SCIENCE_TECH'], memberCount: 3,
  leader: { userId: leaderId, volunteer: { maskedName: '王*' } },
})
const need = { id: '5', title: '修灯', description: '客厅灯不亮', status: 'SUBMITTED', stationName: '东珠站', category: { name: '生活服务' }, timeline: [{ fromStatus: null, toStatus: 'SUBMITTED', note: null, at: AT }], participants: [] }
const activity = { id: '7', title: '社区义诊', status: 'PUBLISHED', startsAt: AT, endsAt: '2026-11-20T03:00:00Z', capacity: 5, confirmedCount: 1, project: { name: '健康' }, mySignUp: null }
const record = { code: 'ABCDEFGHJKMNPQRS', year: 2025, activitiesCount: 3, needsCount: 1, creditHours: 12.5, needHours: 2, honorHours: 4, issuingUnitName: '东珠站', issuedAt: AT, downloadUrl: '/service-records/x.pdf?sig=x', downloadUrlExpiresAt: AT }
const ticket = { describeConsoleLoginTicket: { ticketId: 't', ip: '10.1.2.3', browser: 'Chrome 120', requestedAt: AT, expiresAt: AT } }

/**
 * One row per page: how it opens (`query`, `before` for the phone's side), what the server answers
 * in the normal case (`normal`) and the empty one (`empty`, merged over normal), what shows each
 * (`shows`: selector → text contained; `emptyText`), and the operation that fails (`fails`).
 */
const SPECS = {
  home: {
    normal: {
      NearbyStations: () => ({ nearbyStations: [{ distanceMeters: 300, station: { id: '30', name: '东珠站' } }] }),
      MyPoints: points,
      MyActivities: () => ({ myActivities: conn([]) }),
      NearbyActivities: () => ({ nearbyActivities: [{ distanceMeters: 100, activity }] }),
    },
    shows: { '.activity': '社区义诊', '.station': '东珠站', '.balance': '30' },
    empty: { NearbyStations: () => ({ nearbyStations: [] }), NearbyActivities: () => ({ nearbyActivities: [] }) },
    emptyText: ['附近暂无活动', '附近 5 公里内暂无实践站'],
    fails: 'MyPoints',
  },
  wishwall: {
    query: { orgUnitId: '30' },
    normal: { WishWall: () => ({ wishWall: conn([{ id: '5', title: '修灯', category: { name: '生活服务' }, stationName: '东珠站', maskedContactName: '张*', publishedAt: AT }]) }) },
    shows: { '.wish': '修灯' },
    empty: { WishWall: () => ({ wishWall: conn([]) }) },
    emptyText: ['暂无心愿'],
    fails: 'WishWall',
  },
  'need-new': {
    query: { stationId: '30' },
    normal: { NeedCategories: () => ({ needCategories: [{ id: '1', name: '生活服务' }] }), StationContact: () => ({ orgUnit: { id: '30', name: '东珠站', phone: '0571-88886666' } }) },
    shows: { '.call-station': '拨打东珠站电话' },
    check: (page) => expect(page.instance.data.categories.map((c) => c.name)).toEqual(['生活服务']),
    empty: { NeedCategories: () => ({ needCategories: [] }) },
    emptyText: ['暂时不能线上点单'],
    fails: 'NeedCategories',
  },
  'civic-new': {
    normal: { NearbyStations: () => ({ nearbyStations: [{ distanceMeters: 300, station: { id: '30', name: '东珠站', phone: null } }] }) },
    shows: { '.station': '将由东珠站受理' },
    empty: { NearbyStations: () => ({ nearbyStations: [] }) },
    emptyText: ['附近没有可受理的实践站'],
    fails: 'NearbyStations',
  },
  'my-civic': {
    normal: { MyCivicReports: () => ({ myCivicReports: conn([{ id: '8', category: 'PARKING', categoryLabel: '乱停乱放', description: '电动车堵了盲道', status: 'ACCEPTED', stationName: '东珠站', deadlineOn: '2026-11-25', rejectReason: null, resolutionNote: null, overdue: false, createdAt: AT, photos: [] }]) }) },
    shows: { '.my-civic': '乱停乱放 · 电动车堵了盲道', '.detail': '办理期限 2026-11-25' },
    empty: { MyCivicReports: () => ({ myCivicReports: conn([]) }) },
    emptyText: ['还没有随手拍'],
    fails: 'MyCivicReports',
  },
  subscriptions: {
    normal: { MySubscriptions: () => ({ mySubscriptions: [{ templateId: 't1', kinds: ['NEED_COMPLETED'], remaining: 2 }] }) },
    shows: { '.balance': '需求已完成' },
    empty: { MySubscriptions: () => ({ mySubscriptions: [] }) },
    emptyText: ['还没有订阅消息提醒'],
    fails: 'MySubscriptions',
  },
  tasks: {
    normal: {
      MyProjectTasks: (v) => ({
        today: [{ id: '81', title: '入户走访独居老人', projectName: '邻里守望', dueDate: v.today, status: 'OPEN', ownerKind: 'TEAM', ownerName: '助老服务队', overdue: false, canComplete: true, note: null }],
        open: [{ id: '82', title: '整理服务台账', projectName: '邻里守望', dueDate: '2099-01-01', status: 'OPEN', ownerKind: 'VOLUNTEER', ownerName: '李志愿', overdue: false, canComplete: true, note: null }],
      }),
    },
    shows: { '.today-task': '入户走访独居老人', '.upcoming-task': '整理服务台账' },
    empty: { MyProjectTasks: () => ({ today: [], open: [] }) },
    emptyText: ['暂无任务'],
    fails: 'MyProjectTasks',
  },
  'my-needs': {
    normal: { MyNeeds: () => ({ myNeeds: conn([{ id: '5', title: '修灯', status: 'SUBMITTED', category: { name: 'c' }, createdAt: AT }]) }) },
    shows: { '.my-need': '修灯' },
    empty: { MyNeeds: () => ({ myNeeds: conn([]) }) },
    emptyText: ['还没有提交过需求'],
    fails: 'MyNeeds',
  },
  need: {
    query: { id: '5' },
    normal: { NeedDetail: () => ({ need }) },
    shows: { '.title': '修灯', '.step': '待审核' },
    empty: { NeedDetail: () => ({ need: null }) },
    emptyText: ['需求不存在或已撤销'],
    fails: 'NeedDetail',
  },
  activity: {
    query: { id: '7' },
    normal: { ActivityDetail: () => ({ activity }) },
    shows: { '.title': '社区义诊', '.sign-up': '立即报名' },
    empty: { ActivityDetail: () => ({ activity: null }) },
    emptyText: ['活动不存在或已下架'],
    fails: 'ActivityDetail',
  },
  'my-activities': {
    normal: {
      MyVolunteer: () => ({ myVolunteer: volunteer() }),
      HoursRevocations: () => ({ hoursRevocations: { edges: [], pageInfo: { hasNextPage: false } } }),
      MyActivities: () => ({ myActivities: conn([{ id: '1', status: 'CONFIRMED', hours: null, hoursConfirmed: false, activity }]) }),
    },
    shows: { '.my-activity': '社区义诊' },
    empty: { MyActivities: () => ({ myActivities: conn([]) }) },
    emptyText: ['还没有报名活动'],
    fails: 'MyVolunteer',
  },
  checkin: {
    query: { id: '7' },
    // Nothing loads on opening: the normal state is after a scan, the empty one before it.
    act: (page) => page.instance.checkIn(),
    before: () => {
      wx.__control.current.scanResult = qr.encode('7', 'tok')
    },
    normal: { CheckIn: () => ({ checkIn: { id: '1', checkedInAt: AT } }) },
    shows: { '.checked-in': '签到：11-20 09:00' },
    empty: {},
    emptyAct: () => undefined,
    emptyText: ['尚未签到'],
    fails: 'CheckIn',
    code: 'OUTSIDE_CHECK_IN_WINDOW',
  },
  points: {
    normal: { MyPoints: points, PointsEntries: () => ({ pointsEntries: conn([{ id: '1', type: 'ACTIVITY_HOURS', delta: 10, balanceAfter: 10, debtChange: 0, reason: null, createdAt: AT }]) }) },
    shows: { '.balance': '30', '.entry': '+10' },
    empty: { PointsEntries: () => ({ pointsEntries: conn([]) }) },
    emptyText: ['暂无积分记录'],
    fails: 'MyPoints',
  },
  rewards: {
    query: { stationId: '30' },
    normal: { MyPoints: points, Rewards: () => ({ rewards: [{ id: '1', name: '大米', kind: 'GOODS', pricePoints: 5, stock: 3, perPersonLimit: 1, status: 'ON_SHELF' }] }) },
    shows: { '.reward': '大米' },
    empty: { Rewards: () => ({ rewards: [] }) },
    emptyText: ['暂无可兑换的礼品'],
    fails: 'MyPoints',
  },
  redemptions: {
    normal: { MyRedemptions: () => ({ myRedemptions: conn([{ id: '1', quantity: 1, points: 5, status: 'FULFILLED', pickupCode: '12345678', expiresAt: AT, reward: { id: '1', name: '大米', kind: 'GOODS' } }]) }) },
    shows: { '.redemption': '大米' },
    empty: { MyRedemptions: () => ({ myRedemptions: conn([]) }) },
    emptyText: ['还没有兑换记录'],
    fails: 'MyRedemptions',
  },
  leaderboard: {
    query: { scopeId: '30' },
    normal: { Leaderboard: () => ({ leaderboard: { kind: 'VOLUNTEER_POINTS', period: 'MONTH', periodValue: '2026-11', entries: [{ rank: 1, id: '1', name: '张三', score: 10 }], me: null } }) },
    shows: { '.entry': '张三' },
    empty: { Leaderboard: () => ({ leaderboard: { kind: 'VOLUNTEER_POINTS', period: 'MONTH', periodValue: '2026-11', entries: [], me: null } }) },
    emptyText: ['暂无排名'],
    fails: 'Leaderboard',
  },
  register: {
    normal: { MyProfile: () => ({ me: { id: '1', phone: null }, myVolunteer: null }), NearbyStations: () => ({ nearbyStations: [{ distanceMeters: 320, station: { id: '30', name: '东珠站' } }] }) },
    shows: { '.station': '东珠站（320 米）' },
    empty: { NearbyStations: () => ({ nearbyStations: [] }) },
    emptyText: ['附近没有实践站'],
    fails: 'MyProfile',
  },
  profile: {
    normal: { MyProfile: () => ({ me: { id: '1', phone: '13800138000' }, myVolunteer: volunteer({ honours: [{ id: '1', title: '四星志愿者', year: 2026 }] }) }) },
    shows: { '.real-name': '李志愿', '.phone': '13800138000', '.honour-title': '四星志愿者' },
    empty: { MyProfile: () => ({ me: { id: '1', phone: null }, myVolunteer: null }) },
    emptyText: ['您还不是注册志愿者'],
    fails: 'MyProfile',
  },
  'console-login': {
    query: { code: 'wmcl:abc' },
    normal: { DescribeConsoleLoginTicket: () => ticket },
    shows: { '.ip': '10.1.2.3' },
    // Opened from the menu and the scan given up: nothing to confirm yet.
    emptyQuery: {},
    empty: {},
    emptyText: ['还没有待确认的登录'],
    fails: 'DescribeConsoleLoginTicket',
    code: 'CONSOLE_LOGIN_TICKET_INVALID',
  },
  teams: {
    query: { orgUnitId: '30' },
    normal: { MyTeams: () => ({ myTeams: [{ id: '8', name: '红马甲分队', kind: 'SQUAD', orgUnitName: '东珠站', memberCount: 5, leader: { userId: '9' } }] }), Teams: () => ({ teams: conn([team('11', '水电队')]) }) },
    shows: { '.my-team': '红马甲分队', '.team': '水电队' },
    empty: { MyTeams: () => ({ myTeams: [] }), Teams: () => ({ teams: conn([]) }) },
    emptyText: ['还没有加入队伍', '本站还没有队伍'],
    fails: 'Teams',
  },
  team: {
    query: { id: '11' },
    userId: '9',
    normal: {
      TeamDetail: () => ({ team: team('11', '水电队') }),
      MyTeams: () => ({ myTeams: [{ id: '11', name: '水电队', kind: 'SQUAD', orgUnitName: '东珠站', memberCount: 3, leader: { userId: '9' } }] }),
      TeamJoinRequests: () => ({ teamJoinRequests: conn([{ id: '40', status: 'PENDING', message: '想加入', createdAt: AT, applicant: { id: 'v2', maskedName: '赵*', skills: ['水管'], star: 1 } }]) }),
      TeamMembers: () => ({ teamMembers: conn([{ userId: '9', role: 'LEADER', volunteer: { maskedName: '王*' } }]) }),
    },
    shows: { '.team-name': '水电队', '.applicant': '赵*', '.member-name': '王*（队长）' },
    empty: { TeamJoinRequests: () => ({ teamJoinRequests: conn([]) }) },
    emptyText: ['没有待审核的申请'],
    fails: 'TeamDetail',
  },
  resources: {
    query: { orgUnitId: '30' },
    normal: { Resources: () => ({ resources: { teams: [team('11', '水电队')], volunteers: [{ id: '70', maskedName: '李*', skills: ['电路'], categories: [], star: 2, homeStationName: '东珠站' }] } }) },
    shows: { '.resource-team': '水电队', '.resource-volunteer': '李*' },
    empty: { Resources: () => ({ resources: { teams: [], volunteers: [] } }) },
    emptyText: ['没有找到相关队伍', '没有找到相关志愿者'],
    fails: 'Resources',
  },
  certificate: {
    // Nothing loads on opening: the states follow 开具.
    act: (page) => page.instance.issue(),
    before: () => {
      wx.__control.setDownloadTransport(async () => ({ statusCode: 200, tempFilePath: 'wxfile://tmp/c.pdf' }))
    },
    normal: { ServiceRecordPdf: () => ({ serviceRecordPdf: record }) },
    shows: { '.credit-hours': '12.5 小时', '.code': 'ABCDEFGHJKMNPQRS' },
    empty: {
      ServiceRecordPdf: () => {
        throw { code: 'SERVICE_RECORD_EMPTY' }
      },
    },
    emptyText: ['年还没有已确认的服务时长'],
    fails: 'ServiceRecordPdf',
  },
  verify: {
    query: { code: 'ABCDEFGHJKMNPQRS' },
    normal: { VerifyServiceRecord: () => ({ verifyServiceRecord: { maskedName: '李*', year: 2025, creditHours: 12.5, needHours: 2, honorHours: 4, activitiesCount: 3, needsCount: 1, issuingUnitName: '东珠站', issuedAt: AT } }) },
    shows: { '.masked-name': '李*', '.valid': '证明有效' },
    empty: { VerifyServiceRecord: () => ({ verifyServiceRecord: null }) },
    emptyText: ['未找到该证明'],
    fails: 'VerifyServiceRecord',
  },
  'staff/admin': {
    query: { orgUnitId: '30' },
    normal: {
      StationNeeds: (v) => ({ stationNeeds: conn(v.status === 'SUBMITTED' ? [{ ...need, createdAt: AT }] : []) }),
      PendingNeedHours: () => ({ pendingNeedHours: conn([]) }),
      PendingHonorHours: () => ({ pendingHonorHours: conn([]) }),
      RevisitCandidates: () => ({ stationNeeds: conn([]) }),
      StationVolunteers: () => ({ volunteers: conn([{ id: '70', realName: '李志愿', homeStationName: '东珠站', trained: false }]) }),
    },
    shows: { '.submitted': '修灯', '.trainee-name': '李志愿' },
    // (a station with needs to review and trainees, and nothing else waiting)
    normalEmpty: ['没有待派单的需求', '没有待确认的服务时长', '没有待审批的补录', '没有待回访的需求'],
    empty: { StationNeeds: () => ({ stationNeeds: conn([]) }), StationVolunteers: () => ({ volunteers: conn([]) }) },
    emptyText: ['没有待审核的需求', '没有待派单的需求', '没有待培训的志愿者', '没有待确认的服务时长', '没有待审批的补录', '没有待回访的需求'],
    fails: 'StationNeeds',
  },
}

function signIn(name, userId = '1') {
  wx.__control.use(name)
  wx.setStorageSync(client.SESSION_KEY, { accessToken: `a-${name}`, refreshToken: 'r', user: { id: userId, roles: ['RESIDENT', 'VOLUNTEER'], roleGrants: [{ role: 'STATION_ADMIN', orgUnitId: '30' }] } })
}

async function open(name, spec, handlers, query) {
  const server = fakeServer(handlers)
  wx.__control.setTransport(server.transport)
  if (spec.before) spec.before()
  const page = loadPage(name)
  await page.instance.onLoad(query || spec.query || {})
  return { page, server }
}

/** The 重试 button of the error state on show: the page's own, else the first failed list's (every paged-list has class `list`). */
function retryButton(page) {
  const own = page.querySelector('.page-error')
  const button = own && own.querySelector('.retry')
  if (button) return button
  for (const list of page.querySelectorAll('.list')) {
    const error = list.querySelector('.list-error')
    const retry = error && error.querySelector('.retry')
    if (retry) return retry
  }
  return null
}

/** Lets a tap's handler finish its (fake) requests: a handler's promise is not returned to a tap. */
async function settle() {
  for (let i = 0; i < 30; i += 1) await tick()
}

function expectShown(page, spec) {
  for (const [selector, shown] of Object.entries(spec.shows)) expect(texts(page, selector).join(' ')).toContain(shown)
  if (spec.check) spec.check(page)
}

test('every page of app.json and the staff subpackage has its three states here', () => {
  expect(Object.keys(SPECS).sort()).toEqual([...ALL_PAGES].sort())
})

describe.each(Object.keys(SPECS))('%s', (name) => {
  const spec = SPECS[name]

  test('normal: the answer is shown, with no empty or error state', async () => {
    signIn(`normal-${name}`, spec.userId)
    const { page } = await open(name, spec, spec.normal)
    if (spec.act) await spec.act(page)
    expectShown(page, spec)
    expect(texts(page, '.empty-text')).toEqual(spec.normalEmpty || [])
    expect(exists(page, '.error-message')).toBe(false)
  })

  test('empty: the shared empty state says what is missing', async () => {
    signIn(`empty-${name}`, spec.userId)
    const { page } = await open(name, spec, { ...spec.normal, ...spec.empty }, spec.emptyQuery)
    if (spec.act && !spec.emptyAct) await spec.act(page)
    const shown = texts(page, '.empty-text')
    for (const expected of spec.emptyText) expect(shown.some((t) => t.includes(expected))).toBe(true)
    expect(shown).toHaveLength(spec.emptyText.length)
    // (console-login: the scan given up is said in the error state, with 重试 to scan again)
    if (name !== 'console-login') expect(exists(page, '.error-message')).toBe(false)
  })

  test('error: the API’s code shows the shared error state, and tapping 重试 loads the page', async () => {
    signIn(`error-${name}`, spec.userId)
    let fail = true
    const code = spec.code || 'UPSTREAM_UNAVAILABLE'
    const handlers = {
      ...spec.normal,
      [spec.fails]: (v, o) => {
        if (fail) throw { code }
        return spec.normal[spec.fails](v, o)
      },
    }
    const { page, server } = await open(name, spec, handlers)
    if (spec.act) await spec.act(page)
    expect(page.instance.data.errorCode).toBe(code)
    const errors = texts(page, '.error-message')
    expect(errors.length).toBeGreaterThan(0)
    expect(errors[0]).not.toBe('')
    const asked = server.requests.filter((r) => r.name === spec.fails).length
    const retry = retryButton(page)
    expect(retry).not.toBeNull()
    expect(text(page, '.retry')).toBe('重试')
    fail = false
    retry.dispatchEvent('tap')
    await settle()
    expect(server.requests.filter((r) => r.name === spec.fails).length).toBeGreaterThan(asked)
    expectShown(page, spec)
    // The tapped error state is gone. (The admin's 待审核 and 待派单 failed together and each has its
    // own 重试; the 资源清单's two lists come from one request and are retried together.)
    const left = texts(page, '.error-message')
    expect(left.length).toBeLessThan(errors.length)
    if (errors.length === 1) expect(left).toEqual([])
  })
})

test('an input error shows the error state without 重试: only an edit fixes it', async () => {
  signIn('input-error')
  const { page, server } = await open('verify', {}, {}, {})
  page.instance.setData({ code: '123' })
  await page.instance.verify()
  expect(text(page, '.error-message')).toBe('请输入证明上的 16 位验证码')
  expect(exists(page, '.retry')).toBe(false)
  expect(server.requests).toEqual([])
})
