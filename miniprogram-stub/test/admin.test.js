// The admin page's confirmation lists: need-service hours, honor hours (补录) and 回访, each paged
// with 加载更多, with their empty and error states.
const client = require('../api/client')
const { loadPage, fakeServer, text, texts, exists, deep } = require('./helpers')

function signedInAdmin(name) {
  wx.__control.use(name)
  wx.setStorageSync(client.SESSION_KEY, { accessToken: `a-${name}`, refreshToken: 'r', user: { id: '1', roles: ['RESIDENT', 'STATION_ADMIN'], roleGrants: [{ role: 'STATION_ADMIN', orgUnitId: '30' }] } })
}

const tap = (dataset) => ({ currentTarget: { dataset } })
const input = (dataset, value) => ({ currentTarget: { dataset }, detail: { value } })
const connection = (nodes, endCursor, hasNextPage) => ({ edges: nodes.map((node) => ({ node, cursor: String(node.id) })), pageInfo: { hasNextPage, endCursor } })
const empty = () => connection([], null, false)

const participant = (userId, hours, extra) => ({ userId, hours, hoursStatus: 'PENDING', claimedHours: null, adjustedReason: null, confirmedAt: null, ...extra })
const pendingNeed = (id, participants) => ({ id, title: `需求${id}`, status: 'RATED', stationName: '东珠站', completedAt: '2026-11-21T01:00:00Z', category: { name: '生活服务' }, participants })

/** A server with nothing waiting anywhere, plus the given handlers. */
function server(handlers) {
  return fakeServer({
    StationNeeds: () => ({ stationNeeds: empty() }),
    PendingNeedHours: () => ({ pendingNeedHours: empty() }),
    PendingHonorHours: () => ({ pendingHonorHours: empty() }),
    RevisitCandidates: () => ({ stationNeeds: empty() }),
    StationVolunteers: () => ({ volunteers: empty() }),
    ...handlers,
  })
}

async function openAdmin(handlers) {
  const fake = server(handlers)
  wx.__control.setTransport(fake.transport)
  const page = loadPage('staff/admin')
  await page.instance.onLoad({})
  return { page, fake }
}

test('with nothing waiting, each list says so', async () => {
  signedInAdmin('admin-empty')
  const { page, fake } = await openAdmin({})
  expect(texts(page, '.need-hours-list .empty-text')).toEqual(['没有待确认的服务时长'])
  expect(texts(page, '.honor-hours-list .empty-text')).toEqual(['没有待审批的补录'])
  expect(texts(page, '.revisit-list .empty-text')).toEqual(['没有待回访的需求'])
  expect(exists(page, '.more')).toBe(false)
  expect(page.instance.data.error).toBe('')
  // Every list asks for one page of 20 at the admin's own unit.
  for (const name of ['PendingNeedHours', 'PendingHonorHours']) {
    expect(fake.requests.find((r) => r.name === name).variables).toEqual({ orgUnitId: '30', first: 20, after: null })
  }
})

test('need hours page on with the cursor, are adjusted with a reason and leave the list once confirmed', async () => {
  signedInAdmin('admin-hours')
  let adjusted = null
  const { page, fake } = await openAdmin({
    PendingNeedHours: (v) =>
      v.after === 'c1'
        ? { pendingNeedHours: connection([pendingNeed('6', [participant('12', 1)])], 'c2', false) }
        : { pendingNeedHours: connection([pendingNeed('5', [participant('11', 3), participant('12', 2)])], 'c1', true) },
    AdjustNeedHours: (v) => {
      adjusted = v.input
      // A colleague adjusted the same hours before: both adjustments come back, oldest first.
      const trail = [
        { id: '40', hoursBefore: 3, hoursAfter: 1, reason: '迟到两小时', adjustedByName: '张三', adjustedAt: '2026-11-21T01:00:00Z' },
        { id: '41', hoursBefore: 1, hoursAfter: v.input.hours, reason: v.input.reason, adjustedByName: '王*', adjustedAt: '2026-11-21T02:30:00Z' },
      ]
      return { adjustNeedHours: { id: '5', participants: [participant('11', 2, { claimedHours: 3, adjustedReason: v.input.reason, hoursAdjustments: trail }), participant('12', 2)] } }
    },
    ConfirmNeedHours: (v) => ({ confirmNeedHours: { id: v.needId, participants: [participant('11', 2, { hoursStatus: 'CONFIRMED' }), participant('12', 2, { hoursStatus: 'CONFIRMED' })] } }),
  })
  expect(texts(page, '.need-hours .participant .row')[0]).toContain('志愿者 11 · 3 小时')
  expect(texts(page, '.hours-status')).toEqual(['待确认', '待确认'])
  expect(deep(page, '.need-hours-list .more')).toHaveLength(1)

  await page.instance.loadMore(tap({ list: 'needHours' }))
  expect(fake.requests.filter((r) => r.name === 'PendingNeedHours').map((r) => r.variables.after)).toEqual([null, 'c1'])
  expect(page.instance.data.needHours.items.map((n) => n.id)).toEqual(['5', '6'])
  expect(deep(page, '.need-hours-list .more')).toHaveLength(0)

  // No reason: refused on the phone, nothing sent.
  page.instance.onDraft(input({ key: '5:11', field: 'hours' }, '2'))
  await page.instance.adjustNeedHours(tap({ need: '5', user: '11' }))
  expect(page.instance.data.errorCode).toBe('BAD_REQUEST')
  expect(adjusted).toBeNull()
  page.instance.onDraft(input({ key: '5:11', field: 'reason' }, '实际到场两小时'))
  await page.instance.adjustNeedHours(tap({ need: '5', user: '11' }))
  expect(adjusted).toEqual({ needId: '5', participantUserId: '11', hours: 2, reason: '实际到场两小时' })
  expect(texts(page, '.need-hours .participant .row')[0]).toContain('2 小时（申报 3 小时）')
  // The later adjustment does not hide the earlier one: latest first.
  expect(texts(page, '.need-hours .adjustment')).toEqual(['11-21 10:30 王* 调整：1 → 2 小时，实际到场两小时', '11-21 09:00 张三 调整：3 → 1 小时，迟到两小时'])

  const confirmed = await page.instance.confirmNeedHours(tap({ id: '5' }))
  expect(confirmed.participants.map((p) => p.hoursStatus)).toEqual(['CONFIRMED', 'CONFIRMED'])
  expect(page.instance.data.needHours.items.map((n) => n.id)).toEqual(['6'])
})

test('an admin who served the need is told to leave the confirmation to another admin', async () => {
  signedInAdmin('admin-served')
  const { page } = await openAdmin({
    PendingNeedHours: () => ({ pendingNeedHours: connection([pendingNeed('5', [participant('1', 2)])], 'c', false) }),
    ConfirmNeedHours: () => {
      throw { code: 'FORBIDDEN' }
    },
  })
  expect(await page.instance.confirmNeedHours(tap({ id: '5' }))).toBeUndefined()
  expect(page.instance.data.errorCode).toBe('FORBIDDEN')
  expect(text(page, '.error')).toBe('参与该需求服务的管理员不能确认或调整其时长，请由另一位管辖该站的管理员确认')
  expect(wx.__control.toasts).toContain('参与该需求服务的管理员不能确认或调整其时长，请由另一位管辖该站的管理员确认')
  // The need still waits, for someone else.
  expect(page.instance.data.needHours.items.map((n) => n.id)).toEqual(['5'])
})

test('a list that fails to load shows its error with a retry, and the retry starts over', async () => {
  signedInAdmin('admin-error')
  let fail = true
  const { page } = await openAdmin({
    PendingNeedHours: () => {
      if (fail) throw { code: 'INTERNAL_ERROR' }
      return { pendingNeedHours: connection([pendingNeed('5', [participant('11', 1)])], 'c', false) }
    },
  })
  expect(text(page, '.need-hours-list .error-message')).toBe('服务器开小差了，请稍后再试')
  expect(texts(page, '.need-hours-list .retry')).toEqual(['重试'])
  expect(deep(page, '.need-hours-list .empty-text')).toHaveLength(0)
  // The other lists are unaffected.
  expect(text(page, '.honor-hours-list .empty-text')).toBe('没有待审批的补录')
  fail = false
  await page.instance.retry(tap({ list: 'needHours' }))
  expect(deep(page, '.need-hours-list .error-message')).toHaveLength(0)
  expect(texts(page, '.need-hours')).toHaveLength(1)
})

test('honor hours are approved, or rejected only with a reason', async () => {
  signedInAdmin('admin-honor')
  const record = (id) => ({ id, volunteerId: '7', status: 'PENDING', hours: 4, reason: '防汛值守补录', serviceDate: '2026-11-02', recordedById: '2', recordedAt: '2026-11-03T01:00:00Z' })
  const revoked = []
  const { page, fake } = await openAdmin({
    PendingHonorHours: () => ({ pendingHonorHours: connection([record('1'), record('2'), record('3')], 'h', false) }),
    ApproveHonorHours: (v) => {
      if (v.id === '3') throw { code: 'FORBIDDEN' }
      return { approveHonorHours: { id: v.id, status: 'APPROVED', approvedById: '1', approvedAt: '2026-11-04T01:00:00Z' } }
    },
    RevokeHonorHours: (v) => {
      revoked.push(v)
      return { revokeHonorHours: { id: v.id, status: 'REVOKED', revokedById: '1', revokedAt: '2026-11-04T01:00:00Z', revokeReason: v.reason } }
    },
  })
  expect(texts(page, '.honor')[0]).toContain('志愿者 7 · 4 小时 · 2026-11-02')
  expect(texts(page, '.honor')[0]).toContain('防汛值守补录')

  expect(await page.instance.approveHonorHours(tap({ id: '1' }))).toMatchObject({ status: 'APPROVED' })
  expect(page.instance.data.honorHours.items.map((r) => r.id)).toEqual(['2', '3'])

  await page.instance.revokeHonorHours(tap({ id: '2' }))
  expect(page.instance.data.errorCode).toBe('BAD_REQUEST')
  expect(fake.requests.filter((r) => r.name === 'RevokeHonorHours')).toHaveLength(0)
  page.instance.onRevokeReason(input({ id: '2' }, '当日无值守记录'))
  await page.instance.revokeHonorHours(tap({ id: '2' }))
  expect(revoked).toEqual([{ id: '2', reason: '当日无值守记录' }])
  expect(page.instance.data.honorHours.items.map((r) => r.id)).toEqual(['3'])

  // Recorded by this admin: another one approves.
  await page.instance.approveHonorHours(tap({ id: '3' }))
  expect(text(page, '.error')).toBe('补录人和志愿者本人不能审批，请由另一位管辖该志愿者的管理员审批')
  expect(page.instance.data.honorHours.items.map((r) => r.id)).toEqual(['3'])
})

test('回访 lists assisted needs awaiting a rating, then closed unrated ones, and records the stars and note', async () => {
  signedInAdmin('admin-revisit')
  const need = (id, source, status) => ({ id, title: `需求${id}`, status, source, stationName: '东珠站', contactName: '王大爷', contactPhone: '051088888888', completedAt: '2026-11-21T01:00:00Z', ratingStars: null, category: { name: '生活服务' } })
  const pages = {
    'COMPLETED:': connection([need('1', 'ONLINE', 'COMPLETED')], 'a1', true), // online: the resident rates it
    'COMPLETED:a1': connection([need('2', 'HOTLINE', 'COMPLETED'), need('3', 'ONLINE', 'COMPLETED')], 'a2', false),
    'CLOSED_UNRATED:': connection([need('4', 'VISIT', 'CLOSED_UNRATED')], 'b1', false),
  }
  const recorded = []
  const { page, fake } = await openAdmin({
    RevisitCandidates: (v) => ({ stationNeeds: pages[`${v.status}:${v.after || ''}`] }),
    RecordNeedRevisit: (v) => {
      if (v.input.needId === '4') throw { code: 'NEED_REVISIT_CONFLICT' }
      recorded.push(v.input)
      return { recordNeedRevisit: { id: v.input.needId, status: 'RATED', ratingStars: v.input.stars, ratingComment: v.input.note, ratingCommentHold: null } }
    },
  })
  // The first page held only an online order: the list fetched on until it had something to show.
  expect(page.instance.data.revisits.items.map((n) => n.id)).toEqual(['2'])
  expect(texts(page, '.revisit')[0]).toContain('王大爷 051088888888')
  page.instance.callResident(tap({ phone: '051088888888' }))
  expect(wx.__control.phoneCalls).toEqual(['051088888888'])
  expect(deep(page, '.revisit-list .more')).toHaveLength(1)
  await page.instance.loadMore(tap({ list: 'revisits' }))
  expect(page.instance.data.revisits.items.map((n) => n.id)).toEqual(['2', '4'])
  expect(texts(page, '.revisit')[1]).toContain('已超期关闭')
  expect(deep(page, '.revisit-list .more')).toHaveLength(0)
  expect(fake.requests.filter((r) => r.name === 'RevisitCandidates').map((r) => `${r.variables.status}:${r.variables.after || ''}`)).toEqual(['COMPLETED:', 'COMPLETED:a1', 'CLOSED_UNRATED:'])

  page.instance.setRevisitStars(tap({ id: '2', stars: 4 }))
  expect(texts(page, '.revisit')[0]).toContain('★★★★☆')
  await page.instance.recordRevisit(tap({ id: '2' }))
  expect(page.instance.data.errorCode).toBe('BAD_REQUEST')
  page.instance.onRevisitNote(input({ id: '2' }, '电话回访，王大爷说灯修好了，很满意'))
  const rated = await page.instance.recordRevisit(tap({ id: '2' }))
  expect(rated).toMatchObject({ status: 'RATED', ratingStars: 4 })
  expect(recorded).toEqual([{ needId: '2', stars: 4, note: '电话回访，王大爷说灯修好了，很满意' }])
  expect(page.instance.data.revisits.items.map((n) => n.id)).toEqual(['4'])

  page.instance.onRevisitNote(input({ id: '4' }, '上门回访'))
  await page.instance.recordRevisit(tap({ id: '4' }))
  expect(text(page, '.error')).toBe('参与服务的人不能回访，请由另一位管理员回访')
  expect(page.instance.data.revisits.items.map((n) => n.id)).toEqual(['4'])
})

test('the admin page opens the console login scanner', async () => {
  signedInAdmin('admin-console')
  const { page } = await openAdmin({})
  expect(texts(page, '.console-login')).toEqual(['扫码登录管理后台'])
  page.instance.openConsoleLogin()
  expect(wx.__control.navigations).toContain('/pages/console-login/console-login')
})

test('the admin sets the station duty phone that care mode calls', async () => {
  signedInAdmin('admin-phone')
  let sent = null
  const { page } = await openAdmin({
    UpdateOrgUnitPhone: (v) => {
      sent = v
      return { updateOrgUnitPhone: { id: v.id, name: '东珠站', phone: v.phone } }
    },
  })
  page.instance.onPhoneInput({ detail: { value: ' 0510-87654321 ' } })
  await page.instance.savePhone()
  expect(sent).toEqual({ id: '30', phone: '0510-87654321' })
  expect(texts(page, '.phone-saved')).toEqual(['已保存：0510-87654321'])
})
