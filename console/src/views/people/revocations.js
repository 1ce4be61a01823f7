// A volunteer's revoked credit hours (hoursRevocations): who revoked them, when, why and how many.
import { beijing } from '../../labels.js'

export function revocationRow(r) {
  return {
    id: r.signUpId,
    activity: r.activity.title,
    hours: `${Number(r.hours).toFixed(1)} 小时`,
    reason: r.reason,
    by: r.revokedByName,
    when: beijing(r.revokedAt),
  }
}
