// Turns the lecture forms into the API's inputs: texts trimmed, topics split on 、，, and new lines,
// optional ids left out rather than sent empty (the server reads an empty string as an id).

export function splitTopics(text) {
  return [...new Set((text || '').split(/[、，,\n]/).map((t) => t.trim()).filter(Boolean))]
}

export function lectureInput(orgUnitId, form) {
  const input = {
    orgUnitId,
    topic: form.topic.trim(),
    place: form.place.trim(),
    heldOn: form.heldOn,
    audience: Number(form.audience),
    lecturerIds: form.lecturerIds || [],
  }
  if (form.groupId) input.groupId = form.groupId
  if (form.activityId && String(form.activityId).trim()) input.activityId = String(form.activityId).trim()
  return input
}

export const SOURCE_LABEL = { LECTURE: '宣讲记录', ACTIVITY: '理论宣讲活动' }

/**
 * Where the 考核指标 screen's 理论宣讲 figure leads: the 考核计数 tab of this screen for the unit and
 * month the figure is about (the unit may be below the workspace's, drilled into on that screen).
 */
export function assessedLecturesLink(unitId, month) {
  return { name: 'lectures', query: { tab: 'assessed', unit: String(unitId), month } }
}

/** The tab, unit and month this screen opens with: a drill-down's query, else the workspace unit this month. */
export function assessedFromQuery(query, workspaceUnitId, thisMonth) {
  const month = /^\d{4}-(0[1-9]|1[0-2])$/.test(query.month || '') ? query.month : thisMonth
  const unitId = /^\d+$/.test(query.unit || '') ? query.unit : workspaceUnitId
  return { tab: query.tab === 'assessed' ? 'assessed' : 'lectures', unitId, month }
}
