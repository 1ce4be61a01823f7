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
