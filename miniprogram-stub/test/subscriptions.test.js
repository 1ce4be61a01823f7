const client = require('../api/client')
const { loadPage, fakeServer, text, texts, exists } = require('./helpers')

function signedIn() {
  const phone = wx.__control.use('subscriber')
  wx.setStorageSync(client.SESSION_KEY, { accessToken: 'a-sub', refreshToken: 'r', user: { id: '7', roles: ['RESIDENT'], roleGrants: [] } })
  return phone
}

test('消息提醒 lists what each template may still bring, and accepting again adds one', async () => {
  const phone = signedIn()
  let published = 0
  const server = fakeServer({
    MySubscriptions: () => ({
      mySubscriptions: [
        { templateId: 't-published', kinds: ['NEED_PUBLISHED'], remaining: published },
        { templateId: 't-done', kinds: ['NEED_COMPLETED', 'ACTIVITY_REMINDER'], remaining: 2 },
      ],
    }),
    SubscriptionTemplates: () => ({ subscriptionTemplates: [{ kind: 'NEED_PUBLISHED', templateId: 't-published' }] }),
    RecordSubscriptions: ({ templateIds }) => {
      published += templateIds.length
      return { recordSubscriptions: { balances: [], ignoredTemplateIds: [] } }
    },
  })
  wx.__control.setTransport(server.transport)
  const page = loadPage('subscriptions')
  const balances = await page.instance.onLoad()
  expect(balances.map((b) => [b.templateId, b.remaining])).toEqual([['t-published', 0], ['t-done', 2]])
  const rows = texts(page, '.balance')
  expect(rows[0]).toContain('需求审核通过')
  expect(rows[0]).toContain('已用完')
  expect(rows[1]).toContain('需求已完成、活动开始提醒')
  expect(rows[1]).toContain('还可提醒 2 次')
  expect(exists(page, '.empty-state')).toBe(false)

  phone.subscribeAnswers = { 't-published': 'accept' }
  const accepted = await page.instance.renew({ currentTarget: { dataset: { kinds: ['NEED_PUBLISHED'] } } })
  expect(accepted).toEqual(['t-published'])
  expect(page.instance.data.balances[0]).toMatchObject({ templateId: 't-published', remaining: 1, text: '还可提醒 1 次' })
})

test('消息提醒 says so when nothing was ever accepted', async () => {
  signedIn()
  wx.__control.setTransport(fakeServer({ MySubscriptions: () => ({ mySubscriptions: [] }) }).transport)
  const page = loadPage('subscriptions')
  await page.instance.onLoad()
  expect(text(page, '.empty-text')).toBe('还没有订阅消息提醒')
  expect(exists(page, '.error-state')).toBe(false)
})

test('消息提醒 shows the error with a retry that loads again', async () => {
  signedIn()
  let fail = true
  wx.__control.setTransport(fakeServer({
    MySubscriptions: () => {
      if (fail) throw Object.assign(new Error('服务暂不可用'), { code: 'SERVICE_UNAVAILABLE' })
      return { mySubscriptions: [{ templateId: 't', kinds: ['NEED_ACCEPTED'], remaining: 1 }] }
    },
  }).transport)
  const page = loadPage('subscriptions')
  await page.instance.onLoad()
  expect(page.instance.data.errorCode).toBe('SERVICE_UNAVAILABLE')
  expect(exists(page, '.error-state')).toBe(true)
  expect(exists(page, '.empty-state')).toBe(false)
  fail = false
  await page.instance.refresh()
  expect(exists(page, '.error-state')).toBe(false)
  expect(texts(page, '.balance')[0]).toContain('需求已接单')
})

test('a report of accepted templates retried after a 503 whose commit went through counts the prompt once', async () => {
  const phone = signedIn()
  const counted = new Map()
  let unavailable = true
  const server = fakeServer({
    MySubscriptions: () => ({ mySubscriptions: [{ templateId: 't-published', kinds: ['NEED_PUBLISHED'], remaining: counted.size }] }),
    SubscriptionTemplates: () => ({ subscriptionTemplates: [{ kind: 'NEED_PUBLISHED', templateId: 't-published' }] }),
    // The server counts per key; the first answer is lost behind a 503 and the client retries.
    RecordSubscriptions: ({ templateIds, idempotencyKey }) => {
      counted.set(idempotencyKey, templateIds)
      if (unavailable) {
        unavailable = false
        throw { code: 'SERVICE_UNAVAILABLE', status: 503, header: { 'Retry-After': '0' } }
      }
      return { recordSubscriptions: { balances: [], ignoredTemplateIds: [] } }
    },
  })
  wx.__control.setTransport(server.transport)
  const page = loadPage('subscriptions')
  await page.instance.onLoad()
  phone.subscribeAnswers = { 't-published': 'accept' }
  await page.instance.renew({ currentTarget: { dataset: { kinds: ['NEED_PUBLISHED'] } } })
  const reports = server.requests.filter((r) => r.name === 'RecordSubscriptions').map((r) => r.variables)
  expect(reports).toHaveLength(2)
  expect(reports[0].idempotencyKey).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
  expect(reports[1]).toEqual(reports[0])
  expect(counted.size).toBe(1)
  // The next prompt is another acceptance: another key.
  await page.instance.renew({ currentTarget: { dataset: { kinds: ['NEED_PUBLISHED'] } } })
  expect(counted.size).toBe(2)
})
