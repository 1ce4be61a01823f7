// 我的服务: star progress, waitlist number, reminder consent, rating an attended activity, the
// 资源清单, the yearly certificate (download + openDocument) and its public verification.
const client = require('../api/client')
const stars = require('../utils/stars')
const { loadPage, fakeServer, text, texts, exists } = require('./helpers')

const conn = (nodes, hasNextPage = false, endCursor = null) => ({ edges: nodes.map((node) => ({ node })), pageInfo: { hasNextPage, endCursor } })
const tap = (dataset) => ({ currentTarget: { dataset } })

function signIn(name) {
  wx.__control.use(name)
  wx.setStorageSync(client.SESSION_KEY, { accessToken: `a-${name}`, refreshToken: 'r', user: { id: '1', roles: ['VOLUNTEER'], roleGrants: [] } })
}

test('star progress follows 100/300/600/1000/1500 credit hours', () => {
  expect(stars.progress(0)).toEqual({ star: 0, next: 100, nextStar: 1, toGo: 100, percent: 0 })
  expect(stars.progress(99.5)).toMatchObject({ star: 0, next: 100, toGo: 0.5, percent: 99 })
  expect(stars.progress(150)).toEqual({ star: 1, next: 300, nextStar: 2, toGo: 150, percent: 25 })
  expect(stars.progress(600)).toMatchObject({ star: 3, next: 1000, toGo: 400, percent: 0 })
  expect(stars.progress(1499)).toMatchObject({ star: 4, next: 1500, toGo: 1 })
  expect(stars.progress(2000)).toEqual({ star: 5, next: null, toGo: 0, percent: 100 })
})

test('my activities: progress to the next star, my live place on the waitlist, 评价 on attended finished ones, reminder consent', async () => {
  signIn('server')
  const later = new Date(Date.now() + 86400e3).toISOString()
  const server = fakeServer({
    MyVolunteer: () => ({ myVolunteer: { id: 'v1', homeStationId: '30', stats: { creditHours: 150, honorHours: 0, pendingHours: 0, hoursThisYear: 20, star: 1, activitiesCount: 3, needsCount: 1 } } }),
    HoursRevocations: () => ({ hoursRevocations: { edges: [], pageInfo: { hasNextPage: false } } }),
    MyActivities: () => ({
      myActivities: conn([
        { id: '1', status: 'CONFIRMED', waitlistPosition: null, checkedInAt: '2026-11-01T01:00:00Z', checkedOutAt: '2026-11-01T03:00:00Z', hours: 2, hoursConfirmed: true, activity: { id: '7', title: '义诊', status: 'FINISHED', startsAt: '2026-11-01T01:00:00Z', endsAt: '2026-11-01T03:00:00Z' } },
        { id: '2', status: 'WAITLISTED', waitlistPosition: 7, waitlistRank: 3, checkedInAt: null, checkedOutAt: null, hours: null, hoursConfirmed: false, activity: { id: '8', title: '植树', status: 'PUBLISHED', startsAt: later, endsAt: later } },
      ]),
    }),
    SubscriptionTemplates: () => ({ subscriptionTemplates: [{ kind: 'ACTIVITY_REMINDER', templateId: 't-remind' }, { kind: 'NEED_PUBLISHED', templateId: 't-need' }] }),
    RecordSubscriptions: (v) => ({ recordSubscriptions: v.templateIds.map((templateId) => ({ templateId, remaining: 1 })) }),
  })
  wx.__control.setTransport(server.transport)
  wx.__control.current.subscribeAnswers = { 't-remind': 'accept' }
  const page = loadPage('my-activities')
  await page.instance.onLoad()
  expect(text(page, '.next-star')).toBe('距 2 星（300 小时）还差 150 小时')
  expect(page.instance.data.hours.progress.percent).toBe(25)
  expect(texts(page, '.my-activity')[1]).toContain('候补第 3 位')
  expect(texts(page, '.rate')).toHaveLength(1)
  page.instance.rate(tap({ id: '7' }))
  expect(wx.__control.navigations).toContain('/pages/activity/activity?id=7&rate=1')
  const accepted = await page.instance.remindMe()
  expect(accepted).toEqual(['t-remind'])
  expect(server.requests.find((r) => r.name === 'RecordSubscriptions').variables).toEqual({ templateIds: ['t-remind'], idempotencyKey: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/) })
  expect(text(page, '.remind-me')).toBe('已开启提醒')
  page.instance.certificate()
  expect(wx.__control.navigations).toContain('/pages/certificate/certificate')
})

describe('rating an activity', () => {
  const detail = (status, checkedInAt) => ({
    activity: { id: '7', title: '义诊', status, startsAt: '2026-11-01T01:00:00Z', endsAt: '2026-11-01T03:00:00Z', capacity: 5, confirmedCount: 1, project: { name: 'p' }, mySignUp: { id: '1', status: 'CONFIRMED', checkedInAt, hours: 2, hoursConfirmed: true } },
  })

  test('an attendee of a finished activity rates it once with stars and a comment', async () => {
    signIn('rater')
    const rated = []
    const server = fakeServer({
      ActivityDetail: () => detail('FINISHED', '2026-11-01T01:00:00Z'),
      RateActivity: (v) => {
        rated.push(v)
        return { rateActivity: { id: '90', activityId: '7', stars: v.stars, comment: v.comment, commentHeld: true, createdAt: '2026-11-02T01:00:00Z' } }
      },
    })
    wx.__control.setTransport(server.transport)
    const page = loadPage('activity')
    await page.instance.onLoad({ id: '7', rate: '1' })
    expect(exists(page, '.rate')).toBe(true)
    page.instance.setStars(tap({ stars: 4 }))
    expect(texts(page, '.star').join('')).toBe('★★★★☆')
    page.instance.onComment({ detail: { value: ' 组织得很好 ' } })
    await page.instance.rate()
    expect(rated).toEqual([{ activityId: '7', stars: 4, comment: '组织得很好' }])
    expect(exists(page, '.rate')).toBe(false)
    expect(text(page, '.rated')).toBe('已评价 4 星（评语审核中，仅自己可见）')
  })

  test('no rating form before the end or without check-in; a second rating is refused and the form goes', async () => {
    signIn('rater2')
    let status = 'IN_PROGRESS'
    let checkedIn = '2026-11-01T01:00:00Z'
    const server = fakeServer({
      ActivityDetail: () => detail(status, checkedIn),
      RateActivity: () => {
        throw { code: 'ACTIVITY_ALREADY_RATED' }
      },
    })
    wx.__control.setTransport(server.transport)
    const page = loadPage('activity')
    await page.instance.onLoad({ id: '7' })
    expect(exists(page, '.rating')).toBe(false)
    status = 'FINISHED'
    checkedIn = null
    await page.instance.refresh()
    expect(exists(page, '.rating')).toBe(false)
    checkedIn = '2026-11-01T01:00:00Z'
    await page.instance.refresh()
    expect(exists(page, '.rating')).toBe(true)
    await page.instance.rate()
    expect(text(page, '.error')).toBe('您已评价过该活动')
    expect(exists(page, '.rating')).toBe(false)
  })
})

describe('资源清单', () => {
  test('finds teams and volunteers by skill and category in my station’s area', async () => {
    signIn('finder')
    const server = fakeServer({
      MyVolunteer: () => ({ myVolunteer: { id: 'v1', homeStationId: '30' } }),
      Resources: (v) => ({
        resources: {
          teams: [{ id: '11', name: '水电队', kind: 'SPECIALTY', description: null, orgUnitName: '东珠站', skills: ['电路'], categories: ['SCIENCE_TECH'], memberCount: 4 }],
          volunteers: v.filter.category ? [] : [{ id: 'v9', maskedName: '王*', skills: ['电路', '家电'], categories: [], star: 2, homeStationName: '东珠站' }],
        },
      }),
    })
    wx.__control.setTransport(server.transport)
    const page = loadPage('resources')
    await page.instance.onLoad({})
    expect(server.requests.filter((r) => r.name === 'Resources')).toHaveLength(1)
    page.instance.onSkill({ detail: { value: ' 电路 ' } })
    await page.instance.search()
    expect(server.requests.filter((r) => r.name === 'Resources').pop().variables).toEqual({ filter: { orgUnitId: '30', skill: '电路' }, first: 20 })
    expect(texts(page, '.resource-team')[0]).toContain('水电队（专业队伍）')
    expect(texts(page, '.resource-volunteer')[0]).toContain('王* · 2 星')
    page.instance.onCategory({ detail: { value: 4 } })
    await page.instance.search()
    expect(server.requests.filter((r) => r.name === 'Resources').pop().variables.filter).toEqual({ orgUnitId: '30', skill: '电路', category: 'SCIENCE_TECH' })
    expect(texts(page, '.empty-text')).toEqual(['没有找到相关志愿者'])
    page.instance.openTeam(tap({ id: '11' }))
    expect(wx.__control.navigations).toContain('/pages/team/team?id=11')
  })

  test('a failed search shows the error with 重试 in both lists', async () => {
    signIn('finder2')
    let fail = true
    const server = fakeServer({
      Resources: () => {
        if (fail) throw { code: 'UPSTREAM_UNAVAILABLE' }
        return { resources: { teams: [], volunteers: [] } }
      },
    })
    wx.__control.setTransport(server.transport)
    const page = loadPage('resources')
    await page.instance.onLoad({ orgUnitId: '30' })
    expect(texts(page, '.error-message')).toEqual(['服务暂不可用，请稍后再试', '服务暂不可用，请稍后再试'])
    fail = false
    await page.instance.retry(tap({ list: 'teams' }))
    expect(exists(page, '.error-message')).toBe(false)
    expect(texts(page, '.empty-text')).toEqual(['没有找到相关队伍', '没有找到相关志愿者'])
  })
})

describe('年度志愿服务证明', () => {
  const record = { code: 'ABCDEFGHJKMNPQRS', year: 2025, activitiesCount: 3, needsCount: 1, creditHours: 12.5, needHours: 2, honorHours: 4, issuingUnitName: '东珠站', issuedAt: '2026-01-05T01:00:00Z', downloadUrl: '/service-records/ABCDEFGHJKMNPQRS.pdf?exp=1&sig=x', downloadUrlExpiresAt: '2026-01-05T01:10:00Z' }

  test('issues the year’s certificate, downloads the signed link and opens the PDF', async () => {
    signIn('cert')
    const asked = []
    const server = fakeServer({
      ServiceRecordPdf: (v) => {
        asked.push(v)
        return { serviceRecordPdf: record }
      },
    })
    wx.__control.setTransport(server.transport)
    wx.__control.setDownloadTransport(async (options) => ({ statusCode: 200, tempFilePath: `wxfile://tmp/${options.url.length}.pdf` }))
    const page = loadPage('certificate')
    page.instance.onLoad()
    const thisYear = new Date(Date.now() + 8 * 3600e3).getUTCFullYear()
    expect(page.instance.data.years[0]).toBe(thisYear)
    page.instance.onYear({ detail: { value: 1 } })
    const issued = await page.instance.issue()
    expect(asked).toEqual([{ year: thisYear - 1 }])
    expect(issued.code).toBe('ABCDEFGHJKMNPQRS')
    expect(wx.__control.downloads.pop()).toBe('http://localhost:8080/service-records/ABCDEFGHJKMNPQRS.pdf?exp=1&sig=x')
    expect(wx.__control.openedDocuments.pop()).toMatchObject({ fileType: 'pdf' })
    expect(text(page, '.credit-hours')).toBe('12.5 小时')
    expect(text(page, '.code')).toBe('ABCDEFGHJKMNPQRS')
    page.instance.verify()
    expect(wx.__control.navigations).toContain('/pages/verify/verify?code=ABCDEFGHJKMNPQRS')
  })

  test('a year without hours says so and downloads nothing; a failed download is reported', async () => {
    signIn('cert2')
    let empty = true
    const server = fakeServer({
      ServiceRecordPdf: () => {
        if (empty) throw { code: 'SERVICE_RECORD_EMPTY' }
        return { serviceRecordPdf: record }
      },
    })
    wx.__control.setTransport(server.transport)
    wx.__control.setDownloadTransport(async () => ({ statusCode: 403, tempFilePath: 'x', data: JSON.stringify({ code: 'FORBIDDEN', message: 'link expired' }) }))
    const page = loadPage('certificate')
    page.instance.onLoad()
    const downloadsBefore = wx.__control.downloads.length
    await page.instance.issue()
    // No confirmed hours that year: the empty state, not 出错了 with 重试.
    expect(text(page, '.empty-text')).toMatch(/^\d{4} 年还没有已确认的服务时长$/)
    expect(exists(page, '.error-message')).toBe(false)
    expect(wx.__control.downloads.length).toBe(downloadsBefore)
    empty = false
    const opened = wx.__control.openedDocuments.length
    await page.instance.issue()
    expect(page.instance.data.errorCode).toBe('FORBIDDEN')
    expect(wx.__control.openedDocuments.length).toBe(opened)
  })
})

describe('核验志愿服务证明', () => {
  test('a known code shows what the certificate says, anonymously; an unknown one says not found', async () => {
    signIn('checker')
    const server = fakeServer({
      VerifyServiceRecord: (v) => ({
        verifyServiceRecord: v.code === 'ABCDEFGHJKMNPQRS' ? { code: v.code, maskedName: '李*', year: 2025, activitiesCount: 3, needsCount: 1, creditHours: 12.5, needHours: 2, honorHours: 4, issuingUnitName: '东珠站', issuedAt: '2026-01-05T01:00:00Z' } : null,
      }),
    })
    wx.__control.setTransport(server.transport)
    const page = loadPage('verify')
    await page.instance.onLoad({ code: 'ABCDEFGHJKMNPQRS' })
    expect(text(page, '.valid')).toBe('证明有效')
    expect(text(page, '.masked-name')).toBe('李*')
    expect(server.requests[0]).toMatchObject({ name: 'VerifyServiceRecord', auth: undefined })
    page.instance.onCode({ detail: { value: 'ZZZZZZZZZZZZZZZZ' } })
    await page.instance.verify()
    expect(exists(page, '.verified')).toBe(false)
    expect(text(page, '.empty-text')).toBe('未找到该证明')
  })

  test('a malformed code is refused before asking the server; a scanned one is verified', async () => {
    signIn('checker2')
    const server = fakeServer({ VerifyServiceRecord: (v) => ({ verifyServiceRecord: null }) })
    wx.__control.setTransport(server.transport)
    const page = loadPage('verify')
    await page.instance.onLoad({})
    page.instance.onCode({ detail: { value: '123' } })
    await page.instance.verify()
    expect(page.instance.data.errorCode).toBe('BAD_REQUEST')
    expect(text(page, '.error')).toBe('请输入证明上的 16 位验证码')
    expect(server.requests).toHaveLength(0)
    wx.__control.current.scanResult = 'ABCDEFGHJKMNPQRS'
    await page.instance.scan()
    expect(server.requests.map((r) => r.variables)).toEqual([{ code: 'ABCDEFGHJKMNPQRS' }])
  })
})

test('the activity page shows my live place on its waitlist and offers the reminder', async () => {
  signIn('waiting')
  const server = fakeServer({
    ActivityDetail: () => ({
      activity: { id: '8', title: '植树', status: 'PUBLISHED', startsAt: '2026-12-20T01:00:00Z', endsAt: '2026-12-20T03:00:00Z', capacity: 1, confirmedCount: 1, project: { name: 'p' }, mySignUp: { id: '2', status: 'WAITLISTED', waitlistPosition: 5, waitlistRank: 2, checkedInAt: null, hours: null, hoursConfirmed: false } },
    }),
    // (utils/subscribe keeps the templates of the file's first test: the same ones here)
    SubscriptionTemplates: () => ({ subscriptionTemplates: [{ kind: 'ACTIVITY_REMINDER', templateId: 't-remind' }] }),
    RecordSubscriptions: (v) => ({ recordSubscriptions: v.templateIds.map((templateId) => ({ templateId, remaining: 1 })) }),
  })
  wx.__control.setTransport(server.transport)
  wx.__control.current.subscribeAnswers = { 't-remind': 'accept' }
  const page = loadPage('activity')
  await page.instance.onLoad({ id: '8' })
  expect(text(page, '.waitlist-rank')).toBe('（第 2 位）')
  expect(await page.instance.remindMe()).toEqual(['t-remind'])
  expect(text(page, '.remind-me')).toBe('已开启活动提醒')
})

describe('my hours on the activity page', () => {
  const activity = (mySignUp) => ({
    activity: { id: '7', title: '义诊', status: 'FINISHED', startsAt: '2026-11-01T01:00:00Z', endsAt: '2026-11-01T03:00:00Z', capacity: 5, confirmedCount: 1, project: { name: 'p' }, mySignUp },
  })
  const base = { id: '1', status: 'CONFIRMED', checkedInAt: '2026-11-01T01:00:00Z', checkedOutAt: '2026-11-01T03:00:00Z', hoursAdjusted: false, hoursRevoked: false, hoursRevokeReason: null, hoursAdjustments: [] }

  test('checked out but not yet confirmed: the hours wait for the organiser', async () => {
    signIn('hours1')
    wx.__control.setTransport(fakeServer({ ActivityDetail: () => activity({ ...base, hours: 2, hoursConfirmed: false }) }).transport)
    const page = loadPage('activity')
    await page.instance.onLoad({ id: '7' })
    expect(text(page, '.my-hours')).toBe('签退时长 2 小时，待组织者确认')
    expect(exists(page, '.hours-adjustment')).toBe(false)
  })

  test('hours set by the organisers show every setting, newest first, with who, why and what it replaced', async () => {
    signIn('hours2')
    wx.__control.setTransport(fakeServer({
      ActivityDetail: () => activity({
        ...base,
        hours: 1.5,
        hoursConfirmed: true,
        hoursAdjusted: true,
        hoursAdjustments: [
          { id: '11', hoursBefore: 2, hoursAfter: 3, reason: '补签退', adjustedByName: '王站长', adjustedAt: '2026-11-01T05:00:00Z' },
          { id: '12', hoursBefore: 3, hoursAfter: 1.5, reason: '提前离场', adjustedByName: '李老师', adjustedAt: '2026-11-02T01:30:00Z' },
        ],
      }),
    }).transport)
    const page = loadPage('activity')
    await page.instance.onLoad({ id: '7' })
    expect(text(page, '.my-hours')).toBe('已确认时长 1.5 小时')
    expect(texts(page, '.hours-adjustment')).toEqual([
      '11-02 09:30 李老师 调整为 1.5 小时（原 3 小时）：提前离场',
      '11-01 13:00 王站长 调整为 3 小时（原 2 小时）：补签退',
    ])
  })

  test('revoked hours say so with the reason instead of counting as confirmed', async () => {
    signIn('hours3')
    wx.__control.setTransport(fakeServer({
      ActivityDetail: () => activity({ ...base, hours: 2, hoursConfirmed: true, hoursRevoked: true, hoursRevokeReason: '未实际参加' }),
    }).transport)
    const page = loadPage('activity')
    await page.instance.onLoad({ id: '7' })
    expect(text(page, '.my-hours')).toBe('时长 2 小时已撤销：未实际参加')
  })
})
