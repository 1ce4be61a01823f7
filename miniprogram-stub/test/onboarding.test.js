// Onboarding: registration (志愿者注册登记), training status, phone binding with the getPhoneNumber
// button, the leaderboard name toggle — with their error and empty states.
const client = require('../api/client')
const { loadPage, fakeServer, text, texts, exists } = require('./helpers')

function signedIn(name) {
  wx.__control.use(name)
  wx.setStorageSync(client.SESSION_KEY, { accessToken: `a-${name}`, refreshToken: 'r', user: { id: '7', roles: ['RESIDENT'], roleGrants: [] } })
}

const input = (field, value) => ({ currentTarget: { dataset: { field } }, detail: { value } })
const stations = { nearbyStations: [{ distanceMeters: 320.4, station: { id: '30', name: '东珠站' } }, { distanceMeters: 900, station: { id: '31', name: '西山站' } }] }
const volunteer = (extra) => ({
  id: '70', realName: '李志愿', idNumberMasked: '3202**********1234', homeStationId: '31', homeStationName: '西山站', skills: ['家电维修'], categories: ['SCIENCE_TECH'],
  partyMember: false, trained: false, trainings: [], stats: { creditHours: 0, honorHours: 0, pendingHours: 0, star: 0 }, ...extra,
})

test('a new user registers with name, ID number, skills, categories and a nearby home station', async () => {
  signedIn('reg-new')
  let registered = null
  const fake = fakeServer({
    MyProfile: () => ({ me: { id: '7', nickname: null, phone: null, roles: ['RESIDENT'] }, myVolunteer: null }),
    NearbyStations: () => stations,
    RegisterVolunteer: (v) => {
      registered = v.input
      return { registerVolunteer: volunteer() }
    },
  })
  wx.__control.setTransport(fake.transport)
  const page = loadPage('register')
  await page.instance.onLoad()
  expect(text(page, '.station')).toBe('东珠站（320 米）')
  page.instance.onInput(input('realName', ' 李志愿 '))
  page.instance.onInput(input('idNumber', '32028219900101123x'))
  page.instance.onInput(input('skills', '家电维修，理发 家电维修'))
  page.instance.onStation({ detail: { value: '1' } })
  page.instance.onCategories({ detail: { value: ['SCIENCE_TECH'] } })
  const done = await page.instance.submit()
  expect(page.instance.data.error).toBe('')
  expect(done.id).toBe('70')
  expect(registered).toEqual({ realName: '李志愿', idNumber: '32028219900101123X', homeStationId: '31', skills: ['家电维修', '理发'], categories: ['SCIENCE_TECH'], partyMember: false, inServicePartyMember: false })
  expect(wx.__control.navigations).toContain('/pages/profile/profile')
})

test('registration refuses a bad ID number before asking, and shows the server refusal by its code', async () => {
  signedIn('reg-bad')
  const fake = fakeServer({
    MyProfile: () => ({ me: { id: '7', nickname: null, phone: null, roles: ['RESIDENT'] }, myVolunteer: null }),
    NearbyStations: () => stations,
    RegisterVolunteer: () => {
      throw { code: 'ID_NUMBER_ALREADY_REGISTERED' }
    },
  })
  wx.__control.setTransport(fake.transport)
  const page = loadPage('register')
  await page.instance.onLoad()
  page.instance.onInput(input('realName', '李志愿'))
  page.instance.onInput(input('idNumber', '1234'))
  expect(await page.instance.submit()).toBeUndefined()
  expect(page.instance.data.errorCode).toBe('ID_NUMBER_INVALID')
  expect(fake.requests.map((r) => r.name)).not.toContain('RegisterVolunteer')
  page.instance.onInput(input('idNumber', '320282199001011234'))
  await page.instance.submit()
  expect(page.instance.data.errorCode).toBe('ID_NUMBER_ALREADY_REGISTERED')
  expect(text(page, '.error-message')).toBe('该身份证号码已注册')
})

test('with no station nearby the page says so; a registered volunteer sees their record instead of the form', async () => {
  signedIn('reg-none')
  wx.__control.setTransport(fakeServer({ MyProfile: () => ({ me: { id: '7', phone: null, roles: [] }, myVolunteer: null }), NearbyStations: () => ({ nearbyStations: [] }) }).transport)
  const page = loadPage('register')
  await page.instance.onLoad()
  expect(text(page, '.no-station')).toContain('附近没有实践站')
  page.instance.onInput(input('realName', '李志愿'))
  page.instance.onInput(input('idNumber', '320282199001011234'))
  await page.instance.submit()
  expect(page.instance.data.error).toBe('请选择所属站点')

  signedIn('reg-done')
  wx.__control.setTransport(fakeServer({ MyProfile: () => ({ me: { id: '7', phone: null, roles: [] }, myVolunteer: volunteer() }), NearbyStations: () => stations }).transport)
  const again = loadPage('register')
  await again.instance.onLoad()
  expect(again.querySelector('.form')).toBeFalsy()
  expect(text(again, '.registered')).toBe('李志愿 · 西山站')
})

test('the profile shows the training status, binds the phone and toggles the name on leaderboards', async () => {
  signedIn('profile-vol')
  let trained = false
  const shows = []
  const fake = fakeServer({
    MyProfile: () => ({
      me: { id: '7', nickname: null, phone: null, roles: ['VOLUNTEER'] },
      myVolunteer: volunteer(trained ? { trained: true, trainings: [{ id: '1', course: '岗前培训', completedAt: '2026-11-20T02:00:00Z' }] } : {}),
    }),
    BindPhone: (v) => {
      expect(v.code).toBe('phone-code-1')
      return { bindPhone: { id: '7', phone: '13912345678' } }
    },
    SetShowNameOnLeaderboard: (v) => {
      shows.push(v.show)
      return { setShowNameOnLeaderboard: v.show }
    },
  })
  wx.__control.setTransport(fake.transport)
  const page = loadPage('profile')
  await page.instance.onLoad()
  expect(text(page, '.training')).toContain('尚未参加岗前培训')
  trained = true
  await page.instance.refresh()
  expect(text(page, '.training')).toBe('已完成岗前培训')
  expect(texts(page, '.course')[0]).toContain('岗前培训')

  // Declining WeChat's phone dialog asks nothing of the server.
  await page.instance.onPhone({ detail: { errMsg: 'getPhoneNumber:fail user deny' } })
  expect(page.instance.data.errorCode).toBe('PHONE_DECLINED')
  expect(fake.requests.map((r) => r.name)).not.toContain('BindPhone')
  await page.instance.onPhone({ detail: { code: 'phone-code-1' } })
  expect(text(page, '.phone')).toBe('13912345678')
  expect(page.querySelector('.bind-phone')).toBeFalsy()

  expect(await page.instance.onShowName({ detail: { value: true } })).toBe(true)
  expect(shows).toEqual([true])
  // Remembered on this phone for the next visit.
  const next = loadPage('profile')
  await next.instance.onLoad()
  expect(next.instance.data.showName).toBe(true)
})

test('a resident who is not a volunteer is offered registration; a failed load shows the error state', async () => {
  signedIn('profile-resident')
  wx.__control.setTransport(fakeServer({ MyProfile: () => ({ me: { id: '7', phone: '13800000000', roles: ['RESIDENT'] }, myVolunteer: null }) }).transport)
  const page = loadPage('profile')
  await page.instance.onLoad()
  expect(text(page, '.empty-text')).toBe('您还不是注册志愿者')
  page.instance.register()
  expect(wx.__control.navigations).toContain('/pages/register/register')

  signedIn('profile-down')
  wx.__control.setTransport(async () => {
    throw new Error('offline')
  })
  const down = loadPage('profile')
  await down.instance.onLoad()
  expect(down.instance.data.errorCode).toBe('NETWORK_ERROR')
  expect(exists(down, '.retry')).toBe(true)
})

test('the admin pages through untrained volunteers with 加载更多 and records their training', async () => {
  wx.__control.use('trainer')
  wx.setStorageSync(client.SESSION_KEY, { accessToken: 'a-trainer', refreshToken: 'r', user: { id: '1', roles: ['STATION_ADMIN'], roleGrants: [{ role: 'STATION_ADMIN', orgUnitId: '30' }] } })
  const empty = { edges: [], pageInfo: { hasNextPage: false, endCursor: null } }
  const person = (id, trained) => ({ node: { id, realName: `志愿者${id}`, idNumberMasked: 'x', homeStationName: '东珠站', trained, createdAt: '2026-11-20T00:00:00Z' }, cursor: id })
  let recorded = null
  const fake = fakeServer({
    StationNeeds: () => ({ stationNeeds: empty }),
    PendingNeedHours: () => ({ pendingNeedHours: empty }),
    PendingHonorHours: () => ({ pendingHonorHours: empty }),
    RevisitCandidates: () => ({ stationNeeds: empty }),
    StationVolunteers: (v) =>
      v.after === 'c1'
        ? { volunteers: { edges: [person('72', false)], pageInfo: { hasNextPage: false, endCursor: 'c2' } } }
        : { volunteers: { edges: [person('70', true), person('71', false)], pageInfo: { hasNextPage: true, endCursor: 'c1' } } },
    RecordTraining: (v) => {
      recorded = v.input
      return { recordTraining: { id: v.input.volunteerId, trained: true, trainings: [{ id: '1', course: v.input.course, completedAt: v.input.completedAt }] } }
    },
  })
  wx.__control.setTransport(fake.transport)
  const page = loadPage('staff/admin')
  await page.instance.onLoad({})
  // The trained volunteer is left out; the list says there is more.
  expect(texts(page, '.trainee-name')).toEqual(['志愿者71 · 东珠站'])
  expect(exists(page, '.more')).toBe(true)
  await page.instance.loadMore({ currentTarget: { dataset: { list: 'trainees' } } })
  expect(texts(page, '.trainee-name')).toEqual(['志愿者71 · 东珠站', '志愿者72 · 东珠站'])
  expect(fake.requests.filter((r) => r.name === 'StationVolunteers').map((r) => r.variables.after)).toEqual([null, 'c1'])
  expect(text(page, '.list-end')).toBe('没有更多了')

  await page.instance.recordTraining({ currentTarget: { dataset: { id: '71' } } })
  expect(recorded).toMatchObject({ volunteerId: '71', course: '岗前培训' })
  expect(texts(page, '.trainee-name')).toEqual(['志愿者72 · 东珠站'])
  await page.instance.recordTraining({ currentTarget: { dataset: { id: '72' } } })
  expect(texts(page, '.empty-text')).toContain('没有待培训的志愿者')
})

test('a training sent again after a lost answer carries its key and time, so the server records it once', async () => {
  wx.__control.use('trainer-retry')
  wx.setStorageSync(client.SESSION_KEY, { accessToken: 'a-trainer', refreshToken: 'r', user: { id: '1', roles: ['STATION_ADMIN'], roleGrants: [{ role: 'STATION_ADMIN', orgUnitId: '30' }] } })
  const empty = { edges: [], pageInfo: { hasNextPage: false, endCursor: null } }
  const person = (id) => ({ node: { id, realName: `志愿者${id}`, idNumberMasked: 'x', homeStationName: '东珠站', trained: false, createdAt: '2026-11-20T00:00:00Z' }, cursor: id })
  const recorded = new Map()
  let lose = true
  const fake = fakeServer({
    StationNeeds: () => ({ stationNeeds: empty }),
    PendingNeedHours: () => ({ pendingNeedHours: empty }),
    PendingHonorHours: () => ({ pendingHonorHours: empty }),
    RevisitCandidates: () => ({ stationNeeds: empty }),
    StationVolunteers: () => ({ volunteers: { edges: [person('81'), person('82')], pageInfo: { hasNextPage: false, endCursor: null } } }),
    // The server records per key; the first answer is lost on the way back.
    RecordTraining: (v) => {
      recorded.set(v.input.idempotencyKey, v.input)
      if (lose) {
        lose = false
        throw { code: 'INTERNAL_ERROR', message: '网络异常' }
      }
      return { recordTraining: { id: v.input.volunteerId, trained: true, trainings: [{ id: '1', course: v.input.course, completedAt: v.input.completedAt }] } }
    },
  })
  wx.__control.setTransport(fake.transport)
  const page = loadPage('staff/admin')
  await page.instance.onLoad({})
  await page.instance.recordTraining({ currentTarget: { dataset: { id: '81' } } })
  expect(texts(page, '.trainee-name')).toEqual(['志愿者81 · 东珠站', '志愿者82 · 东珠站'])
  await page.instance.recordTraining({ currentTarget: { dataset: { id: '81' } } })
  expect(texts(page, '.trainee-name')).toEqual(['志愿者82 · 东珠站'])
  const sends = fake.requests.filter((r) => r.name === 'RecordTraining').map((r) => r.variables.input)
  expect(sends).toHaveLength(2)
  expect(sends[0].idempotencyKey).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
  expect(sends[1]).toEqual(sends[0])
  expect(recorded.size).toBe(1)
  // The next volunteer's record is another one: another key.
  await page.instance.recordTraining({ currentTarget: { dataset: { id: '82' } } })
  expect(recorded.size).toBe(2)
})
