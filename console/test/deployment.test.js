// Who is offered the settings every county shares (src/deployment.js): the server's answer
// (User.coversWholeDeployment), never the role alone.
import { describe, expect, test } from 'vitest'
import { coversWholeDeployment } from '../src/deployment.js'
import { canConfigurePeerReviewItems } from '../src/views/results/evaluation.js'

describe('settings of the whole deployment', () => {
  test('offered by what the server answers, not by the role', () => {
    expect(coversWholeDeployment({ roles: ['CITY_ADMIN'], coversWholeDeployment: true })).toBe(true)
    expect(coversWholeDeployment({ roles: ['CENTER_ADMIN'], coversWholeDeployment: true })).toBe(true)
    // 中心管理员 of a county under a city: refused by the server, so not offered.
    expect(coversWholeDeployment({ roles: ['CENTER_ADMIN'], coversWholeDeployment: false })).toBe(false)
    expect(coversWholeDeployment({ roles: ['CENTER_ADMIN'] })).toBe(false)
    expect(coversWholeDeployment(null)).toBe(false)
  })

  test('the 站互评 items card follows it', () => {
    expect(canConfigurePeerReviewItems({ roles: ['CITY_ADMIN'], coversWholeDeployment: true })).toBe(true)
    expect(canConfigurePeerReviewItems({ roles: ['CENTER_ADMIN'], coversWholeDeployment: false })).toBe(false)
    expect(canConfigurePeerReviewItems(null)).toBe(false)
  })
})
