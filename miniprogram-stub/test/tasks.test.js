// 我的任务: today's tasks (in China's calendar) and the other open ones, 完成 for what I may complete
// (the server's answer decides), and the daily reminder's subscribe consent.
const client = require('../api/client')
const { loadPage, fakeServer, text, texts } = require('./helpers')

function signedIn(name) {
  wx.__control.use(name)
  wx.setStorageSync(client.SESSION_KEY, { accessToken: `a-${name}`, refreshToken: 'r', user: { id: '9', roles: ['RESIDENT', 'VOLUNTEER'], roleGrants: [] } })
}

const task = (id, title, extra) => ({ id, title, description: null, projectName: '邻里守望', dueDate: '2026-12-05', status: 'OPEN', ownerKind: 'VOLUNTEER', ownerName: '李志愿', overdue: false, canComplete: true, note: null, ...extra })

test('today’s tasks and the open ones apart; 完成 completes and reloads; a task I may not complete has no button', async () => {
  signedIn('tasks-owner')
  let done = false
  const server = fakeServer({
    MyProjectTasks: (v) => ({
      today: [task('1', '入户走访独居老人', { dueDate: v.today, ownerKind: 'TEAM', ownerName: '助老服务队', status: done ? 'DONE' : 'OPEN', canComplete: !done })],
      open: [
        ...(done ? [] : [task('1', '入户走访独居老人', { dueDate: v.today })]),
        task('2', '回访服务对象', { dueDate: '2026-11-30', overdue: true }),
        task('3', '整理服务台账', { dueDate: '2099-01-01', canComplete: false }),
      ],
    }),
    CompleteProjectTask: (v) => {
      done = true
      return { completeProjectTask: { id: v.id, status: 'DONE', note: null, canComplete: false } }
    },
  })
  wx.__control.setTransport(server.transport)
  const page = loadPage('tasks')
  await page.instance.onLoad()
  // The date asked is China's today, whatever the phone's zone.
  const asked = server.requests.find((r) => r.name === 'MyProjectTasks').variables.today
  expect(asked).toBe(new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10))
  expect(texts(page, '.today-task')).toHaveLength(1)
  expect(text(page, '.today-task')).toContain('队伍：助老服务队')
  expect(text(page, '.today-task')).toContain('待完成')
  // Today's task is not repeated among the open ones; the overdue one says so.
  expect(texts(page, '.upcoming-task')).toHaveLength(2)
  expect(texts(page, '.upcoming-task')[0]).toContain('已逾期')
  expect(page.querySelectorAll('.upcoming-task')[1].querySelectorAll('.complete')).toHaveLength(0)

  await page.instance.complete({ currentTarget: { dataset: { id: '1' } } })
  expect(server.requests.find((r) => r.name === 'CompleteProjectTask').variables).toEqual({ id: '1', note: null })
  expect(text(page, '.today-task')).toContain('已完成')
  expect(page.querySelectorAll('.today-task .complete')).toHaveLength(0)
})

test('a refused completion shows its message; 开启任务提醒 asks for the task reminder template', async () => {
  signedIn('tasks-refused')
  const server = fakeServer({
    MyProjectTasks: () => ({ today: [task('1', '入户走访独居老人')], open: [] }),
    CompleteProjectTask: () => {
      throw { code: 'PROJECT_TASK_CANCELLED' }
    },
    SubscriptionTemplates: () => ({ subscriptionTemplates: [{ kind: 'PROJECT_TASK_DUE', templateId: 't-task' }, { kind: 'ACTIVITY_REMINDER', templateId: 't-remind' }] }),
    RecordSubscriptions: (v) => ({ recordSubscriptions: { balances: [{ templateId: 't-task', kinds: ['PROJECT_TASK_DUE'], remaining: 1 }], ignoredTemplateIds: [] } }),
  })
  wx.__control.setTransport(server.transport)
  const page = loadPage('tasks')
  await page.instance.onLoad()
  await page.instance.complete({ currentTarget: { dataset: { id: '1' } } })
  expect(page.instance.data.errorCode).toBe('PROJECT_TASK_CANCELLED')
  expect(text(page, '.error-message')).toBe('任务已取消，不能标记完成')

  wx.__control.current.subscribeAnswers = { 't-task': 'accept' }
  const accepted = await page.instance.remindMe()
  expect(accepted).toEqual(['t-task'])
  expect(server.requests.find((r) => r.name === 'RecordSubscriptions').variables).toEqual({ templateIds: ['t-task'], idempotencyKey: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/) })
  expect(text(page, '.remind-me')).toBe('已开启提醒')
})
