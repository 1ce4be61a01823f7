// 服务清单 任务分解 on the console: the task form's checks (the backend's limits), its input, and how
// a task and a project's progress read. Kept apart from the components so they are unit-tested.
export const TASK_STATUS = { OPEN: '待完成', DONE: '已完成', CANCELLED: '已取消' }
export const HISTORY_ACTION = { CREATED: '创建', RESCHEDULED: '改期', CANCELLED: '取消', COMPLETED: '完成' }

/** Today in Beijing (the county's calendar), yyyy-MM-dd. */
export function beijingToday(now = new Date()) {
  return new Date(now.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10)
}

/** A date picker's day (a local Date at midnight) as yyyy-MM-dd. */
export function localDay(date) {
  const pad = (n) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

export function validateTask(form, today = beijingToday()) {
  const e = {}
  const title = (form.title || '').trim()
  if (!title) e.title = '请填写任务内容'
  else if (title.length > 60) e.title = '任务内容不超过 60 个字'
  if ((form.description || '').length > 500) e.description = '说明不超过 500 字'
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.dueDate || '')) e.dueDate = '请选择日期'
  else if (form.dueDate < today) e.dueDate = '日期不能早于今天'
  if (form.ownerKind === 'TEAM' ? !form.ownerTeamId : !form.ownerVolunteerId) e.owner = form.ownerKind === 'TEAM' ? '请选择负责队伍' : '请选择负责志愿者'
  return e
}

/** Exactly one owner: the team or the volunteer, as the kind chosen says. */
export function taskInput(form, projectId) {
  const team = form.ownerKind === 'TEAM'
  return {
    projectId, title: form.title.trim(), description: (form.description || '').trim() || null, dueDate: form.dueDate,
    ownerTeamId: team ? form.ownerTeamId : null, ownerVolunteerId: team ? null : form.ownerVolunteerId,
  }
}

/** 进度 as the project list shows it: “3/5 完成 · 1 逾期”, or “—” without tasks. */
export function progressText(p) {
  if (!p || !p.total) return '—'
  return `${p.done}/${p.total} 完成` + (p.overdue ? ` · ${p.overdue} 逾期` : '')
}

export function statusText(task) {
  return task.overdue ? '已逾期' : TASK_STATUS[task.status]
}

/** A reason for a cancellation or a new date: required, at most 150 characters (ElMessageBox validator). */
export function reasonValid(value) {
  const v = (value || '').trim()
  if (!v) return '请填写原因'
  return v.length <= 150 || '原因不超过 150 字'
}
