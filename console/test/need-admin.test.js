// The need screens' rules for admins (src/views/need-admin.js): 需求类别, the 受益群众 correction and the
// dispatch desk's 逾期升级 list.
import { describe, expect, test } from 'vitest'
import {
  beneficiariesCorrectionError, beneficiaryTrailLine, canCorrectBeneficiaries, canEditCategories, categoryNameError,
  disableNotice, hasOverdueList, overdueHint, servedNeed,
} from '../src/views/need-admin.js'

const CATEGORIES = [
  { id: '1', name: '生活服务', enabled: true },
  { id: '2', name: '助老服务', enabled: false },
]

describe('需求类别', () => {
  test('only an admin of the whole deployment edits the dictionary, as the server says', () => {
    expect(canEditCategories({ roles: ['CENTER_ADMIN'], coversWholeDeployment: true })).toBe(true)
    expect(canEditCategories({ roles: ['STATION_ADMIN', 'CITY_ADMIN'], coversWholeDeployment: true })).toBe(true)
    // A county's center admin under a city: the same role, but the dictionary is every county's.
    expect(canEditCategories({ roles: ['CENTER_ADMIN'], coversWholeDeployment: false })).toBe(false)
    expect(canEditCategories({ roles: ['CENTER_ADMIN'] })).toBe(false)
    expect(canEditCategories({ roles: ['INSTITUTE_ADMIN', 'STATION_ADMIN'], coversWholeDeployment: false })).toBe(false)
    expect(canEditCategories(null)).toBe(false)
  })

  test('a name is required, at most 20 characters after trimming', () => {
    expect(categoryNameError('  ', CATEGORIES)).toBe('请填写类别名称')
    expect(categoryNameError(undefined)).toBe('请填写类别名称')
    expect(categoryNameError('类'.repeat(21))).toBe('类别名称不超过 20 字')
    expect(categoryNameError(` ${'类'.repeat(20)} `)).toBe('')
  })

  test('another category’s name is taken, a disabled one too (enable it instead)', () => {
    expect(categoryNameError(' 生活服务 ', CATEGORIES)).toBe('已有同名类别')
    expect(categoryNameError('助老服务', CATEGORIES)).toBe('已有同名的停用类别，可将其重新启用')
    // Renaming a category to its own name is no clash.
    expect(categoryNameError('生活服务', CATEGORIES, '1')).toBe('')
    expect(categoryNameError('文化文艺', CATEGORIES)).toBe('')
  })

  test('the disable confirmation says existing needs are not affected', () => {
    const text = disableNotice({ name: '生活服务' })
    expect(text).toContain('「生活服务」')
    expect(text).toContain('已有的需求不受影响')
  })
})

describe('逾期升级', () => {
  test('institutes, centers and cities have the list; stations do not', () => {
    expect(['INSTITUTE', 'CENTER', 'CITY'].map(hasOverdueList)).toEqual([true, true, true])
    expect(hasOverdueList('STATION')).toBe(false)
    expect(hasOverdueList(undefined)).toBe(false)
  })

  test('the hint says which escalations the level sees', () => {
    expect(overdueHint('INSTITUTE')).toContain('本所')
    expect(overdueHint('CENTER')).toContain('中心')
  })
})

describe('受益群众', () => {
  test('corrected once the need was completed', () => {
    expect(canCorrectBeneficiaries({ completedAt: '2026-11-01T02:00:00Z', beneficiaries: 3 })).toBe(true)
    expect(canCorrectBeneficiaries({ completedAt: '2026-11-01T02:00:00Z', beneficiaries: 0 })).toBe(true)
    expect(canCorrectBeneficiaries({ completedAt: null, beneficiaries: null })).toBe(false)
    expect(canCorrectBeneficiaries(null)).toBe(false)
  })

  test('a trail line tells when, the change and why (Beijing time)', () => {
    expect(beneficiaryTrailLine({ correctedAt: '2026-11-01T02:00:00Z', fromCount: 1, toCount: 12, reason: '按签到表核对',
      correctedByName: '李站长' })).toBe('2026-11-01 10:00 李站长 1 → 12 人：按签到表核对')
    expect(beneficiaryTrailLine({ correctedAt: '2026-11-01T02:00:00Z', fromCount: null, toCount: 3, reason: '登记',
      correctedByName: '王*' })).toBe('2026-11-01 10:00 王* 登记 3 人：登记')
  })
})

describe('受益群众更正', () => {
  test('a correction changes the count, within 0–10000, with a reason of at most 200 characters', () => {
    expect(beneficiariesCorrectionError(3, 3, '核对')).toBe('人数没有变化，无需更正')
    expect(beneficiariesCorrectionError(12, 3, '  ')).toBe('修改已登记的人数须填写原因')
    expect(beneficiariesCorrectionError(10001, 3, '核对')).toBe('不超过 10000 人')
    expect(beneficiariesCorrectionError(-1, 3, '核对')).toBe('请填写不小于 0 的整数')
    expect(beneficiariesCorrectionError(12, 3, '字'.repeat(201))).toBe('原因不超过 200 字')
    expect(beneficiariesCorrectionError(0, 3, '重复登记')).toBe('')
  })

  test('whoever served the need is not offered the correction (the server refuses them too)', () => {
    const need = { assignedUserId: '7', participants: [{ userId: '8' }] }
    expect(servedNeed(need, '7')).toBe(true)
    expect(servedNeed(need, '8')).toBe(true)
    expect(servedNeed(need, '9')).toBe(false)
    expect(servedNeed({ participants: [] }, null)).toBe(false)
  })
})
