// 我的: the 荣誉称号 a volunteer holds (Volunteer.honours: rule titles, 年度优秀志愿者) on the profile page.
const client = require('../api/client')
const { loadPage, fakeServer, texts, exists } = require('./helpers')

function signedIn(name) {
  wx.__control.use(name)
  wx.setStorageSync(client.SESSION_KEY, { accessToken: `a-${name}`, refreshToken: 'r', user: { id: '7', roles: ['VOLUNTEER'], roleGrants: [] } })
}

const volunteer = (honours) => ({
  id: '70', realName: '李志愿', idNumberMasked: '3202**********1234', homeStationId: '31', homeStationName: '西山站', skills: [], categories: [],
  partyMember: false, trained: true, trainings: [], stats: { creditHours: 1000.5, honorHours: 0, pendingHours: 0, star: 4 }, honours,
})

test('the profile lists the honours the volunteer holds, with their year', async () => {
  signedIn('honours-held')
  const fake = fakeServer({
    MyProfile: () => ({
      me: { id: '7', nickname: null, phone: null, roles: ['VOLUNTEER'] },
      myVolunteer: volunteer([{ id: '1', title: '四星志愿者', year: 2026 }, { id: '2', title: '2026年度优秀志愿者', year: 2026 }]),
    }),
  })
  wx.__control.setTransport(fake.transport)
  const page = loadPage('profile')
  await page.instance.onLoad()
  expect(texts(page, '.honour-title')).toEqual(['四星志愿者', '2026年度优秀志愿者'])
  expect(texts(page, '.honour .muted')).toEqual(['2026 年', '2026 年'])
  expect(fake.requests.map((r) => r.name)).toEqual(['MyProfile'])
})

test('a volunteer without honours sees no honours section', async () => {
  signedIn('honours-none')
  const fake = fakeServer({
    MyProfile: () => ({ me: { id: '7', nickname: null, phone: null, roles: ['VOLUNTEER'] }, myVolunteer: volunteer([]) }),
  })
  wx.__control.setTransport(fake.transport)
  const page = loadPage('profile')
  await page.instance.onLoad()
  expect(exists(page, '.real-name')).toBe(true)
  expect(exists(page, '.honours')).toBe(false)
})
