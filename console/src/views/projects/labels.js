// Chinese names of the project schema's enums, and the create form's checks (the backend's limits).
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
