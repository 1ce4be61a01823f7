import { describe, expect, test } from 'vitest'
import {
  certificationErrors, effectText, refusal, ruleActions, ruleErrors, ruleInput, ruleTrail, triggerText,
} from '../src/views/recognition/recognition.js'
import { MENU } from '../src/menu.js'

describe('礼遇嘉许 forms', () => {
  test('a rule needs a name, a threshold in range and a bonus or a title', () => {
    expect(ruleErrors({ name: '四星礼遇', trigger: 'STAR_LEVEL', threshold: 4, bonusPoints: 500, honourTitle: '' })).toEqual({})
    expect(ruleErrors({ name: ' ', trigger: 'STAR_LEVEL', threshold: 6, bonusPoints: 0, honourTitle: '' }))
      .toEqual({ name: '请填写规则名称', threshold: '星级门槛为 1–5 星', honourTitle: '奖励积分和荣誉称号至少填一项' })
    expect(ruleErrors({ name: '千时', trigger: 'CREDIT_HOURS', threshold: 1000, bonusPoints: 0, honourTitle: '千时志愿者' })).toEqual({})
    expect(ruleErrors({ name: '千时', trigger: 'CREDIT_HOURS', threshold: 0, bonusPoints: 1.5, honourTitle: '' }))
      .toMatchObject({ threshold: '时长门槛为 1–100000 小时', bonusPoints: '奖励积分为 0–100000 的整数' })
  })

  test('a rule input trims and leaves out an empty title', () => {
    expect(ruleInput('1', { name: ' 四星礼遇 ', trigger: 'STAR_LEVEL', threshold: 4, bonusPoints: 500, honourTitle: ' ' }))
      .toEqual({ orgUnitId: '1', name: '四星礼遇', trigger: 'STAR_LEVEL', threshold: 4, bonusPoints: 500 })
    expect(ruleInput('1', { name: 'a', trigger: 'CREDIT_HOURS', threshold: '1000', bonusPoints: '', honourTitle: '千时志愿者' }))
      .toMatchObject({ threshold: 1000, bonusPoints: 0, honourTitle: '千时志愿者' })
  })

  test('rules read as sentences', () => {
    expect(triggerText({ trigger: 'STAR_LEVEL', threshold: 4 })).toBe('达到 4 星')
    expect(triggerText({ trigger: 'CREDIT_HOURS', threshold: 1000 })).toBe('累计信用时长达到 1000 小时')
    expect(effectText({ bonusPoints: 500, honourTitle: '四星志愿者' })).toBe('奖励 500 积分、授予「四星志愿者」')
    expect(effectText({ bonusPoints: 0, honourTitle: '四星志愿者' })).toBe('授予「四星志愿者」')
  })

  test('four eyes: another admin approves or rejects a pending rule, its creator may only withdraw it', () => {
    const pending = { status: 'PENDING', createdById: '7' }
    expect(ruleActions(pending, '8')).toEqual({ own: false, approve: true, reject: true, withdraw: false, disable: false })
    expect(ruleActions(pending, '7')).toEqual({ own: true, approve: false, reject: false, withdraw: true, disable: false })
    expect(ruleActions({ status: 'ACTIVE', createdById: '7' }, '7')).toEqual({ own: false, approve: false, reject: false, withdraw: false, disable: true })
    for (const status of ['REJECTED', 'WITHDRAWN', 'DISABLED']) {
      expect(Object.values(ruleActions({ status, createdById: '7' }, '8')).some(Boolean)).toBe(false)
    }
    // Not signed in (yet): nothing is offered as one's own to withdraw; the server decides either way.
    expect(ruleActions(pending, null).withdraw).toBe(false)
  })

  test("a rule's trail says who set it, who decided it, when and why", () => {
    const t = (iso) => (iso ? `@${iso}` : '')
    const base = { createdByName: '张三', createdAt: 'c' }
    expect(ruleTrail({ ...base, status: 'PENDING' }, t)).toEqual(['张三 新建 @c'])
    expect(ruleTrail({ ...base, status: 'ACTIVE', decidedByName: '李四', decidedAt: 'd' }, t)).toEqual(['张三 新建 @c', '李四 批准 @d'])
    expect(ruleTrail({ ...base, status: 'REJECTED', decidedByName: '李四', decidedAt: 'd', rejectReason: '门槛过低' }, t))
      .toEqual(['张三 新建 @c', '李四 驳回 @d：门槛过低'])
    expect(ruleTrail({ ...base, status: 'WITHDRAWN', decidedByName: '张三', decidedAt: 'd' }, t)).toEqual(['张三 新建 @c', '张三 撤回 @d'])
    // Set before four eyes: in effect, no approver, and the screen says so rather than inventing one.
    expect(ruleTrail({ ...base, status: 'DISABLED', decidedByName: null, disabledAt: 'x' }, t))
      .toEqual(['张三 新建 @c', '双人审核上线前设立，未经他人批准', '停用 @x'])
  })

  test('a certification needs a team, 1–5 stars, a reason and a date not after today', () => {
    const ok = { teamId: '3', stars: 4, reason: '年度考核优秀', certifiedOn: '2026-12-01' }
    expect(certificationErrors(ok, '2026-12-05')).toEqual({})
    expect(certificationErrors({ ...ok, stars: 0, reason: ' ', certifiedOn: '2026-12-06' }, '2026-12-05'))
      .toEqual({ stars: '星级为 1–5 星', reason: '请填写认证理由', certifiedOn: '认证日期不能晚于今天' })
  })

  test('the server refusals are explained', () => {
    expect(refusal({ code: 'OUTSTANDING_DECIDER_IS_CANDIDATE' })).toContain('其他管理员')
    expect(refusal({ code: 'TEAM_CERTIFIER_IN_TEAM' })).toContain('队长或队员')
    expect(refusal({ code: 'RECOGNITION_RULE_OWN' })).toContain('另一位管理员')
    expect(refusal({ code: 'RECOGNITION_RULE_NOT_PENDING' })).toContain('请刷新')
    expect(refusal({ code: 'X', message: '服务器说明' })).toBe('服务器说明')
  })

  test('the screen has its own menu', () => {
    const group = MENU.find((m) => m.title === '礼遇嘉许')
    expect(group.items.map((i) => i.route)).toEqual(['recognition'])
  })
})
