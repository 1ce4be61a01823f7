import { describe, expect, test } from 'vitest'
import { entryInput, validateEntry } from '../src/views/need-entry.js'
import { beijingDayRange, defaultRange } from '../src/views/results/signup-sources.js'
import { projectInput, validateProject } from '../src/views/projects/labels.js'

describe('电话代录', () => {
  const filled = {
    stationId: '4', source: 'HOTLINE', categoryId: '1', title: ' 帮忙取药 ', description: '独居老人请志愿者取药', beneficiaryType: 'ELDERLY',
    urgency: 'NORMAL', address: '幸福里5号', latitude: 31.36, longitude: 119.81, contactName: '王大爷', contactPhone: '13900139000',
    consentNote: '电话中同意代为登记',
  }
  test('a filled form passes and is sent trimmed', () => {
    expect(validateEntry(filled)).toEqual({})
    expect(entryInput(filled)).toMatchObject({ title: '帮忙取药', stationId: '4', source: 'HOTLINE', latitude: 31.36 })
  })
  test('what the backend would refuse is said before sending', () => {
    const e = validateEntry({ ...filled, stationId: null, title: 'x'.repeat(51), contactPhone: '12345', consentNote: ' ', latitude: null })
    expect(Object.keys(e).sort()).toEqual(['consentNote', 'contactPhone', 'location', 'stationId', 'title'])
    expect(validateEntry({ ...filled, contactPhone: '0510-87654321' })).toEqual({})
  })
})

describe('报名来源 dates', () => {
  test('whole Beijing days as [from, to) instants', () => {
    expect(beijingDayRange('2026-12-01', '2026-12-04')).toEqual({ from: '2026-11-30T16:00:00.000Z', to: '2026-12-04T16:00:00.000Z' })
  })
  test('the default is the last 30 Beijing days, today included', () => {
    // 20:00 UTC on 4 Dec is already 5 Dec in Beijing.
    expect(defaultRange(new Date('2026-12-04T20:00:00Z'))).toEqual(['2026-11-06', '2026-12-05'])
  })
})

describe('服务项目', () => {
  test('name and category are required; the input carries the unit and an optional team', () => {
    expect(validateProject({ name: ' ', category: null })).toEqual({ name: '请填写项目名称', category: '请选择服务类别' })
    const form = { name: ' 健康义诊 ', category: 'HEALTH_SPORTS', teamId: '', description: '', brand: false }
    expect(validateProject(form)).toEqual({})
    expect(projectInput(form, '9')).toEqual({ orgUnitId: '9', name: '健康义诊', category: 'HEALTH_SPORTS', teamId: null, description: null, brand: false })
  })
})
