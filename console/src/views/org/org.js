// Rules the 人员与组织 screens check before sending, mirroring the server's (OrgController, AuthController,
// TeamController): a refusal the console can foresee is explained beside the field, not as a bare code.

export const LEVEL_NAMES = { CITY: '市', CENTER: '中心', INSTITUTE: '所', STATION: '站', POINT: '点' }
const LEVELS = ['CITY', 'CENTER', 'INSTITUTE', 'STATION', 'POINT']

export const ADMIN_ROLES = {
  CITY_ADMIN: { name: '市级管理员', level: 'CITY' },
  CENTER_ADMIN: { name: '中心管理员', level: 'CENTER' },
  INSTITUTE_ADMIN: { name: '所长', level: 'INSTITUTE' },
  STATION_ADMIN: { name: '站长', level: 'STATION' },
}

export const TEAM_KINDS = { GENERAL: '总队', BRANCH: '支队', SQUAD: '分队', SPECIALTY: '专业队伍' }
export const TEAM_STATUS = { ACTIVE: '在册', DISBANDED: '已解散' }
export const JOIN_STATUS = { PENDING: '待审核', APPROVED: '已批准', DECLINED: '已拒绝', CANCELLED: '已取消' }

/** The level a unit's children have, or null under a 点. */
export function childLevel(level) {
  const i = LEVELS.indexOf(level)
  return i >= 0 && i < LEVELS.length - 1 ? LEVELS[i + 1] : null
}

/** The level a unit's parent has, or null for a 市 (a 中心's parent, when it has one, is a 市). */
export function parentLevel(level) {
  const i = LEVELS.indexOf(level)
  return i > 0 ? LEVELS[i - 1] : null
}

/** Admin roles are granted on a unit of their own level only. */
export function rolesForLevel(level) {
  return Object.keys(ADMIN_ROLES).filter((role) => ADMIN_ROLES[role].level === level)
}

/** Roles without a unit of their own, named in the 角色变更记录 (队长 follows team leadership). */
const OTHER_ROLE_NAMES = { TEAM_LEADER: '队长', VOLUNTEER: '志愿者', RESIDENT: '群众' }

export function roleName(role) {
  return (ADMIN_ROLES[role] && ADMIN_ROLES[role].name) || OTHER_ROLE_NAMES[role] || role
}

/** Why a role changed (RoleChangeCause in graphql-schema/auth.graphqls). */
export const ROLE_EVENT_CAUSES = {
  ADMIN: '管理员操作',
  REGISTRATION: '注册志愿者',
  TEAM_CREATED: '创建队伍',
  TEAM_LEADER_CHANGED: '更换队长',
  TEAM_DISBANDED: '解散队伍',
  UNIT_CREATED: '创建单位',
  BOOTSTRAP_ADMIN: '引导管理员登录',
  BEFORE_HISTORY: '启用记录前已授予',
}

export function roleEventCause(cause) {
  return ROLE_EVENT_CAUSES[cause] || cause
}

/** Who changed the role: the admin's name, or 系统 when no one did (registration, a bootstrap login). */
export function roleEventActor(event) {
  return event.actorUserId ? event.actorName || `用户 ${event.actorUserId}` : '系统'
}

/** A revocation's reason is optional (revokeRole), at most 200 characters. */
export function revokeReasonError(reason) {
  if ((reason || '').trim().length > 200) return '撤销理由不超过 200 字'
  return true
}

/** Where a unit may move: open units one level up that the viewer picks from, other than its parent now. */
export function moveTargets(unit, units) {
  const level = parentLevel(unit.level)
  const current = unit.parent && unit.parent.id
  return units.filter((u) => u.level === level && u.id !== current && u.id !== unit.id)
}

const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/
const REGION = /^\d{6,12}$/

/**
 * Field errors of the unit form (name, address, region code, coordinates, duty phone), in Chinese;
 * empty when the server would accept it.
 */
export function unitFormErrors(form) {
  const errors = {}
  const name = (form.name || '').trim()
  if (!name) errors.name = '请填写单位名称'
  else if (name.length > 100) errors.name = '单位名称不超过 100 字'
  if (form.address && form.address.length > 255) errors.address = '地址不超过 255 字'
  if (form.regionCode && !REGION.test(form.regionCode)) errors.regionCode = '行政区划代码为 6–12 位数字'
  const hasLat = form.latitude !== null && form.latitude !== undefined && form.latitude !== ''
  const hasLng = form.longitude !== null && form.longitude !== undefined && form.longitude !== ''
  if (hasLat !== hasLng) errors.location = '纬度和经度须同时填写或同时留空'
  else if (hasLat && (Math.abs(form.latitude) > 90 || Math.abs(form.longitude) > 180)) errors.location = '坐标超出范围'
  if (form.phone && !PHONE.test(form.phone.trim())) errors.phone = '请填写手机号或带区号的固定电话'
  return errors
}

/** The input of updateOrgUnitLocation from the form: the whole location is replaced, blanks cleared. */
export function locationInput(id, form) {
  const blank = (v) => (v === '' || v === undefined ? null : v)
  return {
    id,
    address: blank((form.address || '').trim()),
    regionCode: blank(form.regionCode),
    latitude: blank(form.latitude),
    longitude: blank(form.longitude),
  }
}

/** Which of the unit's parts the form changed: only those mutations are sent. */
export function unitChanges(unit, form) {
  const same = (a, b) => (a ?? '') === (b ?? '')
  return {
    name: !same(unit.name, (form.name || '').trim()),
    phone: !same(unit.phone, (form.phone || '').trim()),
    location: !['address', 'regionCode', 'latitude', 'longitude'].every((k) =>
      same(unit[k], typeof form[k] === 'string' ? form[k].trim() : form[k])),
  }
}

/** A user is found by a bound phone number (11 digits) or by their user number. */
export function userLookup(text) {
  const value = (text || '').trim()
  if (/^1\d{10}$/.test(value)) return { phone: value }
  if (/^\d{1,10}$/.test(value)) return { userId: value }
  return null
}

/** A 总队 is set up at a 中心 only (the server refuses it elsewhere). */
export function teamKindsFor(level) {
  return Object.keys(TEAM_KINDS).filter((kind) => kind !== 'GENERAL' || level === 'CENTER')
}

/** The training form: a course name (≤ 100 字) and a completion time not in the future. */
export function trainingErrors(form, now = Date.now()) {
  const errors = {}
  const course = (form.course || '').trim()
  if (!course) errors.course = '请填写培训课程'
  else if (course.length > 100) errors.course = '课程名称不超过 100 字'
  if (!form.completedAt) errors.completedAt = '请选择完成时间'
  else if (new Date(form.completedAt).getTime() > now) errors.completedAt = '完成时间不能晚于现在'
  return errors
}

const CONTACT_PHONE = /^[0-9+-]{5,20}$/

export const CIVILIZED_KINDS = { UNIT: '文明单位', CAMPUS: '文明校园' }
export const SCHOOL_LEVELS = { KINDERGARTEN: '幼儿园', PRIMARY: '小学', MIDDLE: '中学', VOCATIONAL: '中职', UNIVERSITY: '高校' }
/** The levels a 文明单位 or 文明校园 pairs with (结对共建): not a 点. */
export const PAIRABLE_LEVELS = ['CENTER', 'INSTITUTE', 'STATION']

/**
 * The 文明单位 / 文明校园 registration form: name ≤ 100 字, contact ≤ 50 字, a phone of digits, + and -;
 * a 文明校园 names its 学段.
 */
export function civilizedUnitErrors(form) {
  const errors = {}
  const campus = form.kind === 'CAMPUS'
  const name = (form.name || '').trim()
  if (!name) errors.name = campus ? '请填写学校名称' : '请填写文明单位名称'
  else if (name.length > 100) errors.name = '名称不超过 100 字'
  if (campus && !SCHOOL_LEVELS[form.schoolLevel]) errors.schoolLevel = '请选择学段'
  if (form.contactName && form.contactName.trim().length > 50) errors.contactName = '联系人不超过 50 字'
  if (form.contactPhone && !CONTACT_PHONE.test(form.contactPhone.trim())) errors.contactPhone = '请填写正确的联系电话'
  return errors
}

/** The createCivilizedUnit input of the form: the 学段 only for a 文明校园. */
export function civilizedUnitInput(form) {
  const campus = form.kind === 'CAMPUS'
  return {
    name: form.name.trim(),
    orgUnitId: form.orgUnitId,
    contactName: (form.contactName || '').trim() || null,
    contactPhone: (form.contactPhone || '').trim() || null,
    kind: campus ? 'CAMPUS' : 'UNIT',
    schoolLevel: campus ? form.schoolLevel : null,
  }
}

/** "文明校园 · 小学" or "文明单位". */
export function civilizedKindLabel(unit) {
  const kind = CIVILIZED_KINDS[unit.kind] || CIVILIZED_KINDS.UNIT
  return unit.kind === 'CAMPUS' && SCHOOL_LEVELS[unit.schoolLevel] ? `${kind} · ${SCHOOL_LEVELS[unit.schoolLevel]}` : kind
}

/**
 * Units a 文明单位 may pair with: the open 站, 所 and 中心 at or under the unit it is registered at,
 * not already paired with it.
 */
export function pairableUnits(civilizedUnit, units) {
  const start = units.findIndex((u) => u.id === civilizedUnit.orgUnit.id)
  const paired = new Set((civilizedUnit.pairedUnits || []).map((s) => s.id))
  if (start < 0) return []
  // workspace.units is a preorder walk with depths: the subtree is the run of deeper units after it.
  const result = []
  for (let i = start; i < units.length; i++) {
    if (i > start && units[i].depth <= units[start].depth) break
    const u = units[i]
    if (PAIRABLE_LEVELS.includes(u.level) && u.status !== 'CLOSED' && !paired.has(u.id)) result.push(u)
  }
  return result
}

// --- 骨干培训 (staff and team-leader training sessions, issue 18)

const STAFF_ROLE_NAMES = { STAFF: '工作人员', TEAM_LEADER: '骨干（队长）' }

export function roleNames(roles) {
  return (roles || []).map((r) => STAFF_ROLE_NAMES[r] || r).join('、')
}

export function personName(person) {
  return person.nickname || `用户 ${person.userId}`
}

/** The session form's checks, as the server's (date not in the future, topic ≤ 100, 1–500 attendees). */
export function staffTrainingErrors(form, today = new Date()) {
  const e = {}
  const day = new Date(today.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.heldOn || '')) e.heldOn = '请选择培训日期'
  else if (form.heldOn > day) e.heldOn = '培训日期不能晚于今天'
  const topic = (form.topic || '').trim()
  if (!topic) e.topic = '请填写培训主题'
  else if (topic.length > 100) e.topic = '主题不超过 100 字'
  if (!form.attendees || !form.attendees.length) e.attendees = '请选择参加人'
  else if (form.attendees.length > 500) e.attendees = '参加人不超过 500 人'
  return e
}

export function staffTrainingInput(form, orgUnitId) {
  return { orgUnitId, heldOn: form.heldOn, topic: form.topic.trim(), attendeeUserIds: [...new Set(form.attendees)] }
}

/** The reason an admin gives for ending a pairing: required here, ≤ 200 字. */
export function unpairReasonError(reason) {
  const text = (reason || '').trim()
  if (!text) return '请填写解除原因'
  if (text.length > 200) return '解除原因不超过 200 字'
  return true
}

/** A staff training as a trail shows it: '2024-03-10 主题（参加 3 人：张三、…）'; `names` maps user id → name. */
export function describeStaffTraining(state, names = {}) {
  const people = state.attendeeUserIds.map((id) => names[id] || `用户 ${id}`).join('、')
  return `${state.heldOn} ${state.topic}（参加 ${state.attendeeUserIds.length} 人：${people}）`
}

/** What the 更正 dialog shows when the server refuses a correction (FORBIDDEN): who may make it. */
export const STAFF_TRAINING_FORBIDDEN = '没有权限更正该培训记录：只有管辖举办单位、且没有参加该培训的管理员可以更正'

/** What a training's 更正 form changed: date, topic, attendees (as a set); null for what is unchanged. */
export function staffTrainingChanges(training, form) {
  const topic = (form.topic || '').trim()
  const before = new Set(training.attendees.map((a) => String(a.userId)))
  const after = [...new Set((form.attendees || []).map(String))]
  const sameAttendees = after.length === before.size && after.every((id) => before.has(id))
  return {
    heldOn: form.heldOn === training.heldOn ? null : form.heldOn,
    topic: topic === training.topic ? null : topic,
    attendeeUserIds: sameAttendees ? null : after,
  }
}
