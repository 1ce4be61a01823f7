// Chinese names of the activity schema's enums, for the 活动 screens.
export const ACTIVITY_STATUS = { DRAFT: '草稿', PUBLISHED: '招募中', ONGOING: '进行中', FINISHED: '已结束', CANCELLED: '已取消' }
export const ACTIVITY_STATUS_TYPE = { DRAFT: 'info', PUBLISHED: 'primary', ONGOING: 'success', FINISHED: '', CANCELLED: 'danger' }
export const SIGN_UP_STATUS = { CONFIRMED: '已确认', WAITLISTED: '候补', CANCELLED: '已取消', NO_SHOW: '未到' }

/** The backend's limits (ActivityController's input checks and app.activity.max-duration's default). */
export const LIMITS = { title: 100, description: 5000, address: 200, contactName: 30, capacityMax: 10000, geofenceMin: 50, geofenceMax: 10000, maxHours: 12 }

/**
 * Checks a form as the backend would, so the admin learns what is wrong before sending it: returns
 * a Chinese message per field, empty when the form may be sent.
 */
export function validateActivity(form, { creating, now = Date.now() }) {
  const errors = {}
  const title = (form.title || '').trim()
  if (!title) errors.title = '请填写活动名称'
  else if (title.length > LIMITS.title) errors.title = `活动名称不超过 ${LIMITS.title} 个字`
  if (creating && !form.projectId) errors.projectId = '请选择服务项目'
  if ((form.description || '').length > LIMITS.description) errors.description = `活动介绍不超过 ${LIMITS.description} 个字`
  const start = form.startsAt ? new Date(form.startsAt).getTime() : null
  const end = form.endsAt ? new Date(form.endsAt).getTime() : null
  if (!start || !end) errors.time = '请选择活动时间'
  else if (end <= start) errors.time = '结束时间须晚于开始时间'
  else if (end - start > LIMITS.maxHours * 3600000) errors.time = `活动时长不能超过 ${LIMITS.maxHours} 小时；多日活动请按天分别创建`
  else if (form.status === 'PUBLISHED' && start <= now) errors.time = '已发布活动的开始时间须晚于现在'
  if (form.signUpDeadline && end && new Date(form.signUpDeadline).getTime() > end) errors.signUpDeadline = '报名截止时间不能晚于活动结束时间'
  const address = (form.address || '').trim()
  if (!address) errors.address = '请填写活动地点'
  else if (address.length > LIMITS.address) errors.address = `地点不超过 ${LIMITS.address} 个字`
  if (!(form.latitude >= -90 && form.latitude <= 90) || !(form.longitude >= -180 && form.longitude <= 180)) errors.location = '请填写正确的经纬度'
  if (!Number.isInteger(form.capacity) || form.capacity < 1 || form.capacity > LIMITS.capacityMax) errors.capacity = `名额为 1–${LIMITS.capacityMax}`
  else if (form.confirmedCount && form.capacity < form.confirmedCount) errors.capacity = `名额不能少于已确认的 ${form.confirmedCount} 人`
  if (form.geofenceMeters != null && (form.geofenceMeters < LIMITS.geofenceMin || form.geofenceMeters > LIMITS.geofenceMax)) errors.geofenceMeters = `签到范围为 ${LIMITS.geofenceMin}–${LIMITS.geofenceMax} 米`
  if ((form.contactName || '').length > LIMITS.contactName) errors.contactName = `联系人不超过 ${LIMITS.contactName} 个字`
  if (form.contactPhone && (!/^[0-9+\- ]*$/.test(form.contactPhone) || form.contactPhone.length > 20)) errors.contactPhone = '电话只能含数字、+、- 和空格，不超过 20 位'
  if ((form.skills || []).some((s) => s.length > 20) || (form.skills || []).length > 20) errors.skills = '技能要求至多 20 项，每项不超过 20 个字'
  return errors
}

/** The mutation input of a valid form (update leaves out the project, which cannot change). */
export function activityInput(form, creating) {
  const input = {
    title: form.title.trim(),
    description: form.description ? form.description.trim() : null,
    startsAt: new Date(form.startsAt).toISOString(),
    endsAt: new Date(form.endsAt).toISOString(),
    signUpDeadline: form.signUpDeadline ? new Date(form.signUpDeadline).toISOString() : null,
    address: form.address.trim(),
    latitude: form.latitude,
    longitude: form.longitude,
    geofenceMeters: form.geofenceMeters || null,
    capacity: form.capacity,
    skills: form.skills || [],
    trainingRequired: !!form.trainingRequired,
    theoryLecture: !!form.theoryLecture,
    contactName: form.contactName ? form.contactName.trim() : null,
    contactPhone: form.contactPhone ? form.contactPhone.trim() : null,
  }
  if (creating) {
    input.projectId = form.projectId
    // 承办的结对文明单位 / 文明校园 (counted in the assessment); set when the activity is created.
    input.civilizedUnitId = form.civilizedUnitId || null
  }
  return input
}
