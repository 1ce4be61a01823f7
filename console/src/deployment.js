// Who may change what every county of the deployment shares — the 点单 categories, the 公众号 menu,
// the 站互评 items, 积分对账 — as the server answers it (User.coversWholeDeployment: 中心管理员 or
// 市级管理员 on a root unit). Not guessed from the roles: under a city a county's 中心管理员 holds the
// same role as in a county-only deployment, yet is refused there.

/** Whether the signed-in staff member is an admin of the whole deployment. */
export function coversWholeDeployment(user) {
  return !!(user && user.coversWholeDeployment)
}
