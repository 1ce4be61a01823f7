// 在职党员 on the volunteers screen: what the row shows and offers, and the reason's checks.

/** The tag (text and colour) and the action a volunteer's 在职党员 state calls for. */
export function inServicePartyState(volunteer) {
  if (volunteer.inServicePartyMember) return { tag: '已确认', type: 'success', action: '取消' }
  if (volunteer.inServicePartyDeclared) return { tag: '待确认', type: 'warning', action: '确认' }
  return { tag: '', type: 'info', action: '设为在职党员' }
}

/** Required, at most 200 characters (the server's limit); null when fine. */
export function partyReasonError(reason) {
  const r = (reason || '').trim()
  if (!r) return '请填写原因'
  if (r.length > 200) return '原因不超过 200 字'
  return null
}
