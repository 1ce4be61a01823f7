// 随手拍: a volunteer reports with a category, a description, the place and photos (uploaded at once,
// sent as photoIds), with the phone's location; 我的随手拍 lists the reports with where each stands.
const client = require('../api/client')
const { loadPage, fakeServer, text, texts } = require('./helpers')

const conn = (nodes, hasNextPage = false, endCursor = null) => ({ edges: nodes.map((node) => ({ node })), pageInfo: { hasNextPage, endCursor } })
const AT = '2026-11-20T01:00:00Z'

function signIn(name) {
  wx.__control.use(name)
  wx.setStorageSync(client.SESSION_KEY, { accessToken: `a-${name}`, refreshToken: 'r', user: { id: '1', roles: ['VOLUNTEER'], roleGrants: [] } })
}

const station = () => ({ nearbyStations: [{ distanceMeters: 300, station: { id: '30', name: '东珠站', phone: null } }] })

test('随手拍: checked before sending, then sent with the category, the location and the uploaded photos', async () => {
  signIn('civic-reporter')
  wx.__control.setUploadTransport(async () => ({ statusCode: 201, data: JSON.stringify({ id: '501', status: 'PENDING' }) }))
  let submitted = null
  const server = fakeServer({
    NearbyStations: station,
    SubmitCivicReport: (v) => {
      submitted = v.input
      return { submitCivicReport: { id: '8', status: 'SUBMITTED', category: v.input.category, categoryLabel: '乱停乱放', stationName: '东珠站', createdAt: AT } }
    },
  })
  wx.__control.setTransport(server.transport)
  wx.__control.current.location = { latitude: 32.3201, longitude: 119.8802 }
  const page = loadPage('civic-new')
  await page.instance.onLoad({})
  expect(text(page, '.station')).toBe('将由东珠站受理')
  expect(server.requests.find((r) => r.name === 'NearbyStations').variables).toEqual({ latitude: 32.3201, longitude: 119.8802, radiusMeters: 30000 })

  // Nothing chosen: said on the phone, without 重试, nothing sent.
  await page.instance.submit()
  expect(text(page, '.error-message')).toBe('请选择问题类别')
  expect(server.requests.filter((r) => r.name === 'SubmitCivicReport')).toHaveLength(0)

  page.instance.onCategory({ detail: { value: 0 } })
  expect(text(page, '.category')).toBe('乱停乱放')
  page.instance.onInput({ currentTarget: { dataset: { field: 'description' } }, detail: { value: ' 电动车堵了盲道 ' } })
  await page.instance.submit()
  expect(text(page, '.error-message')).toBe('请填写位置（如 XX 路与 XX 街交叉口）')
  page.instance.onInput({ currentTarget: { dataset: { field: 'address' } }, detail: { value: '人民路与解放街口' } })
  wx.__control.current.media = ['wxfile://tmp/c.jpg']
  await page.instance.addPhotos()
  expect(texts(page, '.photo-status')).toEqual(['审核中'])
  await page.instance.submit()
  expect(submitted).toEqual({ category: 'PARKING', description: '电动车堵了盲道', address: '人民路与解放街口', latitude: 32.3201, longitude: 119.8802, photoIds: ['501'], idempotencyKey: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/) })
  expect(wx.__control.navigations).toContain('/pages/my-civic/my-civic')
})

test('随手拍: a refusal from the server is shown in its own words', async () => {
  signIn('civic-resident')
  const server = fakeServer({
    NearbyStations: station,
    SubmitCivicReport: () => {
      throw { code: 'CIVIC_VOLUNTEER_REQUIRED' }
    },
  })
  wx.__control.setTransport(server.transport)
  const page = loadPage('civic-new')
  await page.instance.onLoad({})
  page.instance.onCategory({ detail: { value: 2 } })
  page.instance.onInput({ currentTarget: { dataset: { field: 'description' } }, detail: { value: '路灯不亮' } })
  page.instance.onInput({ currentTarget: { dataset: { field: 'address' } }, detail: { value: '幸福里 3 号楼' } })
  await page.instance.submit()
  expect(page.instance.data.errorCode).toBe('CIVIC_VOLUNTEER_REQUIRED')
  expect(text(page, '.error-message')).toBe('随手拍须先注册为志愿者')
})

test('随手拍: one key per report — a lost answer and 重试 resend it, a double tap sends once, the next report has a new one', async () => {
  signIn('civic-retry')
  let calls = 0
  let release = null
  const server = fakeServer({
    NearbyStations: station,
    SubmitCivicReport: (v) => {
      calls += 1
      // The first answer is lost twice over (the commit went through): 503, and 503 again on the client's retry.
      if (calls <= 2) throw { code: 'SERVICE_UNAVAILABLE', status: 503, header: { 'Retry-After': '0' } }
      return new Promise((resolve) => {
        release = () => resolve({ submitCivicReport: { id: '8', status: 'SUBMITTED', category: v.input.category, categoryLabel: '乱停乱放', stationName: '东珠站', createdAt: AT } })
      })
    },
  })
  wx.__control.setTransport(server.transport)
  const page = loadPage('civic-new')
  await page.instance.onLoad({})
  page.instance.onCategory({ detail: { value: 0 } })
  page.instance.onInput({ currentTarget: { dataset: { field: 'description' } }, detail: { value: '电动车堵了盲道' } })
  page.instance.onInput({ currentTarget: { dataset: { field: 'address' } }, detail: { value: '人民路与解放街口' } })
  expect(await page.instance.submit()).toBeUndefined()
  expect(page.instance.data.errorCode).toBe('SERVICE_UNAVAILABLE')
  // 重试, tapped twice: one request, with the key the lost ones carried.
  const first = page.instance.submit()
  const second = page.instance.submit()
  while (!release) await new Promise((resolve) => setTimeout(resolve, 0))
  release()
  expect((await first).id).toBe('8')
  expect(await second).toBeUndefined()
  const keys = server.requests.filter((r) => r.name === 'SubmitCivicReport').map((r) => r.variables.input.idempotencyKey)
  expect(keys).toHaveLength(3)
  expect(new Set(keys).size).toBe(1)
  expect(keys[0]).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
  expect(page.instance.report.key).not.toBe(keys[0])
})

test('我的随手拍: status, deadline, rejection reason and resolution, paged', async () => {
  signIn('civic-list')
  const report = (id, extra) => ({ id, category: 'LITTER', categoryLabel: '垃圾乱扔乱堆', description: `第 ${id} 条`, status: 'SUBMITTED', stationName: '东珠站', deadlineOn: null, rejectReason: null, resolutionNote: null, overdue: false, createdAt: AT, photos: [], ...extra })
  const server = fakeServer({
    MyCivicReports: (v) => ({
      myCivicReports: v.after
        ? conn([report('3', { status: 'VERIFIED', resolutionNote: '已清理' })])
        : conn([report('1', { status: 'ROUTED', deadlineOn: '2026-11-25', overdue: true }), report('2', { status: 'REJECTED', rejectReason: '已由环卫日常清扫' })], true, 'c1'),
    }),
  })
  wx.__control.setTransport(server.transport)
  const page = loadPage('my-civic')
  await page.instance.onLoad({})
  expect(texts(page, '.my-civic')[0]).toContain('已转交办理（已超期）')
  expect(texts(page, '.detail')).toEqual(['办理期限 2026-11-25', '已由环卫日常清扫'])
  await page.instance.loadMore({ currentTarget: { dataset: { list: 'reports' } } })
  expect(texts(page, '.my-civic')).toHaveLength(3)
  expect(texts(page, '.my-civic')[2]).toContain('已核验')
  expect(server.requests.map((r) => r.variables.after)).toEqual([null, 'c1'])
  page.instance.report()
  expect(wx.__control.navigations).toContain('/pages/civic-new/civic-new')
})
