// Must-show 3: the QR codes the pages draw decode (with jsQR, an independent decoder from npm) to
// exactly the string the backend issued: the pickup code on the volunteer's phone and the
// organiser's rotating check-in code, which is replaced before it expires.
const jsQR = require('jsqr')
const client = require('../api/client')
const qr = require('../pages/checkin/qr')
const qrcode = require('../utils/qrcode')
const { loadPage, fakeServer, text } = require('./helpers')

const tap = (dataset) => ({ currentTarget: { dataset } })
const connection = (nodes) => ({ edges: nodes.map((node) => ({ node, cursor: String(node.id) })), pageInfo: { hasNextPage: false, endCursor: null } })

/** Decodes what the page painted on its canvas, as a phone's camera would read the screen. */
function decodeCanvas(page, id) {
  const image = wx.__control.canvasOf(page.instance, id).image()
  expect(image.width).toBeGreaterThan(100)
  const found = jsQR(image.data, image.width, image.height)
  return found ? found.data : null
}

function signIn(name, user) {
  wx.__control.use(name)
  wx.setStorageSync(client.SESSION_KEY, { accessToken: `a-${name}`, refreshToken: 'r', user })
}

// A token in the backend's format: activityId.expiresAtMillis.nonce.mac (base64url).
const token = (activityId, n) => `${activityId}.${Date.now() + 60000}.AbC-dEf_${n}.${'x'.repeat(38)}${n}`

test('the matrix comes from qrcode-generator and a blank canvas decodes to nothing', () => {
  const m = qrcode.matrix('WM-PICKUP-1234')
  expect(m.size).toBe(21) // version 1 at level M holds 14 bytes
  expect(m.rows).toHaveLength(21)
  // The three finder patterns: dark corners, as the standard places them.
  expect([m.rows[0][0], m.rows[0][20], m.rows[20][0]]).toEqual([true, true, true])
  const blank = wx.__control.canvasOf({}, 'nothing')
  blank.width = 200
  blank.height = 200
  expect(jsQR(blank.image().data, 200, 200)).toBeNull()
})

test('the volunteer shows a pickup code as a QR that decodes to the issued code', async () => {
  signIn('vol-qr', { id: '7', roles: ['VOLUNTEER'], roleGrants: [] })
  const pickupCode = '8K3QZ7PD'
  const fake = fakeServer({
    MyRedemptions: () => ({
      myRedemptions: connection([
        { id: '41', quantity: 1, points: 30, status: 'ISSUED', pickupCode, expiresAt: '2026-12-01T00:00:00Z', fulfilledAt: null, createdAt: '2026-11-20T00:00:00Z', reward: { id: '3', name: '爱心大米', kind: 'GOODS' } },
        { id: '40', quantity: 1, points: 10, status: 'FULFILLED', pickupCode: 'OLDCODE1', expiresAt: '2026-11-01T00:00:00Z', fulfilledAt: '2026-10-21T00:00:00Z', createdAt: '2026-10-20T00:00:00Z', reward: { id: '2', name: '毛巾', kind: 'GOODS' } },
      ]),
    }),
  })
  wx.__control.setTransport(fake.transport)
  const page = loadPage('redemptions')
  await page.instance.onLoad()
  // Only the issued one can be shown; nothing is drawn before the tap.
  expect(page.querySelectorAll('.show-code')).toHaveLength(1)
  expect(page.querySelector('#pickup-qr')).toBeFalsy()
  expect(await page.instance.showCode(tap({ id: '40' }))).toBe(false)

  expect(await page.instance.showCode(tap({ id: '41' }))).toBe(true)
  expect(page.querySelector('#pickup-qr')).toBeTruthy()
  expect(text(page, '.pickup .pickup-code')).toBe(pickupCode)
  expect(decodeCanvas(page, 'pickup-qr')).toBe(pickupCode)
})

test("the organiser's check-in QR decodes to the issued token and is replaced before it expires", async () => {
  jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] })
  try {
    signIn('adm-qr', { id: '1', roles: ['STATION_ADMIN'], roleGrants: [{ role: 'STATION_ADMIN', orgUnitId: '30' }] })
    const issued = []
    const empty = { edges: [], pageInfo: { hasNextPage: false, endCursor: null } }
    const fake = fakeServer({
      StationNeeds: () => ({ stationNeeds: empty }),
      PendingNeedHours: () => ({ pendingNeedHours: empty }),
      PendingHonorHours: () => ({ pendingHonorHours: empty }),
      RevisitCandidates: () => ({ stationNeeds: empty }),
      ActivityCheckInCode: (v) => {
        const t = token(v.activityId, issued.length)
        issued.push(t)
        return { activityCheckInCode: { token: t, expiresAt: new Date(Date.now() + 60000).toISOString() } }
      },
    })
    wx.__control.setTransport(fake.transport)
    const page = loadPage('staff/admin')
    await page.instance.onLoad({})
    page.instance.onActivityId({ detail: { value: '77' } })
    expect(await page.instance.showCheckInCode()).toBe(true)
    const first = qr.decode(decodeCanvas(page, 'checkin-qr'))
    expect(first).toEqual({ activityId: '77', token: issued[0] })

    // 60 s tokens are replaced 15 s before they expire: a new code is on screen at 45 s.
    expect(page.instance.qrRefreshIn).toBeLessThanOrEqual(45000)
    expect(page.instance.qrRefreshIn).toBeGreaterThan(40000)
    await jest.advanceTimersByTimeAsync(page.instance.qrRefreshIn + 10)
    for (let i = 0; i < 20 && issued.length < 2; i += 1) await jest.advanceTimersByTimeAsync(0)
    await jest.advanceTimersByTimeAsync(0)
    expect(issued).toHaveLength(2)
    expect(qr.decode(decodeCanvas(page, 'checkin-qr'))).toEqual({ activityId: '77', token: issued[1] })
    page.instance.onUnload()
  } finally {
    jest.useRealTimers()
  }
})

test("scanning the organiser's drawn QR checks the volunteer in with the token it carries", async () => {
  signIn('adm-scan', { id: '1', roles: ['STATION_ADMIN'], roleGrants: [{ role: 'STATION_ADMIN', orgUnitId: '30' }] })
  const empty = { edges: [], pageInfo: { hasNextPage: false, endCursor: null } }
  const issuedToken = token('77', 9)
  const fake = fakeServer({
    StationNeeds: () => ({ stationNeeds: empty }),
    PendingNeedHours: () => ({ pendingNeedHours: empty }),
    PendingHonorHours: () => ({ pendingHonorHours: empty }),
    RevisitCandidates: () => ({ stationNeeds: empty }),
    ActivityCheckInCode: () => ({ activityCheckInCode: { token: issuedToken, expiresAt: new Date(Date.now() + 60000).toISOString() } }),
    CheckIn: () => ({ checkIn: { id: '5', checkedInAt: '2026-11-24T01:00:00Z' } }),
  })
  wx.__control.setTransport(fake.transport)
  const admin = loadPage('staff/admin')
  await admin.instance.onLoad({})
  admin.instance.onActivityId({ detail: { value: '77' } })
  await admin.instance.showCheckInCode()
  const onScreen = decodeCanvas(admin, 'checkin-qr')
  admin.instance.onUnload()

  const phone = wx.__control.use('vol-scan')
  wx.setStorageSync(client.SESSION_KEY, { accessToken: 'a-vol', refreshToken: 'r', user: { id: '7', roles: ['VOLUNTEER'], roleGrants: [] } })
  phone.scanResult = onScreen
  const page = loadPage('checkin')
  page.instance.onLoad({ id: '77' })
  await page.instance.checkIn()
  expect(page.instance.data.error).toBe('')
  expect(fake.requests.find((r) => r.name === 'CheckIn').variables).toMatchObject({ activityId: '77', token: issuedToken })
})
