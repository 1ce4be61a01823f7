// 在职党员 (issue 18): a party member declares it when registering or on the profile; a station admin
// confirms it in the console. The pages send the declaration and show where it stands.
const client = require('../api/client')
const { loadPage, fakeServer, text, exists } = require('./helpers')

function signedIn(name) {
  wx.__control.use(name)
  wx.setStorageSync(client.SESSION_KEY, { accessToken: `a-${name}`, refreshToken: 'r', user: { id: '7', roles: ['RESIDENT'], roleGrants: [] } })
}

const input = (field, value) => ({ currentTarget: { dataset: { field } }, detail: { value } })
const volunteer = (extra) => ({
  id: '70', realName: '李志愿', idNumberMasked: '3202**********1234', homeStationId: '31', homeStationName: '西山站', skills: [], categories: [],
  partyMember: true, inServicePartyDeclared: false, inServicePartyMember: false, trained: true, trainings: [],
  stats: { creditHours: 0, honorHours: 0, pendingHours: 0, star: 0 }, ...extra,
})

test('registration sends the 在职党员 declaration only for a party member', async () => {
  signedIn('party-reg')
  const sent = []
  const fake = fakeServer({
    MyProfile: () => ({ me: { id: '7', nickname: null, phone: null, roles: ['RESIDENT'] }, myVolunteer: null }),
    NearbyStations: () => ({ nearbyStations: [{ distanceMeters: 100, station: { id: '31', name: '西山站' } }] }),
    RegisterVolunteer: (v) => {
      sent.push(v.input)
      return { registerVolunteer: volunteer() }
    },
  })
  wx.__control.setTransport(fake.transport)
  const page = loadPage('register')
  await page.instance.onLoad()
  expect(exists(page, '.in-service-party')).toBe(false)
  page.instance.onInput(input('realName', '李志愿'))
  page.instance.onInput(input('idNumber', '32028219900101123X'))
  page.instance.onParty({ detail: { value: true } })
  expect(exists(page, '.in-service-party')).toBe(true)
  page.instance.onInServiceParty({ detail: { value: true } })
  await page.instance.submit()
  expect(sent[0]).toMatchObject({ partyMember: true, inServicePartyMember: true })

  // Switching 党员 off clears the declaration.
  page.instance.onParty({ detail: { value: false } })
  expect(page.instance.data.form.inServicePartyMember).toBe(false)
  expect(page.instance.input()).toMatchObject({ partyMember: false, inServicePartyMember: false })
})

test('the profile declares and withdraws, and says whether the station confirmed it', async () => {
  signedIn('party-profile')
  let state = { inServicePartyDeclared: false, inServicePartyMember: false }
  const declared = []
  const fake = fakeServer({
    MyProfile: () => ({ me: { id: '7', nickname: null, phone: null, roles: ['VOLUNTEER'] }, myVolunteer: volunteer(state) }),
    DeclareInServicePartyMember: (v) => {
      declared.push(v.declared)
      state = { inServicePartyDeclared: v.declared, inServicePartyMember: false }
      return { declareInServicePartyMember: { id: '70', ...state } }
    },
  })
  wx.__control.setTransport(fake.transport)
  const page = loadPage('profile')
  await page.instance.onLoad()
  expect(exists(page, '.in-service-party')).toBe(true)
  expect(exists(page, '.in-service-state')).toBe(false)
  await page.instance.onInServiceParty({ detail: { value: true } })
  expect(declared).toEqual([true])
  expect(text(page, '.in-service-state')).toBe('已申报，待所属站点确认')

  // Confirmed by the station admin (in the console): the next load says so.
  state = { inServicePartyDeclared: true, inServicePartyMember: true }
  await page.instance.refresh()
  expect(text(page, '.in-service-state')).toBe('站点已确认您的在职党员身份')

  await page.instance.onInServiceParty({ detail: { value: false } })
  expect(declared).toEqual([true, false])
  expect(exists(page, '.in-service-state')).toBe(false)
})

test('a failed declaration puts the switch back and shows the error', async () => {
  signedIn('party-fail')
  const fake = fakeServer({
    MyProfile: () => ({ me: { id: '7', nickname: null, phone: null, roles: ['VOLUNTEER'] }, myVolunteer: volunteer() }),
    DeclareInServicePartyMember: () => {
      throw { code: 'VOLUNTEER_REQUIRED' }
    },
  })
  wx.__control.setTransport(fake.transport)
  const page = loadPage('profile')
  await page.instance.onLoad()
  expect(await page.instance.onInServiceParty({ detail: { value: true } })).toBeUndefined()
  expect(page.instance.data.errorCode).toBe('VOLUNTEER_REQUIRED')
  expect(page.instance.data.volunteer.inServicePartyDeclared).toBe(false)
})
