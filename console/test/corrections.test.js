import { describe, expect, test, vi } from 'vitest'
import fs from 'node:fs'
import path from 'node:path'
import { beijingToday, canReverse, createSubmission, creationForm, deltaError, honorHoursErrors, idempotencyKey, reasonError } from '../src/corrections.js'
import { useLocalPager } from '../src/pager.js'

describe('points adjustments are recorded once per intended adjustment', () => {
  test('keys are fresh and of the form the API accepts', () => {
    const a = idempotencyKey()
    const b = idempotencyKey()
    expect(a).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
    expect(a).not.toBe(b)
    expect(idempotencyKey((bytes) => bytes.fill(255))).toBe('adj-' + 'ff'.repeat(12))
  })

  test('a double click sends one request; a retry of the same form sends the same key', async () => {
    let release
    const send = vi.fn(() => new Promise((resolve) => (release = resolve)))
    const keys = ['k-first-0001', 'k-second-002']
    const submission = createSubmission(send, () => keys.shift())
    const first = submission.submit({ userId: '7', delta: 5, reason: '补记' })
    const second = submission.submit({ userId: '7', delta: 5, reason: '补记' })
    expect(second).toBe(first)
    expect(submission.busy).toBe(true)
    await Promise.resolve()
    release({ id: '1' })
    await expect(first).resolves.toEqual({ id: '1' })
    expect(send).toHaveBeenCalledTimes(1)
    expect(send.mock.calls[0][0]).toEqual({ userId: '7', delta: 5, reason: '补记', idempotencyKey: 'k-first-0001' })

    // The response was lost (say): the user submits the same form again — same key, the server returns the entry.
    send.mockImplementationOnce(async (input) => ({ id: '1', key: input.idempotencyKey }))
    await submission.submit({ userId: '7', delta: 5, reason: '补记' })
    expect(send.mock.calls[1][0].idempotencyKey).toBe('k-first-0001')
    // Once the form closes on success, the next adjustment gets its own key.
    submission.done()
    expect(submission.key).toBe('k-second-002')
  })

  test('a failed submission frees the form for another try with the same key', async () => {
    const send = vi.fn().mockRejectedValueOnce(new Error('网络不可用')).mockResolvedValueOnce({ id: '2' })
    const submission = createSubmission(send, () => 'k-only-key-01')
    await expect(submission.submit({ delta: 1 })).rejects.toThrow('网络不可用')
    expect(submission.busy).toBe(false)
    await expect(submission.submit({ delta: 1 })).resolves.toEqual({ id: '2' })
    expect(send.mock.calls.map((c) => c[0].idempotencyKey)).toEqual(['k-only-key-01', 'k-only-key-01'])
  })
})

describe('records people count are created once per opening of their form', () => {
  const keyMaker = () => {
    let n = 0
    return () => `create-key-${++n}`
  }

  test('a double click and a retry after a lost answer send the one key; success makes the next', async () => {
    let release
    const send = vi.fn(() => new Promise((resolve) => (release = resolve)))
    const form = creationForm(send, keyMaker())
    form.open()
    const first = form.save({ topic: '宣讲' })
    const second = form.save({ topic: '宣讲' })
    await Promise.resolve()
    release({ id: '9' })
    await expect(first).resolves.toEqual({ id: '9' })
    await expect(second).resolves.toEqual({ id: '9' })
    expect(send).toHaveBeenCalledTimes(1)
    expect(send.mock.calls[0][0]).toEqual({ topic: '宣讲', idempotencyKey: 'create-key-2' })
    // Recorded: the next record of the still open form (需求代录 stays open) is another one.
    expect(form.key).toBe('create-key-3')
  })

  test('a failure keeps the key for the next try; reopening the form starts a new record', async () => {
    const send = vi.fn().mockRejectedValueOnce(new Error('服务暂时不可用，请稍后再试')).mockResolvedValue({ id: '3' })
    const form = creationForm(send, keyMaker())
    await expect(form.save({ audience: 40 })).rejects.toThrow('服务暂时不可用')
    await expect(form.save({ audience: 40 })).resolves.toEqual({ id: '3' })
    expect(send.mock.calls.map((c) => c[0].idempotencyKey)).toEqual(['create-key-1', 'create-key-1'])
    form.open()
    expect(form.key).not.toBe('create-key-1')
    expect(form.key).not.toBe('create-key-2')
  })

  // The four screens send their creating mutation only through a creationForm, opened with their dialog.
  test.each([
    ['NeedEntry.vue', 'SubmitNeed', null],
    ['results/LecturesView.vue', 'RecordLecture', 'openLecture'],
    ['org/StaffTrainingView.vue', 'RecordStaffTraining', 'open'],
    ['results/SpotCheckView.vue', 'RecordSpotCheck', 'openCheck'],
  ])('%s keys %s by its form', (file, mutation, opener) => {
    const view = fs.readFileSync(path.resolve(__dirname, '../src/views', file), 'utf8')
    const made = new RegExp(`const (\\w+) = creationForm\\(\\(input\\) => api\\.call\\('${mutation}', \\{ input \\}\\)\\)`).exec(view)
    expect(made).not.toBeNull()
    expect(view.split(`'${mutation}'`)).toHaveLength(2)
    expect(view).toContain(`await ${made[1]}.save(`)
    if (opener) expect(view).toMatch(new RegExp(`function ${opener}\\(\\) \\{[^}]*${made[1]}\\.open\\(\\)`))
  })
})

describe('form checks before sending', () => {
  test('reasons are required and at most 200 characters', () => {
    expect(reasonError('  ')).toBe('请填写原因（志愿者可见）')
    expect(reasonError('长'.repeat(201))).toBe('原因不超过 200 字')
    expect(reasonError('长'.repeat(200))).toBe('')
  })

  test('a delta is a whole number, not zero, within ±1000000', () => {
    expect(deltaError(0)).not.toBe('')
    expect(deltaError(1.5)).not.toBe('')
    expect(deltaError(-1000001)).not.toBe('')
    expect(deltaError(-20)).toBe('')
  })

  test('honor hours: hours range, a service date not after today, a reason', () => {
    expect(honorHoursErrors({ hours: 0, serviceDate: '2026-12-05', reason: '' }, '2026-12-04')).toEqual({
      hours: '时长为 0.01–1000 小时', serviceDate: '服务日期不能晚于今天', reason: '请填写原因（志愿者可见）',
    })
    expect(honorHoursErrors({ hours: 2.5, serviceDate: '2026-12-04', reason: '抗洪抢险' }, '2026-12-04')).toEqual({})
    expect(beijingToday(Date.parse('2026-12-04T16:30:00Z'))).toBe('2026-12-05')
  })

  test('only reversible entries offer 冲正', () => {
    expect(canReverse({ type: 'ADJUSTMENT', reversed: false })).toBe(true)
    expect(canReverse({ type: 'ACTIVITY_HOURS', reversed: true })).toBe(false)
    for (const type of ['REVERSAL', 'REDEMPTION', 'REDEMPTION_REFUND', 'DEBT_REPAYMENT']) {
      expect(canReverse({ type, reversed: false })).toBe(false)
    }
  })
})

describe('a list loaded whole is paged and searched here', () => {
  test('pages of the filtered rows, the total, and back to page 1 on a new search', async () => {
    let search = ''
    const rows = Array.from({ length: 45 }, (_, i) => ({ id: i + 1, name: i % 2 ? `毛巾 ${i + 1}` : `大米 ${i + 1}` }))
    const pager = useLocalPager(async () => rows, { size: 20, filter: (r) => r.name.includes(search) })
    await pager.first()
    expect(pager.state.rows.map((r) => r.id)).toEqual(rows.slice(0, 20).map((r) => r.id))
    expect(pager.state.total).toBe(45)
    await pager.next()
    await pager.next()
    expect(pager.state.page).toBe(3)
    expect(pager.state.rows).toHaveLength(5)
    expect(pager.state.hasNext).toBe(false)
    search = '毛巾'
    pager.refilter()
    expect(pager.state.page).toBe(1)
    expect(pager.state.total).toBe(22)
    expect(pager.state.rows.every((r) => r.name.startsWith('毛巾'))).toBe(true)
  })

  test('a failed load shows the error and stops loading', async () => {
    const pager = useLocalPager(async () => {
      throw new Error('没有权限执行此操作')
    })
    await pager.first()
    expect(pager.state.error).toBe('没有权限执行此操作')
    expect(pager.state.loading).toBe(false)
  })
})

describe('受益群众 counts are checked as the API bounds them', () => {
  test('whole numbers within the bounds of activities and needs', async () => {
    const { BENEFICIARIES_MAX, beneficiariesError } = await import('../src/corrections.js')
    expect(beneficiariesError(0, { max: BENEFICIARIES_MAX.need })).toBe('')
    expect(beneficiariesError(10000, { max: BENEFICIARIES_MAX.need })).toBe('')
    expect(beneficiariesError(10001, { max: BENEFICIARIES_MAX.need })).toBe('不超过 10000 人')
    expect(beneficiariesError(100000, { max: BENEFICIARIES_MAX.activity })).toBe('')
    expect(beneficiariesError(100001, { max: BENEFICIARIES_MAX.activity })).toBe('不超过 100000 人')
    expect(beneficiariesError(-1, { max: 10 })).toBe('请填写不小于 0 的整数')
    expect(beneficiariesError(2.5, { max: 10 })).toBe('请填写不小于 0 的整数')
    expect(beneficiariesError(Number.NaN, { max: 10 })).toBe('请填写不小于 0 的整数')
  })

  test('changing a recorded count needs a reason; the first recording and an unchanged count do not', async () => {
    const { beneficiariesError } = await import('../src/corrections.js')
    expect(beneficiariesError(30, { max: 100, recorded: null })).toBe('')
    expect(beneficiariesError(30, { max: 100, recorded: 30 })).toBe('')
    expect(beneficiariesError(28, { max: 100, recorded: 30, reason: '  ' })).toBe('修改已登记的人数须填写原因')
    expect(beneficiariesError(28, { max: 100, recorded: 30, reason: '按签到表核对' })).toBe('')
    expect(beneficiariesError(28, { max: 100, recorded: 30, reason: '长'.repeat(201) })).toBe('原因不超过 200 字')
  })
})
