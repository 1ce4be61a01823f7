// 代录 (a need entered by staff for a resident without the app): the form's checks, as the backend's
// SubmitNeedInput has them, and the input it sends.
export const ENTRY_SOURCES = ['HOTLINE', 'VISIT', 'LEIFENG_MAILBOX', 'WISH_WALL']

const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/

export function validateEntry(form) {
  const e = {}
  if (!form.stationId) e.stationId = '请选择站点'
  if (!form.categoryId) e.categoryId = '请选择需求类别'
  const title = (form.title || '').trim()
  if (!title) e.title = '请填写标题'
  else if (title.length > 50) e.title = '标题不超过 50 字'
  const description = (form.description || '').trim()
  if (!description) e.description = '请填写需求描述'
  else if (description.length > 1000) e.description = '描述不超过 1000 字'
  if (!(form.address || '').trim()) e.address = '请填写服务地址'
  if (typeof form.latitude !== 'number' || typeof form.longitude !== 'number' || Math.abs(form.latitude) > 90 || Math.abs(form.longitude) > 180) {
    e.location = '请填写经纬度'
  }
  if (!(form.contactName || '').trim()) e.contactName = '请填写联系人'
  if (!PHONE.test((form.contactPhone || '').trim())) e.contactPhone = '请填写手机号或固定电话'
  if (!(form.consentNote || '').trim()) e.consentNote = '代录须写明本人如何同意登记'
  return e
}

export function entryInput(form) {
  return {
    stationId: form.stationId, source: form.source, categoryId: form.categoryId, title: form.title.trim(), description: form.description.trim(),
    beneficiaryType: form.beneficiaryType, urgency: form.urgency, address: form.address.trim(), latitude: form.latitude, longitude: form.longitude,
    contactName: form.contactName.trim(), contactPhone: form.contactPhone.trim(), consentNote: form.consentNote.trim(),
  }
}
