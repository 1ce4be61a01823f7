// Rules of the need screens for admins — 需求类别 (the 点单 categories), the 受益群众 correction in the
// need drawer and the dispatch desk's 逾期升级 tab — kept apart from the components so they are
// unit-tested (test/need-admin.test.js). They mirror NeedCategoryController, NeedBeneficiaries and
// NeedQueries.overdue; the server checks again.
import { beijing } from '../labels.js'
import { coversWholeDeployment } from '../deployment.js'
import { BENEFICIARIES_MAX, beneficiariesError } from '../corrections.js'

/** The API's limit of a category name (NeedCategoryController: @Size(max = 20), after trimming). */
export const CATEGORY_NAME_MAX = 20

/**
 * Only an admin of the whole deployment edits the dictionary every county's 点单 uses (the center
 * admin of a county-only deployment, the city admin above the counties; not one county's).
 */
export function canEditCategories(user) {
  return coversWholeDeployment(user)
}

/**
 * What is wrong with a category name, or '' when it may be sent: required, at most 20 characters,
 * and not the name of another category — disabled ones included (the names are unique in the table,
 * so a disabled 「助老服务」 blocks a new one: enable it instead). `selfId` is the category being renamed.
 */
export function categoryNameError(name, categories = [], selfId = null) {
  const text = (name || '').trim()
  if (!text) return '请填写类别名称'
  if ([...text].length > CATEGORY_NAME_MAX) return `类别名称不超过 ${CATEGORY_NAME_MAX} 字`
  const same = categories.find((c) => c.id !== selfId && c.name === text)
  if (same) return same.enabled ? '已有同名类别' : '已有同名的停用类别，可将其重新启用'
  return ''
}

/** What the 停用 confirmation says: residents no longer choose it, existing needs keep it. */
export function disableNotice(category) {
  return `停用后，群众点单和电话代录时不再能选择「${category.name}」。已有的需求不受影响，仍按原类别办理和统计；之后可以重新启用。`
}

/** Units whose admins have a 逾期升级 list: needs escalate from a station to its 所, then to the 中心. */
export function hasOverdueList(level) {
  return level === 'INSTITUTE' || level === 'CENTER' || level === 'CITY'
}

/** The line under the 逾期升级 tab: what the list holds at this level. */
export function overdueHint(level) {
  if (level === 'INSTITUTE') return '各站逾期未办、已升级到本所的需求'
  if (level === 'CITY') return '各县已升级到中心的逾期需求'
  return '逾期后已升级到所、仍未办理又升级到中心的需求'
}

/** A need's 受益群众 count can be corrected once the need was completed (it then has a count). */
export function canCorrectBeneficiaries(need) {
  return !!need && need.completedAt != null && need.beneficiaries != null
}

/** One line of a 受益群众 trail (a need's or an activity's), oldest first as the API gives it: when, who, the change, why. */
export function beneficiaryTrailLine(c) {
  const change = c.fromCount == null ? `登记 ${c.toCount} 人` : `${c.fromCount} → ${c.toCount} 人`
  return `${beijing(c.correctedAt)} ${c.correctedByName} ${change}：${c.reason}`
}

/** What is wrong with a correction of a recorded count, or '': it must change it (the same count adds nothing). */
export function beneficiariesCorrectionError(count, recorded, reason) {
  if (count === recorded) return '人数没有变化，无需更正'
  return beneficiariesError(count, { max: BENEFICIARIES_MAX.need, recorded, reason })
}

/**
 * Whether the user served the need as far as the drawer knows (its volunteer, a participant): such an
 * admin confirms and corrects nothing on it. A member of the serving team is known only to the server,
 * which answers FORBIDDEN.
 */
export function servedNeed(need, userId) {
  if (!need || userId == null) return false
  return need.assignedUserId === userId || (need.participants || []).some((p) => p.userId === userId)
}
