/**
 * The whole product from its users' side, against a real backend (GRAPHQL_URL; `./mvnw verify`
 * starts one in the `local` profile on a free port). Each person has their own "phone" (a wx
 * device with its own storage and login code) and acts through the mini-program's pages.
 */
const jsQR = require('jsqr')
const config = require('../config')
const client = require('../api/client')
const fs = require('fs')
const { fetchTransport, fetchDownload, fetchUpload } = require('../test/wx-shim')
const { loadPage } = require('../test/helpers')
const { gql, login, idNumber, url } = require('./backend')

const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`
// A county of our own, somewhere random in Jiangsu so that GEO neighbours from other runs stay far.
const here = { latitude: 31 + Math.random(), longitude: 119.5 + Math.random() }

const people = {
  admin: 'admin', // the local profile's bootstrap center admin
  stationAdmin: `jsadm-${run}`, // 站长 of the new station: confirms what the others did
  resident: `jres-${run}`,
  leader: `jlead-${run}`,
  volunteer: `jvol-${run}`,
}

/** Switches to a person's phone; their first API call logs them in with wx.login. */
function as(person) {
  const device = wx.__control.use(people[person])
  device.location = { ...here }
  return device
}

/** What a phone camera reads off another phone's screen: the QR a page drew on its canvas. */
function screenQr(page, canvasId) {
  const image = wx.__control.canvasOf(page.instance, canvasId).image()
  const found = jsQR(image.data, image.width, image.height)
  if (!found) throw new Error(`no QR code on canvas ${canvasId}`)
  return found.data
}

function tap(dataset) {
  return { currentTarget: { dataset } }
}

async function eventually(check, what) {
  for (let i = 0; i < 50; i += 1) {
    const result = await check()
    if (result) return result
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`timed out waiting for ${what}`)
}

const state = {}

/** The signed-in person's remaining subscribe-message acceptances, by template id (non-zero only). */
async function remainingSubscriptions() {
  const data = await gql(wx.getStorageSync('session').accessToken, '{ mySubscriptions { templateId remaining } }')
  return Object.fromEntries(data.mySubscriptions.filter((b) => ['local-need-published', 'local-need-accepted', 'local-need-completed'].includes(b.templateId)).map((b) => [b.templateId, b.remaining]))
}

jest.setTimeout(60000)

beforeAll(async () => {
  if (!url) {
    throw new Error('GRAPHQL_URL is not set: run the journey through ./mvnw verify, or start the server and set it')
  }
  config.serverUrl = url
  wx.__control.setTransport(fetchTransport)
  wx.__control.setDownloadTransport(fetchDownload)
  wx.__control.setUploadTransport(fetchUpload)

  // The county: 中心 → 所 → 站, created by the center admin through the admin API.
  const admin = await login(people.admin)
  state.adminToken = admin.token
  const unit = async (parentId, level, name, lat, lng) =>
    (
      await gql(admin.token, 'mutation($i: CreateOrgUnitInput!) { createOrgUnit(input: $i) { id } }', {
        i: { parentId, level, name, address: `${name}办公室`, regionCode: '320282', latitude: lat, longitude: lng },
      })
    ).createOrgUnit.id
  state.center = await unit(null, 'CENTER', `旅程中心${run}`, here.latitude, here.longitude)
  state.institute = await unit(state.center, 'INSTITUTE', `旅程所${run}`, here.latitude, here.longitude)
  state.station = await unit(state.institute, 'STATION', `旅程站${run}`, here.latitude, here.longitude)

  // The station's own admin (站长), granted by the center admin; logs in again to carry the role.
  as('stationAdmin')
  const first = await client.login()
  await gql(admin.token, 'mutation($i: GrantRoleInput!) { grantRole(input: $i) { role } }', { i: { userId: first.user.id, role: 'STATION_ADMIN', orgUnitId: state.station } })
  wx.removeStorageSync(client.SESSION_KEY)
  const granted = await client.login()
  expect(granted.user.roleGrants).toContainEqual({ role: 'STATION_ADMIN', orgUnitId: state.station })

  // Two brand-new WeChat users, a team leader and a volunteer, register on the registration page
  // (志愿者注册登记), bind their phones on 我的, and wait for training (先培训再上岗).
  const names = { leader: '王队长', volunteer: '李志愿' }
  for (const person of ['leader', 'volunteer']) {
    as(person)
    const register = loadPage('register')
    const stations = await eventually(async () => {
      const found = await register.instance.onLoad()
      return found && found.some((st) => st.id === state.station) ? found : null
    }, 'the new station among the nearby ones')
    register.instance.onStation({ detail: { value: stations.findIndex((st) => st.id === state.station) } })
    const field = (name, value) => register.instance.onInput({ currentTarget: { dataset: { field: name } }, detail: { value } })
    field('realName', names[person])
    field('idNumber', idNumber())
    field('skills', '家电维修')
    register.instance.onCategories({ detail: { value: ['SCIENCE_TECH'] } })
    const registered = await register.instance.submit()
    expect(register.instance.data.error).toBe('')
    expect(registered).toMatchObject({ realName: names[person], homeStationId: state.station, trained: false })
    state[`${person}UserId`] = client.currentUser().id

    const profile = loadPage('profile')
    await profile.instance.onLoad()
    expect(profile.instance.data.volunteer.trained).toBe(false)
    // WeChat's getPhoneNumber button hands the page a one-time code.
    await profile.instance.onPhone({ detail: { code: `phone-${run}-${person}` } })
    expect(profile.instance.data.error).toBe('')
    expect(profile.instance.data.me.phone).toMatch(/^139\d{8}$/)
  }
  // The 站长 records their training on the admin page; their profiles then say so.
  as('stationAdmin')
  const trainer = loadPage('staff/admin')
  await trainer.instance.onLoad({})
  const waiting = trainer.instance.data.trainees.items
  expect(waiting.map((v) => v.realName).sort()).toEqual(['李志愿', '王队长'])
  for (const trainee of waiting) {
    const done = await trainer.instance.recordTraining(tap({ id: trainee.id }))
    expect(done).toMatchObject({ trained: true })
  }
  expect(trainer.instance.data.trainees.items).toEqual([])
  trainer.instance.onUnload()
  for (const person of ['leader', 'volunteer']) {
    as(person)
    const profile = loadPage('profile')
    await profile.instance.onLoad()
    expect(profile.instance.data.volunteer).toMatchObject({ trained: true, trainings: [expect.objectContaining({ course: '岗前培训' })] })
  }
  const team = await gql(admin.token, 'mutation($i: CreateTeamInput!) { createTeam(input: $i) { id } }', {
    i: { orgUnitId: state.station, name: `旅程分队${run}`, kind: 'SQUAD', leaderUserId: state.leaderUserId, skills: ['家电维修'], categories: ['SCIENCE_TECH'] },
  })
  state.team = team.createTeam.id
  // The volunteer finds the team among the station's (找队伍) and asks to join with a message
  // (checked by msgSecCheck on the server); the leader approves it on the team's page.
  as('volunteer')
  const teams = loadPage('teams')
  await teams.instance.onLoad({})
  expect(teams.instance.data.teams.items.map((t) => t.id)).toContain(state.team)
  const joining = loadPage('team')
  await joining.instance.onLoad({ id: state.team })
  joining.instance.onMessage({ detail: { value: '我会修家电，想加入分队' } })
  const request = await joining.instance.join()
  expect(joining.instance.data.error).toBe('')
  expect(request).toMatchObject({ status: 'PENDING' })
  as('leader')
  const leading = loadPage('team')
  await leading.instance.onLoad({ id: state.team })
  expect(leading.instance.data.leader).toBe(true)
  expect(leading.instance.data.requests.items.map((r) => [r.id, r.message])).toEqual([[request.id, '我会修家电，想加入分队']])
  await leading.instance.approve(tap({ id: request.id }))
  expect(leading.instance.data.error).toBe('')
  expect(leading.instance.data.members.items.map((m) => m.userId)).toContain(state.volunteerUserId)
  as('volunteer')
  const mine = loadPage('teams')
  await mine.instance.onLoad({})
  expect(mine.instance.data.mine.items.map((t) => t.id)).toEqual([state.team])
})

describe('the journey', () => {
  test('a resident posts a need (点单) and accepts progress messages (订阅消息)', async () => {
    const phone = as('resident')
    phone.subscribeAnswers = { 'local-need-published': 'accept', 'local-need-accepted': 'accept', 'local-need-completed': 'accept' }
    const page = loadPage('need-new')
    await page.instance.onLoad({ stationId: state.station })
    const categories = page.instance.data.categories
    expect(categories.length).toBeGreaterThan(0)
    page.instance.onCategory({ detail: { value: 0 } })
    const fill = { title: '家里的灯坏了', description: '客厅吸顶灯不亮，老人行动不便，想请志愿者帮忙看看', address: `旅程站${run}附近幸福里3号`, contactName: '张阿姨', contactPhone: '13800138000' }
    for (const [field, value] of Object.entries(fill)) {
      page.instance.onInput({ currentTarget: { dataset: { field } }, detail: { value } })
    }
    // A photo of the broken lamp, uploaded to POST /media/photos through wx.uploadFile.
    const lamp = require('path').join(require('os').tmpdir(), `journey-lamp-${run}.png`)
    require('fs').writeFileSync(lamp, Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC', 'base64'))
    phone.media = [lamp]
    await page.instance.addPhotos()
    expect(page.instance.data.error).toBe('')
    expect(page.instance.data.photos).toEqual([expect.objectContaining({ localPath: lamp, status: 'PENDING', statusText: '审核中' })])
    const need = await page.instance.submit()
    expect(page.instance.data.error).toBe('')
    expect(need.status).toBe('SUBMITTED')
    state.need = need.id
    // The resident, who uploaded it, sees the photo on the need (pending until WeChat's check passes).
    const mine = loadPage('need')
    await mine.instance.onLoad({ id: need.id })
    expect(mine.instance.data.photos.map((p) => p.id)).toEqual([page.instance.data.photos[0].id])
    expect(await remainingSubscriptions()).toEqual({ 'local-need-published': 1, 'local-need-accepted': 1, 'local-need-completed': 1 })
  })

  test('the station admin reviews it and dispatches it to a team (审核, 派单)', async () => {
    as('admin')
    const page = loadPage('staff/admin')
    await page.instance.onLoad({ orgUnitId: state.station })
    expect(page.instance.data.submitted.items.map((n) => n.id)).toContain(state.need)
    await page.instance.publish(tap({ id: state.need }))
    expect(page.instance.data.published.items.map((n) => n.id)).toContain(state.need)

    const suggestions = await page.instance.suggest(tap({ id: state.need }))
    const ours = suggestions.find((s) => s.teamId === state.team)
    expect(ours).toBeDefined()
    expect(ours.factors.length).toBeGreaterThan(0)
    await page.instance.dispatch(tap({ id: state.need, team: ours.teamId }))
    expect(page.instance.data.error).toBe('')
    expect(page.instance.data.published.items.map((n) => n.id)).not.toContain(state.need)
  })

  test('the team leader accepts, serves with the volunteer and completes it (接单)', async () => {
    as('leader')
    const page = loadPage('need')
    await page.instance.onLoad({ id: state.need })
    expect(page.instance.data.isAssignee).toBe(true)
    // The assignee sees the resident's contact details; the wish wall never does.
    expect(page.instance.data.need.contactPhone).toBe('13800138000')
    await page.instance.accept()
    expect(page.instance.data.need.status).toBe('ACCEPTED')
    await page.instance.start()
    expect(page.instance.data.need.status).toBe('IN_PROGRESS')
    // Completed right after starting: an hour (the allowance) is the most anyone can claim.
    page.setData({ completion: { note: '已更换灯具，检查了线路', hours: 1, participantIds: [state.volunteerUserId] } })
    await page.instance.complete()
    expect(page.instance.data.error).toBe('')
    expect(page.instance.data.need.status).toBe('COMPLETED')
    // The hours are a claim: the completer's word earns nothing until an admin confirms it.
    expect(page.instance.data.participants).toEqual([expect.objectContaining({ userId: state.volunteerUserId, hours: 1, hoursStatus: 'PENDING', statusText: '待确认' })])
  })

  test('the resident rates it (评单) and sees the whole timeline', async () => {
    as('resident')
    const page = loadPage('need')
    await page.instance.onLoad({ id: state.need })
    expect(page.instance.data.need.status).toBe('COMPLETED')
    page.instance.setStars(tap({ stars: 5 }))
    page.instance.onComment({ detail: { value: '志愿者很耐心，谢谢' } })
    await page.instance.rate()
    expect(page.instance.data.need.status).toBe('RATED')
    expect(page.instance.data.need.ratingStars).toBe(5)
    expect(page.instance.data.timeline.map((t) => t.toStatus)).toEqual(['SUBMITTED', 'PUBLISHED', 'DISPATCHED', 'ACCEPTED', 'IN_PROGRESS', 'COMPLETED', 'RATED'])
    // Each progress message used the acceptance it was given (sent after commit, maybe a moment later).
    await eventually(async () => Object.values(await remainingSubscriptions()).every((n) => n === 0), 'the progress messages')
  })

  test("the admin prints the activity's 小程序码 poster; the volunteer signs up from its scene and the sign-up counts under poster", async () => {
    const start = new Date(Date.now() + 30 * 60e3)
    const project = await gql(state.adminToken, 'mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }', {
      i: { orgUnitId: state.station, teamId: state.team, name: `健康义诊${run}`, category: 'HEALTH_SPORTS', description: '社区义诊' },
    })
    const activity = await gql(state.adminToken, 'mutation($i: CreateActivityInput!) { createActivity(input: $i) { id } }', {
      i: {
        projectId: project.createProject.id,
        title: '社区义诊进楼道',
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + 2 * 3600e3).toISOString(),
        address: `旅程站${run}广场`,
        latitude: here.latitude,
        longitude: here.longitude,
        capacity: 10,
      },
    })
    state.activity = activity.createActivity.id
    await gql(state.adminToken, 'mutation($id: ID!) { publishActivity(id: $id) { id } }', { id: state.activity })

    // The station admin fetches the poster's 小程序码 (the local profile's WeChat stub draws a real PNG).
    as('stationAdmin')
    const admin = loadPage('staff/admin')
    await admin.instance.onLoad({})
    admin.instance.onActivityId({ detail: { value: state.activity } })
    const poster = await admin.instance.loadPoster()
    expect(admin.instance.data.error).toBe('')
    expect(fs.readFileSync(poster).subarray(1, 4).toString('latin1')).toBe('PNG')
    const from = new Date(Date.now() - 60e3).toISOString()

    as('volunteer')
    const page = loadPage('activity')
    // WeChat opens a 小程序码 with only its scene, URL-encoded: a=<activityId>&s=poster
    await page.instance.onLoad({ scene: encodeURIComponent(`a=${state.activity}&s=poster`) })
    expect(page.instance.data.activity.title).toBe('社区义诊进楼道')
    const signUp = await page.instance.signUp()
    expect(page.instance.data.error).toBe('')
    expect(signUp).toMatchObject({ status: 'CONFIRMED', source: 'poster' })
    expect(page.instance.data.signUp.status).toBe('CONFIRMED')

    // 报名来源 (the staff console's report) counts it under poster.
    const sources = await gql(state.adminToken, 'query($o: ID!, $f: DateTime!, $t: DateTime!) { signUpSources(orgUnitId: $o, from: $f, to: $t) { source signUps cancelled } }', {
      o: state.station, f: from, t: new Date(Date.now() + 60e3).toISOString(),
    })
    expect(sources.signUpSources).toEqual([{ source: 'poster', signUps: 1, cancelled: 0 }])
  })

  test('the volunteer checks in and out by scanning the rotating code; the admin confirms the hours', async () => {
    await gql(state.adminToken, 'mutation($id: ID!) { startActivity(id: $id) { id } }', { id: state.activity })
    as('admin')
    const admin = loadPage('staff/admin')
    await admin.instance.onLoad({ orgUnitId: state.station })
    admin.instance.onActivityId({ detail: { value: state.activity } })
    expect(await admin.instance.showCheckInCode()).toBe(true)
    // The volunteer's camera reads the QR the admin's page drew (decoded from its canvas pixels).
    const code = screenQr(admin, 'checkin-qr')
    admin.instance.onUnload()
    expect(code).toMatch(/^wmcheckin:/)

    const phone = as('volunteer')
    phone.scanResult = code
    const checkin = loadPage('checkin')
    checkin.instance.onLoad({ id: state.activity })
    await checkin.instance.checkIn()
    expect(checkin.instance.data.error).toBe('')
    expect(checkin.instance.data.checkedInAt).not.toBe('')
    await checkin.instance.checkOut()
    expect(checkin.instance.data.error).toBe('')
    expect(checkin.instance.data.checkedOutAt).not.toBe('')

    as('admin')
    const signUps = await admin.instance.loadSignUps()
    expect(signUps).toHaveLength(1)
    // Checked out before the activity started: no overlap, so the organiser sets the hours served.
    await admin.instance.adjust(tap({ id: signUps[0].id, hours: 2, reason: '提前到场协助布置' }))
    const confirmed = await admin.instance.confirmAll()
    expect(confirmed).toHaveLength(1)
    expect(confirmed[0]).toMatchObject({ hours: 2, hoursConfirmed: true })
  })

  test('the station admin, who did not serve, confirms the need hours on the admin page; the volunteer sees them pending, then as credit', async () => {
    // The volunteer's own view: the 2 activity hours are credit, the hour on the need waits.
    as('volunteer')
    const mine = loadPage('my-activities')
    const before = await mine.instance.onLoad()
    expect(mine.instance.data.error).toBe('')
    expect(before).toMatchObject({ creditHours: 2, pendingHours: 1, needsCount: 0 })
    expect(mine.instance.data.hours.pending).toBe('1')

    // The 站长 sees what waits at the station (the page defaults to their own unit) and confirms it.
    as('stationAdmin')
    const admin = loadPage('staff/admin')
    await admin.instance.onLoad({})
    expect(admin.instance.data.orgUnitId).toBe(state.station)
    const waiting = admin.instance.data.needHours.items.find((n) => n.id === state.need)
    expect(waiting.participants).toEqual([expect.objectContaining({ userId: state.volunteerUserId, hours: 1, hoursStatus: 'PENDING', statusText: '待确认' })])
    const confirmed = await admin.instance.confirmNeedHours(tap({ id: state.need }))
    expect(admin.instance.data.error).toBe('')
    expect(confirmed.participants).toEqual([expect.objectContaining({ userId: state.volunteerUserId, hoursStatus: 'CONFIRMED' })])
    expect(admin.instance.data.needHours.items.map((n) => n.id)).not.toContain(state.need)
    // Loaded afresh, the list no longer holds it.
    await admin.instance.loadNeedHours()
    expect(admin.instance.data.needHours.items.map((n) => n.id)).not.toContain(state.need)

    // Credit hours follow the confirmation (after it commits).
    as('volunteer')
    const after = await eventually(async () => {
      const hours = await mine.instance.refresh()
      return hours && hours.pendingHours === 0 && hours.creditHours === 3 ? hours : null
    }, 'the confirmed need hour as credit')
    expect(after).toMatchObject({ creditHours: 3, pendingHours: 0, needsCount: 1, activitiesCount: 1 })
  })

  test('points arrive for the need, the rating and the activity', async () => {
    as('volunteer')
    const page = loadPage('points')
    await eventually(async () => {
      await page.instance.refresh()
      return page.instance.data.balance === 50
    }, 'a balance of 50')
    const entries = page.instance.data.entries.items
    expect(entries.map((e) => e.type).sort()).toEqual(['ACTIVITY_HOURS', 'NEED_COMPLETED', 'RATING_BONUS'])
    // 1 confirmed need hour (10), the 5-star bonus (20), 2 confirmed activity hours (20).
    expect(entries.reduce((sum, e) => sum + e.delta, 0)).toBe(50)

    const mine = loadPage('my-activities')
    await mine.instance.onLoad()
    expect(mine.instance.data.signUps.items[0]).toMatchObject({ hoursConfirmed: true, hours: 2 })
  })

  test('the volunteer redeems a reward at the station 爱心超市 and the admin fulfils the pickup code', async () => {
    const reward = await gql(state.adminToken, 'mutation($i: CreateRewardInput!) { createReward(input: $i) { id } }', {
      i: { stationId: state.station, name: '爱心大米 5kg', kind: 'GOODS', pricePoints: 30, stock: 5, perPersonLimit: 1 },
    })
    as('volunteer')
    const store = loadPage('rewards')
    await store.instance.onLoad({})
    expect(store.instance.data.stationId).toBe(state.station)
    expect(store.instance.data.rewards.items.map((r) => r.name)).toContain('爱心大米 5kg')
    const redemption = await store.instance.redeem(tap({ id: reward.createReward.id }))
    expect(store.instance.data.error).toBe('')
    expect(redemption).toMatchObject({ status: 'ISSUED', points: 30 })
    expect(store.instance.data.balance).toBe(20)
    // The per-person limit is 1: a second redemption is refused with its code.
    await store.instance.redeem(tap({ id: reward.createReward.id }))
    expect(store.instance.data.errorCode).toBe('LIMIT_EXCEEDED')
    expect(store.instance.data.balance).toBe(20)

    // The volunteer shows the pickup code as a QR on their phone; the admin scans it (扫码核销).
    const codes = loadPage('redemptions')
    await codes.instance.onLoad()
    expect(await codes.instance.showCode(tap({ id: redemption.id }))).toBe(true)
    const onScreen = screenQr(codes, 'pickup-qr')
    expect(onScreen).toBe(redemption.pickupCode)

    const adminPhone = as('admin')
    adminPhone.scanResult = onScreen
    const admin = loadPage('staff/admin')
    await admin.instance.onLoad({ orgUnitId: state.station })
    const fulfilled = await admin.instance.scanPickupCode()
    expect(fulfilled).toMatchObject({ status: 'FULFILLED' })
    await admin.instance.fulfil()
    expect(admin.instance.data.errorCode).toBe('PICKUP_CODE_USED')

    as('volunteer')
    const mine = await codes.instance.refresh()
    expect(mine[0]).toMatchObject({ status: 'FULFILLED', statusText: '已领取' })
    expect(codes.instance.data.shown).toBeNull()
  })

  test('the station leaderboard shows the volunteer with the right score', async () => {
    as('volunteer')
    const page = loadPage('leaderboard')
    await page.instance.onLoad({ kind: 'VOLUNTEER_POINTS', period: 'MONTH' })
    expect(page.instance.data.scopeId).toBe(state.station)
    // Only our volunteer earned points at this new station this month.
    expect(page.instance.data.me).toMatchObject({ rank: 1, id: state.volunteerUserId, score: 50, name: '李**' })
    expect(page.instance.data.entries.items[0]).toMatchObject({ rank: 1, id: state.volunteerUserId, score: 50 })
    await page.instance.toggleShowName()
    expect(page.instance.data.me.name).toBe('李志愿')

    // The team's hours: 2 at the activity and the 1 hour its member served on the need, confirmed
    // by an admin who did not serve it (need hours count once confirmed).
    await page.instance.pickKind({ currentTarget: { dataset: { value: 'TEAM_HOURS' } } })
    expect(page.instance.data.entries.items[0]).toMatchObject({ id: state.team, score: 3 })
  })

  test("the month's 落实清单 lists the need as fulfilled, on time and rated", async () => {
    as('admin')
    const page = loadPage('staff/admin')
    await page.instance.onLoad({ orgUnitId: state.station })
    const list = await page.instance.loadFulfilment()
    expect(page.instance.data.error).toBe('')
    expect(list.published).toBe(false)
    const ours = list.fulfilled.find((n) => n.needId === state.need)
    expect(ours).toMatchObject({ onTime: true, rating: 5, residentName: '张**' })
    expect(ours.servedBy).toContain(`旅程分队${run}`)
    expect(list.total).toMatchObject({ received: 1, fulfilled: 1, onTime: 1, fulfilmentRate: 1, satisfaction: 1 })
  })
  test('a need phoned in for a resident without the app ends with the station admin\'s 回访', async () => {
    // The hotline call is entered by staff (代录), as the admin console does.
    const categories = await gql(state.adminToken, '{ needCategories { id } }')
    const entered = await gql(state.adminToken, 'mutation($i: SubmitNeedInput!) { submitNeed(input: $i) { id } }', {
      i: {
        categoryId: categories.needCategories[0].id, title: '帮忙取药', description: '独居老人腿脚不便，请志愿者到卫生室取药送上门', beneficiaryType: 'ELDERLY', urgency: 'NORMAL',
        address: `旅程站${run}幸福里5号`, latitude: here.latitude, longitude: here.longitude, contactName: '王大爷', contactPhone: '13900139000',
        stationId: state.station, source: 'HOTLINE', consentNote: '电话中老人同意由工作人员代为登记',
      },
    })
    const needId = entered.submitNeed.id

    as('stationAdmin')
    const admin = loadPage('staff/admin')
    await admin.instance.onLoad({})
    await admin.instance.publish(tap({ id: needId }))
    await admin.instance.dispatch(tap({ id: needId, user: state.volunteerUserId }))
    expect(admin.instance.data.error).toBe('')

    as('volunteer')
    const need = loadPage('need')
    await need.instance.onLoad({ id: needId })
    expect(need.instance.data.isAssignee).toBe(true)
    await need.instance.accept()
    await need.instance.start()
    need.setData({ completion: { note: '药已送到', hours: 1, participantIds: [] } })
    await need.instance.complete()
    expect(need.instance.data.need.status).toBe('COMPLETED')

    // The resident has no account: the station admin calls and records the rating.
    as('stationAdmin')
    await admin.instance.loadRevisits()
    const due = admin.instance.data.revisits.items.find((n) => n.id === needId)
    expect(due).toMatchObject({ source: 'HOTLINE', contactPhone: '13900139000', status: 'COMPLETED' })
    // The journey's first need was ordered online: its resident rated it, no 回访.
    expect(admin.instance.data.revisits.items.map((n) => n.id)).not.toContain(state.need)
    admin.instance.setRevisitStars(tap({ id: needId, stars: 4 }))
    admin.instance.onRevisitNote({ currentTarget: { dataset: { id: needId } }, detail: { value: '电话回访，王大爷说药按时送到了' } })
    const rated = await admin.instance.recordRevisit(tap({ id: needId }))
    expect(admin.instance.data.error).toBe('')
    expect(rated).toMatchObject({ status: 'RATED', ratingStars: 4 })
    expect(admin.instance.data.revisits.items.map((n) => n.id)).not.toContain(needId)

    as('volunteer')
    await need.instance.refresh()
    expect(need.instance.data.timeline.map((t) => t.kind)).toContain('REVISIT')
    expect(need.instance.data.timeline[need.instance.data.timeline.length - 1].text).toBe('回访：电话回访，王大爷说药按时送到了')
  })
})
