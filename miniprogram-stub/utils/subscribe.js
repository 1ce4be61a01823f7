/**
 * 订阅消息: asks the user to accept the templates of some notification kinds (one tap per
 * acceptance, as WeChat requires) and reports the accepted ones to the server, which may then
 * send one message per acceptance. The kinds' template ids come from the server's configuration.
 */
const client = require('../api/client')
const { idempotencyKey } = require('./page')

let templates = null

async function templateIds(kinds) {
  if (!templates) {
    const data = await client.call('SubscriptionTemplates', {}, { anonymous: true })
    templates = data.subscriptionTemplates
  }
  return [...new Set(templates.filter((t) => kinds.includes(t.kind)).map((t) => t.templateId))].slice(0, 3)
}

/** Resolves to the accepted template ids (empty when nothing was asked or accepted); never throws. */
async function askFor(kinds) {
  try {
    const ids = await templateIds(kinds)
    if (!ids.length) return []
    const answer = await new Promise((resolve) => {
      wx.requestSubscribeMessage({ tmplIds: ids, success: resolve, fail: () => resolve({}) })
    })
    const accepted = ids.filter((id) => answer[id] === 'accept')
    if (accepted.length) {
      // One key per prompt: the client's retry of a 503 whose commit went through sends it again, and
      // the server counts the prompt's acceptances once (a second count would allow a message the
      // user never agreed to).
      await client.call('RecordSubscriptions', { templateIds: accepted, idempotencyKey: idempotencyKey() })
    }
    return accepted
  } catch (e) {
    return [] // a refused or failed subscription never blocks what the user was doing
  }
}

/** Notification kinds a resident wants after posting a need, and a volunteer after signing up. */
const NEED_PROGRESS = ['NEED_PUBLISHED', 'NEED_ACCEPTED', 'NEED_COMPLETED']
const ACTIVITY_UPDATES = ['ACTIVITY_REMINDER', 'ACTIVITY_CANCELLED', 'WAITLIST_PROMOTED']
/** What an admin wants to hear of: new needs at the station, and needs escalated to their level. */
const ADMIN_ALERTS = ['NEED_SUBMITTED', 'NEED_OVERDUE']
/** A task owner (volunteer or team leader) wants the daily reminder of the tasks due that day. */
const TASK_REMINDERS = ['PROJECT_TASK_DUE']

module.exports = { askFor, NEED_PROGRESS, ACTIVITY_UPDATES, ADMIN_ALERTS, TASK_REMINDERS }
