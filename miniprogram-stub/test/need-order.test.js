// 点单 is sent with one idempotency key per filled-in form: the server makes one need per key, so a
// double tap, the client's retry of a 503 and 重试 after an error all send the same key (and the same
// place); a new key only once the need was made.
const client = require('../api/client')
const { loadPage, fakeServer } = require('./helpers')

function signIn(name) {
  wx.__control.use(name)
  wx.setStorageSync(client.SESSION_KEY, { accessToken: `a-${name}`, refreshToken: 'r', user: { id: '1', roles: ['RESIDENT'], roleGrants: [] } })
}

async function filledForm(server) {
  wx.__control.setTransport(server.transport)
  const page = loadPage('need-new')
  await page.instance.onLoad({ stationId: '30' })
  page.instance.onCategory({ detail: { value: 0 } })
  for (const [field, value] of Object.entries({ title: '修灯', description: '客厅灯不亮', address: '幸福里', contactName: '张阿姨', contactPhone: '13800138000' })) {
    page.instance.onInput({ currentTarget: { dataset: { field } }, detail: { value } })
  }
  return page
}

const sends = (server) => server.requests.filter((r) => r.name === 'SubmitNeed').map((r) => r.variables.input)

test('a lost answer: the client’s retry and the user’s 重试 resend the key and the place; the next order has a new key', async () => {
  signIn('resident-retry')
  let calls = 0
  const server = fakeServer({
    NeedCategories: () => ({ needCategories: [{ id: '1', name: '生活服务' }] }),
    StationContact: (v) => ({ orgUnit: { id: v.id, name: '东珠站', phone: null } }),
    SubmitNeed: () => {
      calls += 1
      // The first two answers are lost (the commit of the first went through): 503 twice.
      if (calls <= 2) throw { code: 'SERVICE_UNAVAILABLE', status: 503, header: { 'Retry-After': '0' } }
      return { submitNeed: { id: '5', status: 'SUBMITTED', stationName: '东珠站', contentHold: false } }
    },
    SubscriptionTemplates: () => ({ subscriptionTemplates: [] }),
  })
  const page = await filledForm(server)
  wx.__control.current.location = { latitude: 31.3665, longitude: 119.8148 }
  expect(await page.instance.submit()).toBeUndefined()
  expect(page.instance.data.errorCode).toBe('SERVICE_UNAVAILABLE')
  // The phone has moved a little before 重试: the order still goes from where it was made.
  wx.__control.current.location = { latitude: 31.3701, longitude: 119.8199 }
  expect((await page.instance.submit()).id).toBe('5')
  const sent = sends(server)
  expect(sent).toHaveLength(3)
  expect(sent[0].idempotencyKey).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
  expect(new Set(sent.map((s) => s.idempotencyKey)).size).toBe(1)
  expect(sent.map((s) => [s.latitude, s.longitude])).toEqual([[31.3665, 119.8148], [31.3665, 119.8148], [31.3665, 119.8148]])
  expect(wx.__control.navigations).toContain('/pages/need/need?id=5')

  // Made: another order from the same page is another need.
  await page.instance.submit()
  const next = sends(server)[3]
  expect(next.idempotencyKey).not.toBe(sent[0].idempotencyKey)
  expect([next.latitude, next.longitude]).toEqual([31.3701, 119.8199])
})

test('a double tap sends one order', async () => {
  signIn('resident-double')
  let release
  const server = fakeServer({
    NeedCategories: () => ({ needCategories: [{ id: '1', name: '生活服务' }] }),
    StationContact: (v) => ({ orgUnit: { id: v.id, name: '东珠站', phone: null } }),
    SubmitNeed: () => new Promise((resolve) => {
      release = () => resolve({ submitNeed: { id: '6', status: 'SUBMITTED', stationName: '东珠站', contentHold: false } })
    }),
    SubscriptionTemplates: () => ({ subscriptionTemplates: [] }),
  })
  const page = await filledForm(server)
  const first = page.instance.submit()
  const second = page.instance.submit()
  await new Promise((resolve) => setTimeout(resolve, 0))
  release()
  expect((await first).id).toBe('6')
  expect(await second).toBeUndefined()
  expect(sends(server)).toHaveLength(1)
  expect(wx.__control.navigations.filter((url) => url === '/pages/need/need?id=6')).toHaveLength(1)
})
