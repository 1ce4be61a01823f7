/**
 * The whole product from its users' side, against a real backend (GRAPHQL_URL; `./mvnw verify`
 * starts one in the `local` profile on a free port). Each person has their own "phone" (a wx
 * device with its own storage and login code) and acts through the mini-program's pages; the staff
 * at their desks use the staff console in chromium (journey/staff-console.cjs), signed in by its QR
 * login confirmed on the admin's phone. No GraphQL is written here: what the journey sets up and
 * what it reads back goes through the clients' own pages and API modules.
 *
 * It takes place in the local profile's demo county (LocalDemoData): its center admin, the 东珠社区
 * station and that station's 分队 led by the demo volunteer 赵磊. Other tests share that county,
 * so what they also count (the station's boards, the month's 落实清单, sign-up sources) is read
 * before and after, and the journey checks its own difference.
 */
const jsQR = require('jsqr')
const config = require('../config')
const client = require('../api/client')
const fs = require('fs')
const { fetchTransport, fetchDownload, fetchUpload } = require('../test/wx-shim')
const { loadPage } = require('../test/helpers')
const { idNumber, url } = require('./backend')
const { startConsole } = require('./staff-console')

const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`
const STATION = '东珠社区新时代文明实践站'
const TEAM = '东珠社区志愿服务分队'
// Beside the station (东珠路 18 号), within every geofence the journey meets.
const here = { latitude: 31.3666, longitude: 119.8149 }

const people = {
  admin: 'admin', // the demo county's center admin: at the console, and on the mini-program's admin page
  resident: `jres-${run}`,
  leader: 'zhaolei', // 赵磊, the demo 分队's leader
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

/** A Beijing wall-clock time as the console's date pickers take it, e.g. 2026-12-04 21:30. */
function beijingText(date) {
  const d = new Date(date.getTime() + 8 * 3600e3)
  const pad = (n) => String(n).padStart(2, '0')
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
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

/** Loads further pages of a page's list (加载更多) until `match` is among its items. */
async function findInList(page, list, match) {
  for (;;) {
    const found = page.instance.data[list].items.find(match)
    if (found || !page.instance.data[list].hasNextPage) return found
    await page.instance.loadList(list, false)
  }
}

const state = {}
let staff = null

/** The signed-in person's remaining subscribe-message sends, by template id, read on 消息提醒. */
async function remainingSubscriptions() {
  const page = loadPage('subscriptions')
  const balances = await page.instance.onLoad()
  expect(page.instance.data.error).toBe('')
  const watched = ['local-need-published', 'local-need-accepted', 'local-need-completed']
  return Object.fromEntries(balances.filter((b) => watched.includes(b.templateId)).map((b) => [b.templateId, b.remaining]))
}

/** The station's monthly boards as the volunteer's 排行榜 page shows them. */
async function boards() {
  as('volunteer')
  const page = loadPage('leaderboard')
  await page.instance.onLoad({ kind: 'TEAM_HOURS', period: 'MONTH' })
  expect(page.instance.data.scopeId).toBe(state.station)
  const team = page.instance.data.entries.items.find((e) => e.id === state.team)
  return { teamHours: team ? team.score : 0 }
}

/** This month's 落实清单 of the station, from the admin page. */
async function fulfilmentTotal() {
  as('admin')
  const page = loadPage('staff/admin')
  await page.instance.onLoad({ orgUnitId: state.station })
  const list = await page.instance.loadFulfilment()
  expect(page.instance.data.error).toBe('')
  return list
}

jest.setTimeout(120000)

beforeAll(async () => {
  if (!url) {
    throw new Error('GRAPHQL_URL is not set: run the journey through ./mvnw verify, or start the server and set it')
  }
  config.serverUrl = url
  wx.__control.setTransport(fetchTransport)
  wx.__control.setDownloadTransport(fetchDownload)
  wx.__control.setUploadTransport(fetchUpload)

  // A brand-new WeChat user registers on the registration page (志愿者注册登记) at the station
  // nearest them, binds their phone on 我的, and waits for training (先培训再上岗).
  as('volunteer')
  const register = loadPage('register')
  const stations = await register.instance.onLoad()
  const index = stations.findIndex((st) => st.name === STATION)
  expect(index).toBeGreaterThanOrEqual(0)
  state.station = stations[index].id
  register.instance.onStation({ detail: { value: index } })
  const field = (name, value) => register.instance.onInput({ currentTarget: { dataset: { field: name } }, detail: { value } })
  field('realName', '李志愿')
  field('idNumber', idNumber())
  field('skills', '家电维修')
  register.instance.onCategories({ detail: { value: ['SCIENCE_TECH'] } })
  const registered = await register.instance.submit()
  expect(register.instance.data.error).toBe('')
  expect(registered).toMatchObject({ realName: '李志愿', homeStationId: state.station, trained: false })
  state.volunteerId = registered.id
  state.volunteerUserId = client.currentUser().id

  const profile = loadPage('profile')
  await profile.instance.onLoad()
  expect(profile.instance.data.volunteer.trained).toBe(false)
  // WeChat's getPhoneNumber button hands the page a one-time code.
  await profile.instance.onPhone({ detail: { code: `phone-${run}-volunteer` } })
  expect(profile.instance.data.error).toBe('')
  expect(profile.instance.data.me.phone).toMatch(/^139\d{8}$/)

  // The admin records the training on the admin page; the profile then says so.
  as('admin')
  const trainer = loadPage('staff/admin')
  await trainer.instance.onLoad({ orgUnitId: state.station })
  const trainee = await findInList(trainer, 'trainees', (v) => v.id === state.volunteerId)
  expect(trainee).toMatchObject({ realName: '李志愿', trained: false })
  expect(await trainer.instance.recordTraining(tap({ id: trainee.id }))).toMatchObject({ trained: true })
  expect(trainer.instance.data.trainees.items.map((v) => v.id)).not.toContain(state.volunteerId)
  trainer.instance.onUnload()
  as('volunteer')
  const trained = loadPage('profile')
  await trained.instance.onLoad()
  expect(trained.instance.data.volunteer).toMatchObject({ trained: true, trainings: [expect.objectContaining({ course: '岗前培训' })] })

  // The volunteer finds the station's 分队 (找队伍) and asks to join with a message (checked by
  // msgSecCheck on the server); its leader approves it on the team's page.
  const teams = loadPage('teams')
  await teams.instance.onLoad({})
  const team = await findInList(teams, 'teams', (t) => t.name === TEAM)
  expect(team).toBeDefined()
  state.team = team.id
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
  expect(leading.instance.data.requests.items.map((r) => [r.id, r.message])).toContainEqual([request.id, '我会修家电，想加入分队'])
  await leading.instance.approve(tap({ id: request.id }))
  expect(leading.instance.data.error).toBe('')
  expect(leading.instance.data.members.items.map((m) => m.userId)).toContain(state.volunteerUserId)
  as('volunteer')
  const mine = loadPage('teams')
  await mine.instance.onLoad({})
  expect(mine.instance.data.mine.items.map((t) => t.id)).toEqual([state.team])

  // What the shared county counted before the journey: the month's boards and 落实清单.
  state.before = { ...(await boards()), fulfilment: (await fulfilmentTotal()).total }

  // The admin at their desk: the console shows a login QR, which the admin scans with the
  // mini-program (扫码登录管理后台) and confirms after checking which browser asks.
  staff = startConsole()
  const { code } = await staff.step('open', { base: url.replace(/\/graphql$/, '') })
  expect(code).toBeTruthy()
  const adminPhone = as('admin')
  adminPhone.scanResult = code
  const login = loadPage('console-login')
  const request2 = await login.instance.onLoad({})
  expect(login.instance.data.error).toBe('')
  expect(request2.browser).toMatch(/Chrome/)
  expect(await login.instance.confirm()).toBe(true)
  const entered = await staff.step('enter', { unit: STATION })
  expect(entered.user).toBeTruthy()
})

afterAll(async () => {
  if (staff) {
    const { pageErrors } = await staff.close()
    expect(pageErrors).toEqual([])
  }
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
    const fill = { title: '家里的灯坏了', description: '客厅吸顶灯不亮，老人行动不便，想请志愿者帮忙看看', address: `${STATION}附近幸福里3号`, contactName: '张阿姨', contactPhone: '13800138000' }
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

  test('the admin reviews it and dispatches it to the station\'s 分队 (审核, 派单)', async () => {
    as('admin')
    const page = loadPage('staff/admin')
    await page.instance.onLoad({ orgUnitId: state.station })
    expect(await findInList(page, 'submitted', (n) => n.id === state.need)).toBeDefined()
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

  test("the admin sets up an activity at the console and prints its 小程序码 poster; the volunteer signs up from its scene and the sign-up counts under poster", async () => {
    // At the console: a project run by the station's 分队, and an activity under it starting in half an hour.
    const project = `健康义诊${run}`
    const shown = await staff.step('createProject', { name: project, category: '健康促进与体育服务', team: TEAM, description: '社区义诊' })
    expect(shown.shown).toContain(TEAM)
    const start = new Date(Math.ceil((Date.now() + 30 * 60e3) / 60e3) * 60e3)
    state.activityTitle = `社区义诊进楼道${run}`
    const activity = await staff.step('createActivity', {
      project, title: state.activityTitle, startsAt: beijingText(start), endsAt: beijingText(new Date(start.getTime() + 2 * 3600e3)),
      address: `${STATION}广场`, latitude: here.latitude, longitude: here.longitude, capacity: 10,
    })
    state.activity = activity.id
    expect(activity.row).toContain(beijingText(start))
    const sourcesBefore = await staff.step('signUpSources', {})

    // The admin fetches the poster's 小程序码 on the admin page (the local profile's WeChat stub draws a real PNG).
    as('admin')
    const admin = loadPage('staff/admin')
    await admin.instance.onLoad({ orgUnitId: state.station })
    admin.instance.onActivityId({ detail: { value: state.activity } })
    const poster = await admin.instance.loadPoster()
    expect(admin.instance.data.error).toBe('')
    expect(fs.readFileSync(poster).subarray(1, 4).toString('latin1')).toBe('PNG')

    as('volunteer')
    const page = loadPage('activity')
    // WeChat opens a 小程序码 with only its scene, URL-encoded: a=<activityId>&s=poster
    await page.instance.onLoad({ scene: encodeURIComponent(`a=${state.activity}&s=poster`) })
    expect(page.instance.data.activity.title).toBe(state.activityTitle)
    const signUp = await page.instance.signUp()
    expect(page.instance.data.error).toBe('')
    expect(signUp).toMatchObject({ status: 'CONFIRMED', source: 'poster' })
    expect(page.instance.data.signUp.status).toBe('CONFIRMED')

    // 报名来源 at the console counts it under poster, one more than before; no other source moved.
    const count = (rows, source) => (rows.find((r) => r.source === source) || { signUps: 0, cancelled: 0 })
    const after = await staff.step('signUpSources', { name: 'sign-up-sources' })
    expect(count(after.rows, 'poster')).toEqual({ source: 'poster', signUps: count(sourcesBefore.rows, 'poster').signUps + 1, cancelled: count(sourcesBefore.rows, 'poster').cancelled })
    for (const row of sourcesBefore.rows.filter((r) => r.source !== 'poster')) expect(count(after.rows, row.source)).toEqual(row)
  })

  test('the volunteer checks in and out by scanning the rotating code; the admin confirms the hours', async () => {
    // The organiser starts it at the console.
    await staff.step('startActivity', { title: state.activityTitle })
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

  test('the admin, who did not serve, confirms the need hours on the admin page; the volunteer sees them pending, then as credit', async () => {
    // The volunteer's own view: the 2 activity hours are credit, the hour on the need waits.
    as('volunteer')
    const mine = loadPage('my-activities')
    const before = await mine.instance.onLoad()
    expect(mine.instance.data.error).toBe('')
    expect(before).toMatchObject({ creditHours: 2, pendingHours: 1, needsCount: 0 })
    expect(mine.instance.data.hours.pending).toBe('1')

    // The admin sees what waits at the station and confirms it.
    as('admin')
    const admin = loadPage('staff/admin')
    await admin.instance.onLoad({ orgUnitId: state.station })
    const waiting = await findInList(admin, 'needHours', (n) => n.id === state.need)
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
    // Put on sale at the station's 爱心超市 at the console (one per person).
    const rice = `爱心大米 5kg ${run}`
    expect(await staff.step('createReward', { name: rice, price: 30, stock: 5 })).toEqual({ stock: 5 })
    as('volunteer')
    const store = loadPage('rewards')
    await store.instance.onLoad({})
    expect(store.instance.data.stationId).toBe(state.station)
    const reward = store.instance.data.rewards.items.find((r) => r.name === rice)
    expect(reward).toMatchObject({ pricePoints: 30, stock: 5 })
    const redemption = await store.instance.redeem(tap({ id: reward.id }))
    expect(store.instance.data.error).toBe('')
    expect(redemption).toMatchObject({ status: 'ISSUED', points: 30 })
    expect(store.instance.data.balance).toBe(20)
    // The per-person limit is 1: a second redemption is refused with its code.
    await store.instance.redeem(tap({ id: reward.id }))
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
    // The demo volunteers of the station may be on the board too: the volunteer's rank is theirs.
    // 我的名次 shows the rank and score (the page does not ask for the own name); the row on the
    // board shows the name as everyone sees it: masked until the volunteer opts in.
    expect(page.instance.data.me).toMatchObject({ id: state.volunteerUserId, score: 50 })
    const above = page.instance.data.entries.items.filter((e) => e.score > 50).length
    expect(page.instance.data.me.rank).toBe(above + 1)
    const row = () => page.instance.data.entries.items.find((e) => e.id === state.volunteerUserId)
    expect(row()).toMatchObject({ rank: above + 1, score: 50, name: '李**' })
    await page.instance.toggleShowName()
    expect(row().name).toBe('李志愿')

    // The team's hours: 2 at the activity and the 1 hour its member served on the need, confirmed
    // by an admin who did not serve it (need hours count once confirmed).
    expect((await boards()).teamHours).toBe(state.before.teamHours + 3)
  })

  test("the month's 落实清单 lists the need as fulfilled, on time and rated", async () => {
    const list = await fulfilmentTotal()
    expect(list.published).toBe(false)
    const ours = list.fulfilled.find((n) => n.needId === state.need)
    expect(ours).toMatchObject({ onTime: true, rating: 5, residentName: '张**' })
    expect(ours.servedBy).toContain(TEAM)
    const before = state.before.fulfilment
    expect(list.total).toMatchObject({ received: before.received + 1, fulfilled: before.fulfilled + 1, onTime: before.onTime + 1 })
    if (before.received === 0) expect(list.total).toMatchObject({ fulfilmentRate: 1, satisfaction: 1 })
  })

  test('a need phoned in for a resident without the app ends with the admin\'s 回访', async () => {
    // The hotline call is entered at the console (电话代录).
    const title = `帮忙取药${run}`
    const entered = await staff.step('enterNeed', {
      title, description: '独居老人腿脚不便，请志愿者到卫生室取药送上门', address: `${STATION}附近幸福里5号`,
      contactName: '王大爷', contactPhone: '13900139000', consentNote: '电话中老人同意由工作人员代为登记',
    })
    expect(entered.saved).toContain(title)

    as('admin')
    const admin = loadPage('staff/admin')
    await admin.instance.onLoad({ orgUnitId: state.station })
    const submitted = await findInList(admin, 'submitted', (n) => n.title === title)
    expect(submitted).toBeDefined()
    const needId = submitted.id
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

    // The resident has no account: the admin calls and records the rating.
    as('admin')
    await admin.instance.loadRevisits()
    const due = await findInList(admin, 'revisits', (n) => n.id === needId)
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
