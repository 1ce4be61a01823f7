// Chinese names of the project schema's enums, and the create form's checks (the backend's limits).
import { loadAllPages } from '../../remotePicker.js'

export const CATEGORY = {
  THEORY_LECTURE: '理论宣讲', EDUCATION: '教育服务', CULTURE: '文化服务', SCIENCE_TECH: '科技与科普服务', HEALTH_SPORTS: '健康促进与体育服务',
}
export const PROJECT_STATUS = { ACTIVE: '在用', ARCHIVED: '已归档' }

export function validateProject(form) {
  const e = {}
  const name = (form.name || '').trim()
  if (!name) e.name = '请填写项目名称'
  else if (name.length > 60) e.name = '项目名称不超过 60 个字'
  if (!CATEGORY[form.category]) e.category = '请选择服务类别'
  if ((form.description || '').length > 2000) e.description = '介绍不超过 2000 字'
  return e
}

export function projectInput(form, orgUnitId) {
  return {
    orgUnitId, name: form.name.trim(), category: form.category, teamId: form.teamId || null,
    description: (form.description || '').trim() || null, brand: !!form.brand,
  }
}

/** Whether the signed-in staff member is a center or city admin (only they mark 品牌项目). */
export function isCenterAdmin(user) {
  return !!user && (user.roleGrants || []).some((g) => g.role === 'CENTER_ADMIN' || g.role === 'CITY_ADMIN')
}

/** The reason for a brand-flag change: required, at most 200 characters; null when fine. */
export function brandReasonError(reason) {
  const r = (reason || '').trim()
  if (!r) return '请填写原因'
  if (r.length > 200) return '原因不超过 200 字'
  return null
}

/** The edit form, prefilled from a listed project (the create form's fields; the brand flag has its own action). */
export function projectForm(project) {
  return {
    name: project.name || '', category: project.category || null, teamId: project.teamId || null,
    description: project.description || '', brand: !!project.brand,
  }
}

/**
 * `updateProject`'s input: a full replacement of name, category, description and team (an empty
 * one clears it). `brand` is left out, so the flag stays as it is: it changes only through
 * 标为品牌 / 取消品牌, which keeps the reason in its trail.
 */
export function projectUpdateInput(form) {
  return {
    name: form.name.trim(), category: form.category, teamId: form.teamId || null,
    description: (form.description || '').trim() || null,
  }
}

/** What archiving means, said before the admin confirms it (the server cannot undo it either). */
export function archiveWarning(project) {
  return `归档「${project.name}」后，不能再在该项目下新建活动，项目也不能再修改或标为品牌项目；`
    + '已有的活动、任务和记录不受影响。归档后不能恢复。'
}

/** Projects new activities may go under: archived ones are refused by the server (PROJECT_ARCHIVED). */
export function openProjects(projects) {
  return (projects || []).filter((p) => p.status !== 'ARCHIVED')
}

/**
 * Every open project of a unit's subtree, page after page ({@code fetchPage({ first, after })}
 * answers a ProjectConnection): a county center's subtree holds about a thousand, more than one
 * page. Bounded, so a listing that never ends cannot hang the form.
 */
export async function loadOpenProjects(fetchPage, options) {
  return openProjects(await loadAllPages(fetchPage, options))
}
