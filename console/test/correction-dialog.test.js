import { describe, expect, test, vi } from 'vitest'
import { createSSRApp, h, nextTick } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { correctionForm } from '../src/corrections.js'
import CorrectionDialog from '../src/components/CorrectionDialog.vue'

const RECORD = { id: '7', corrections: [] }

/** A form over a `send` that records its inputs; keys 'k1', 'k2', … in order of making. */
function setUp({ changes = () => ({ total: 10 }), validate, send } = {}) {
  const sent = []
  let n = 0
  const options = { idField: 'spotCheckId', send: send || (async (input) => sent.push(input)), changes: vi.fn(changes) }
  if (validate) options.validate = vi.fn(validate)
  const correction = correctionForm(options, () => `k${++n}`)
  correction.open()
  return { correction, sent, options }
}

describe('the 更正 dialog: reason, withdraw or change, one key per opening', () => {
  test('a reason is required before anything is sent', async () => {
    const { correction, sent } = setUp()
    expect(await correction.save(RECORD)).toBeNull()
    expect(correction.form.error).toBe('请填写更正原因')
    correction.form.reason = '   '
    expect(await correction.save(RECORD)).toBeNull()
    expect(sent).toEqual([])
  })

  test('a change sends what the page changed, with the key and the reason', async () => {
    const { correction, sent } = setUp()
    correction.form.reason = ' 分数录错 '
    expect(await correction.save(RECORD)).toEqual({ withdraw: false })
    expect(sent).toEqual([{ spotCheckId: '7', withdraw: false, reason: '分数录错', total: 10, idempotencyKey: 'k1' }])
    expect(correction.form.error).toBe('')
  })

  test('a withdrawal sends no changes, and the page fields are neither asked nor checked', async () => {
    const { correction, sent, options } = setUp({ validate: () => '总分有误' })
    correction.form.withdraw = true
    correction.form.reason = '重复录入'
    expect(await correction.save(RECORD)).toEqual({ withdraw: true })
    expect(sent).toEqual([{ spotCheckId: '7', withdraw: true, reason: '重复录入', idempotencyKey: 'k1' }])
    expect(options.changes).not.toHaveBeenCalled()
    expect(options.validate).not.toHaveBeenCalled()
  })

  test('the page\'s check stops a change: its message, or none when the page shows field errors', async () => {
    const message = setUp({ validate: () => '抽查项目名称不能为空' })
    message.correction.form.reason = '改分'
    expect(await message.correction.save(RECORD)).toBeNull()
    expect(message.correction.form.error).toBe('抽查项目名称不能为空')
    const fields = setUp({ validate: () => true })
    fields.correction.form.reason = '改分'
    expect(await fields.correction.save(RECORD)).toBeNull()
    expect(fields.correction.form.error).toBe('')
    expect([...message.sent, ...fields.sent]).toEqual([])
  })

  test('the message goes once the reason or the mode is edited', async () => {
    const { correction } = setUp()
    await correction.save(RECORD)
    expect(correction.form.error).toBe('请填写更正原因')
    correction.form.reason = '分数录错'
    expect(correction.form.error).toBe('')
    correction.form.reason = ''
    await correction.save(RECORD)
    correction.form.withdraw = true
    expect(correction.form.error).toBe('')
  })

  test('nothing changed: said, not sent', async () => {
    const { correction, sent } = setUp({ changes: () => ({ items: null, findings: null }) })
    correction.form.reason = '无'
    expect(await correction.save(RECORD)).toBeNull()
    expect(correction.form.error).toBe('没有要更正的内容')
    expect(sent).toEqual([])
  })

  test('a retry after an error sends the same key; a double click sends once; the next opening a new key', async () => {
    const keys = []
    let fail = true
    const send = async (input) => {
      keys.push(input.idempotencyKey)
      if (fail) throw new Error('网络不可用')
    }
    const { correction } = setUp({ send })
    correction.form.reason = '分数录错'
    expect(await correction.save(RECORD)).toBeNull()
    expect(correction.form.error).toBe('网络不可用')
    fail = false
    const both = await Promise.all([correction.save(RECORD), correction.save(RECORD)])
    expect(both).toEqual([{ withdraw: false }, null])
    expect(keys).toEqual(['k1', 'k1'])
    correction.open()
    expect(correction.form).toMatchObject({ withdraw: false, reason: '', error: '' })
    correction.form.reason = '再改'
    await correction.save(RECORD)
    expect(keys).toEqual(['k1', 'k1', 'k3'])
  })

  test('a FORBIDDEN refusal shows who may correct the record; other errors their own message', async () => {
    const refuse = (code, message) => async () => {
      throw Object.assign(new Error(message), { code })
    }
    const forbidden = correctionForm({ idField: 'peerReviewId', send: refuse('FORBIDDEN', '没有权限执行此操作'), changes: () => ({ comment: '改' }),
      forbidden: '只有评分站的站长可以更正' }, () => 'k1')
    forbidden.open()
    forbidden.form.reason = '评错了'
    expect(await forbidden.save(RECORD)).toBeNull()
    expect(forbidden.form.error).toBe('只有评分站的站长可以更正')
    const other = correctionForm({ idField: 'peerReviewId', send: refuse('CONTENT_REJECTED', '内容含有违规信息'), changes: () => ({ comment: '改' }),
      forbidden: '只有评分站的站长可以更正' }, () => 'k1')
    other.open()
    other.form.reason = '评错了'
    await other.save(RECORD)
    expect(other.form.error).toBe('内容含有违规信息')
    const generic = setUp({ send: refuse('FORBIDDEN', '没有权限执行此操作') })
    generic.correction.form.reason = '评错了'
    await generic.correction.save(RECORD)
    expect(generic.correction.form.error).toBe('没有权限执行此操作')
  })

  test('closing after an error and opening again is a new correction with a new key', async () => {
    const keys = []
    const { correction } = setUp({ send: async (input) => {
      keys.push(input.idempotencyKey)
      throw new Error('CONTENT_REJECTED')
    } })
    correction.form.reason = '原因'
    await correction.save(RECORD)
    correction.open()
    correction.form.reason = '原因'
    await correction.save(RECORD)
    expect(keys).toEqual(['k1', 'k2'])
  })
})

describe('the 更正 dialog component', () => {
  // Element Plus stand-ins that render their slots and keep their attributes.
  const stub = (tag) => ({ inheritAttrs: true, setup: (_, { slots }) => () => h(tag, null, [slots.default && slots.default(), slots.footer && slots.footer()]) })
  const stubs = {
    'el-dialog': stub('section'), 'el-form': stub('form'), 'el-form-item': stub('div'), 'el-radio-group': stub('div'),
    'el-radio': stub('label'), 'el-input': stub('textarea'), 'el-button': stub('button'),
  }
  const render = (props, slots = {}) => {
    const app = createSSRApp({ render: () => h(CorrectionDialog, props, slots) })
    for (const [name, component] of Object.entries(stubs)) app.component(name, component)
    return renderToString(app)
  }
  const props = {
    modelValue: true, record: { id: '3', corrections: [] }, title: '更正互评', test: 'peer', idField: 'peerReviewId',
    changeLabel: '更正评分或评语', withdrawLabel: '撤回该互评', send: async () => {}, changes: () => ({}), describe: () => '',
  }

  test('names its parts after the page (the selectors the browser tests use) and shows the page\'s fields', async () => {
    const html = await render(props, { default: () => h('i', { 'data-test': 'page-field' }), summary: () => h('b', '被评的站') })
    for (const part of ['dialog', 'mode', 'reason', 'save']) expect(html).toContain(`data-test="peer-correct-${part}"`)
    expect(html).toContain('data-test="page-field"')
    expect(html).toContain('被评的站')
    expect(html).toContain('撤回该互评')
    expect(html).toContain('data-test="correction-trail"')
    expect(html).not.toContain('peer-correct-error')
  })

  test('without a record it shows no form', async () => {
    const html = await render({ ...props, record: null }, { default: () => h('i', { 'data-test': 'page-field' }) })
    expect(html).not.toContain('page-field')
    expect(html).not.toContain('peer-correct-reason')
    await nextTick()
  })
})
