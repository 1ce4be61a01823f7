// Rules the correction screens (时长撤销, 积分调整与冲正, 荣誉时长补录, 更正 of evaluations) share, kept
// apart from the components so they are unit-tested.
import { reactive, watch } from 'vue'

/** A fresh idempotency key (8–64 of A–Z a–z 0–9 - _ as the API requires): 'adj-' and 24 hex digits. */
export function idempotencyKey(random = (bytes) => globalThis.crypto.getRandomValues(bytes)) {
  const bytes = random(new Uint8Array(12))
  return 'adj-' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

/**
 * One intended correction, from opening its form to its success. The key is made once when the form
 * opens and sent with every submission of it — a double click, a retry after a lost response —
 * so the server records one entry; a second submit while one is in flight gets that same request.
 * Only `done()` (after the entry was recorded, when the form closes) makes a new key, for the next one.
 */
export function createSubmission(send, makeKey = idempotencyKey) {
  let key = makeKey()
  let inFlight = null
  return {
    get key() {
      return key
    },
    get busy() {
      return inFlight !== null
    },
    submit(input) {
      if (!inFlight) {
        inFlight = Promise.resolve()
          .then(() => send({ ...input, idempotencyKey: key }))
          .finally(() => {
            inFlight = null
          })
      }
      return inFlight
    },
    done() {
      key = makeKey()
    },
  }
}

/**
 * A form that creates a record (需求代录, 宣讲, 骨干培训, 抽查评估, and the staff's creates: 活动, 项目,
 * 项目任务, 礼品, 礼遇规则, 组织单位, 文明单位, 志愿者培训): the API takes one idempotency key per intended
 * record, so a double click or the client's retry of a 503 whose commit went through records it once. `open()` starts a new record (a new key); `save(input)` sends it with
 * the key — the same one on every retry until it was recorded — and then makes the next key.
 */
export function creationForm(send, makeKey = idempotencyKey) {
  let submission = createSubmission(send, makeKey)
  return {
    get key() {
      return submission.key
    },
    open() {
      submission = createSubmission(send, makeKey)
    },
    async save(input) {
      const current = submission
      const result = await current.submit(input)
      // Recorded: the next save is another record (once, though a double click awaited it twice).
      if (submission === current) submission = createSubmission(send, makeKey)
      return result
    },
  }
}

/** The error to show under a reason field, or '' when it may be sent (required, at most 200 characters). */
export function reasonError(reason, max = 200) {
  const text = (reason || '').trim()
  if (!text) return '请填写原因（志愿者可见）'
  if ([...text].length > max) return `原因不超过 ${max} 字`
  return ''
}

/** What a points adjustment form may send: a whole number, not 0, within the API's ±1000000. */
export function deltaError(delta) {
  if (!Number.isInteger(delta) || delta === 0) return '请填写不为 0 的整数'
  if (Math.abs(delta) > 1000000) return '单次调整不超过 1000000 分'
  return ''
}

/** Ledger entries an admin may reverse: not a reversal, redemption, refund or repayment, and not reversed yet. */
const NOT_REVERSIBLE = new Set(['REVERSAL', 'REDEMPTION', 'REDEMPTION_REFUND', 'DEBT_REPAYMENT'])
export function canReverse(entry) {
  return !entry.reversed && !NOT_REVERSIBLE.has(entry.type)
}

/** Honor hours (补录): 0.01–1000 hours on a service date not after today (Beijing). */
export function honorHoursErrors({ hours, serviceDate, reason }, today) {
  const errors = {}
  if (!(typeof hours === 'number' && hours >= 0.01 && hours <= 1000)) errors.hours = '时长为 0.01–1000 小时'
  if (!/^\d{4}-\d{2}-\d{2}$/.test(serviceDate || '')) errors.serviceDate = '请选择服务日期'
  else if (serviceDate > today) errors.serviceDate = '服务日期不能晚于今天'
  const why = reasonError(reason)
  if (why) errors.reason = why
  return errors
}

/** Today's date in Beijing, yyyy-MM-dd. */
export function beijingToday(now = Date.now()) {
  return new Date(now + 8 * 3600 * 1000).toISOString().slice(0, 10)
}

export const POINTS_TYPE = {
  ACTIVITY_HOURS: '活动时长', NEED_COMPLETED: '完成需求', RATING_BONUS: '好评奖励', CIVIC_REPORT: '随手拍', RECOGNITION_BONUS: '礼遇奖励', REDEMPTION: '兑换',
  REDEMPTION_REFUND: '兑换退回', ADJUSTMENT: '管理员调整', EXPIRY: '过期', REVERSAL: '冲正', DEBT_REPAYMENT: '偿还欠分',
}

/** The API's bounds of a 受益群众 count: activities serve up to 100000 people, a need up to 10000. */
export const BENEFICIARIES_MAX = { activity: 100000, need: 10000 }

/**
 * What a 受益群众 form may send: a whole number within the bounds; changing a count already
 * recorded needs a reason (the server keeps it in the trail). '' when the form is fine.
 */
export function beneficiariesError(count, { max, recorded = null, reason = '' } = {}) {
  if (!Number.isInteger(count) || count < 0) return '请填写不小于 0 的整数'
  if (count > max) return `不超过 ${max} 人`
  if (recorded != null && count !== recorded) {
    const text = (reason || '').trim()
    if (!text) return '修改已登记的人数须填写原因'
    if ([...text].length > 200) return '原因不超过 200 字'
  }
  return ''
}

// ---- 更正 of recorded evaluations (抽查评估, 站互评, 中心培训): change the record or withdraw it, with a
// reason; every correction is kept as a trail (who, when, why, before → after).

export const CORRECTION_ACTION = { CORRECTED: '更正', WITHDRAWN: '撤回' }

/** One line of a trail: '2024-06-01 10:00 张三 更正：原因（前 → 后）'; `describe` turns a snapshot into text. */
export function trailLine(entry, describe) {
  const when = beijingTime(entry.correctedAt)
  const who = entry.correctedByName || `用户 ${entry.correctedBy}`
  const change = entry.after ? `${describe(entry.before)} → ${describe(entry.after)}` : `${describe(entry.before)} → 已撤回`
  return `${when} ${who} ${CORRECTION_ACTION[entry.action] || entry.action}：${entry.reason}（${change}）`
}

/** yyyy-MM-dd HH:mm in Beijing time. */
export function beijingTime(iso) {
  if (!iso) return ''
  return new Date(Date.parse(iso) + 8 * 3600 * 1000).toISOString().slice(0, 16).replace('T', ' ')
}

/**
 * The correction to send, or an error: `changes` is what the form changed (null fields dropped), and a
 * withdrawal sends none. The key is added by createSubmission.
 */
export function correctionInput(idField, id, { withdraw, reason }, changes) {
  const why = (reason || '').trim() ? reasonError(reason) : '请填写更正原因'
  if (why) return { error: why }
  const input = { [idField]: id, withdraw: !!withdraw, reason: reason.trim() }
  if (!withdraw) {
    const changed = Object.entries(changes).filter(([, v]) => v !== null && v !== undefined)
    if (!changed.length) return { error: '没有要更正的内容' }
    for (const [k, v] of changed) input[k] = v
  }
  return { input }
}

/**
 * The state of a 更正 dialog (components/CorrectionDialog.vue): the mode (change or withdraw), the
 * reason, the error shown and whether a request is in flight. `open()` starts an intended correction
 * with a fresh key; every `save(record)` of it — a retry after an error, a double click — sends that
 * key. `changes()` is what the page's fields changed and `validate()` what is wrong with them ('' when
 * nothing, `true` when the page shows the errors itself); neither is asked for a withdrawal.
 * `save` resolves to `{ withdraw }` once recorded, or null when nothing was (the error is in `form`).
 * `forbidden` is what a FORBIDDEN refusal shows instead of the generic 没有权限执行此操作: who may
 * correct the record (someone whose roles changed since the page loaded learns why, not just that).
 */
export function correctionForm({ idField, send, changes, validate = () => '', forbidden = '' }, makeKey = idempotencyKey) {
  const form = reactive({ withdraw: false, reason: '', error: '', saving: false })
  // The message goes once the reason or the mode is edited: 请填写更正原因 stayed under a filled-in
  // reason until the next save.
  watch(() => [form.reason, form.withdraw], () => {
    form.error = ''
  }, { flush: 'sync' })
  let submission = null
  return {
    form,
    get key() {
      return submission ? submission.key : null
    },
    open() {
      Object.assign(form, { withdraw: false, reason: '', error: '', saving: false })
      submission = createSubmission((input) => send(input), makeKey)
    },
    async save(record) {
      if (!submission || submission.busy) return null
      if (!form.withdraw) {
        const invalid = validate()
        if (invalid) {
          form.error = invalid === true ? '' : invalid
          return null
        }
      }
      const { input, error } = correctionInput(idField, record.id, form, form.withdraw ? {} : changes())
      form.error = error || ''
      if (error) return null
      form.saving = true
      try {
        await submission.submit(input)
        submission.done()
        return { withdraw: input.withdraw }
      } catch (e) {
        form.error = (forbidden && e.code === 'FORBIDDEN') ? forbidden : e.message
        return null
      } finally {
        form.saving = false
      }
    },
  }
}
