// 受益群众 on the need page: the assignee says how many people the service reached when completing
// it (empty: the resident alone, the server's default of 1); out-of-range counts never reach the
// server; the count is shown on the need afterwards.
const client = require('../api/client')
const { loadPage, fakeServer, text, exists } = require('./helpers')

function signIn(name, userId) {
  wx.__control.use(name)
  wx.setStorageSync(client.SESSION_KEY, { accessToken: `a-${name}`, refreshToken: 'r', user: { id: userId, roles: ['VOLUNTEER'], roleGrants: [] } })
}

function needServer(sent) {
  let status = 'IN_PROGRESS'
  let beneficiaries = null
  return fakeServer({
    NeedDetail: () => ({
      need: {
        id: '5', title: '社区老人集体理发', description: 'd', status, stationName: '东珠站', category: { name: '生活服务' },
        assignedTeamId: null, assignedUserId: '9', timeline: [], participants: [], photos: [], completionPhotos: [], beneficiaries,
      },
    }),
    CompleteNeed: (v) => {
      sent.push(v.input)
      status = 'COMPLETED'
      beneficiaries = v.input.beneficiaries == null ? 1 : v.input.beneficiaries
      return { completeNeed: { id: '5', status, completedAt: '2026-12-01T01:00:00Z', beneficiaries, participants: [{ userId: '9', hours: 2 }] } }
    },
  })
}

async function openNeed(sent) {
  signIn('volunteer', '9')
  wx.__control.setTransport(needServer(sent).transport)
  const page = loadPage('need')
  await page.instance.onLoad({ id: '5' })
  page.instance.onCompletion({ currentTarget: { dataset: { field: 'note' } }, detail: { value: '已理发 12 位老人' } })
  return page
}

test('the count typed at completion is sent and then shown on the need', async () => {
  const sent = []
  const page = await openNeed(sent)
  expect(exists(page, '.beneficiaries-input')).toBe(true)
  expect(exists(page, '.need-beneficiaries')).toBe(false)
  page.instance.onCompletion({ currentTarget: { dataset: { field: 'beneficiaries' } }, detail: { value: '12' } })
  expect(await page.instance.complete()).toBeTruthy()
  expect(sent).toHaveLength(1)
  expect(sent[0]).toMatchObject({ needId: '5', note: '已理发 12 位老人', beneficiaries: 12 })
  expect(text(page, '.need-beneficiaries')).toBe('受益群众：12 人')
  expect(exists(page, '.beneficiaries-input')).toBe(false)
})

test('left empty, no count is sent and the server records the resident alone', async () => {
  const sent = []
  const page = await openNeed(sent)
  expect(await page.instance.complete()).toBeTruthy()
  expect(sent[0]).not.toHaveProperty('beneficiaries')
  expect(text(page, '.need-beneficiaries')).toBe('受益群众：1 人')
})

test.each(['-1', '10001', '2.5', '十二'])('%s is refused on the page and never sent', async (typed) => {
  const sent = []
  const page = await openNeed(sent)
  page.instance.onCompletion({ currentTarget: { dataset: { field: 'beneficiaries' } }, detail: { value: typed } })
  expect(await page.instance.complete()).toBe(false)
  expect(sent).toHaveLength(0)
  expect(page.instance.data.errorCode).toBe('NEED_BENEFICIARIES_INVALID')
  expect(exists(page, '.beneficiaries-input')).toBe(true)
})
