// The 人员与组织 screens in a real browser (Debian's chromium driven by playwright-core) against a backend in
// the `local` profile, signed in with the local developer shortcut: a station created in the org tree
// (with its coordinates and duty phone) under the demo 东珠社区's institute, then worked on as the
// console's unit: a station admin granted (after an unknown user is refused) and revoked with a reason (both
// lines then in the 角色变更记录), a team set up with a
// leader and a join request approved, a training recorded, a 文明单位 registered, paired and unpaired (with a reason kept in its history).
// Every result is checked on screen and read back through the API. A screenshot of each screen goes to
// SCREENSHOT_DIR. Run by ConsoleBrowserTest through scripts/maven-test.sh.
import path from 'node:path'
import { chromium } from 'playwright-core'
import { BASE, SHOTS, CHROMIUM, gql, login, assert, demoCenter } from './support.mjs'

const step = (text) => console.log(`[org] ${text}`)
const started = Date.now()
const run = Date.now().toString(36)

/** A valid 18-character ID number (ISO 7064 MOD 11-2), different every call. */
function idNumber() {
  const birth = new Date(Date.UTC(1960, 0, 1) + Math.floor(Math.random() * 15000) * 86400000)
  const pad = (n, w) => String(n).padStart(w, '0')
  const first17 = `${320282}${birth.getUTCFullYear()}${pad(birth.getUTCMonth() + 1, 2)}${pad(birth.getUTCDate(), 2)}${pad(Math.floor(Math.random() * 1000), 3)}`
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * weights[i], 0)
  return first17 + '10X98765432'[sum % 11]
}

// --- Arrange through the API: the demo admin, the institute 东珠社区 belongs to, and a user to make 站长.
step('arranging through the API')
const admin = await login('admin')
const { centerId, station: dongzhu } = await demoCenter(admin)
const institute = (await gql('query($id: ID!) { orgUnit(id: $id) { parent { id name } } }', { id: dongzhu.id }, admin.accessToken)).orgUnit.parent
const futureAdmin = await login(`org-admin-${run}`)
const stationName = `测试社区${run}`

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
})
try {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  await context.addInitScript((unit) => {
    // Only the first visit: later steps choose the new station as the console's unit.
    if (!localStorage.getItem('wenming.console.unit')) localStorage.setItem('wenming.console.unit', unit)
  }, centerId)
  const page = await context.newPage()
  const pageErrors = []
  page.on('pageerror', (e) => pageErrors.push(e.message))
  const settled = async () => {
    await page.locator('.el-loading-mask').first().waitFor({ state: 'detached' }).catch(() => {})
    await page.waitForTimeout(400) // messages, drawers and tags finish their transitions
  }
  const tree = page.locator('[data-test=org-tree]')
  /** A tree node by its name, paging through "加载更多…" under an expanded parent until it shows. */
  async function treeNode(name) {
    const node = tree.locator('.el-tree-node__content', { hasText: name }).first()
    for (let i = 0; i < 20 && !(await node.isVisible()); i++) {
      const more = tree.getByText('加载更多…').first()
      if (await more.isVisible()) await more.click()
      await page.waitForTimeout(300)
    }
    await node.waitFor()
    return node
  }

  // --- 组织架构: the center's tree; a new station under the institute; its duty phone edited.
  step('org tree: create a station, edit it')
  await page.goto(`${BASE}/console/people/org?dev=admin`)
  await page.waitForURL(/\/console\/people\/org$/)
  await page.locator('[data-test=unit-detail]').waitFor()
  const instituteNode = await treeNode(institute.name)
  await instituteNode.click()
  await page.locator('[data-test=unit-detail] .el-card__header', { hasText: institute.name }).waitFor()
  await page.locator('[data-test=unit-add-child]').click()
  const dialog = page.locator('[data-test=unit-create-dialog]')
  await dialog.locator('[data-test=new-unit-save]').click()
  await dialog.getByText('请填写单位名称').waitFor() // checked before sending
  await dialog.locator('[data-test=new-unit-name]').fill(stationName)
  await dialog.locator('[data-test=new-unit-address]').fill('宜城街道测试路 8 号')
  await dialog.locator('[data-test=new-unit-latitude] input').fill('31.3701')
  await dialog.locator('[data-test=new-unit-longitude] input').fill('119.8202')
  await dialog.locator('[data-test=new-unit-phone]').fill('0510-87001234')
  await dialog.locator('[data-test=new-unit-save]').click()
  await page.getByText(`已创建 ${stationName}`).waitFor()
  const created = await treeNode(stationName)
  await created.click()
  const phone = page.locator('[data-test=unit-phone]')
  await page.waitForFunction(() => document.querySelector('[data-test=unit-phone]').value === '0510-87001234')
  await phone.fill('13912345678')
  await page.locator('[data-test=unit-save]').click()
  await page.getByText('已保存').waitFor()
  await settled()
  await page.screenshot({ path: path.join(SHOTS, '21-org-tree.png') })
  const stations = (await gql('query($r: ID!) { orgTree(rootId: $r) { unit { id name level phone address latitude longitude parent { id } } } }',
    { r: institute.id }, admin.accessToken)).orgTree.map((n) => n.unit)
  const station = stations.find((u) => u.name === stationName)
  assert(station && station.level === 'STATION' && station.parent.id === institute.id, `the station is under the institute: ${JSON.stringify(station)}`)
  assert(station.phone === '13912345678' && station.address === '宜城街道测试路 8 号' && Math.abs(station.latitude - 31.3701) < 1e-6,
    `the station's details were saved: ${JSON.stringify(station)}`)

  // From here on the console works on the new station.
  await page.evaluate((id) => localStorage.setItem('wenming.console.unit', id), station.id)

  // --- 角色: an unknown user is refused with the code's message; then a 站长 granted on the station.
  step('roles: refused, then granted')
  await page.goto(`${BASE}/console/people/roles`)
  await page.locator('[data-test=roles-table]').getByText('没有管理员').waitFor()
  await page.locator('[data-test=grant-open]').click()
  const grantDialog = page.locator('[data-test=grant-dialog]')
  await grantDialog.locator('[data-test=grant-user]').fill('9999999999')
  await grantDialog.locator('[data-test=grant-find]').click()
  await grantDialog.locator('[data-test=grant-save]').click()
  await grantDialog.locator('[data-test=grant-error]', { hasText: '找不到该用户或单位' }).waitFor()
  await settled()
  await page.screenshot({ path: path.join(SHOTS, '22-roles-refused.png') })
  await grantDialog.locator('[data-test=grant-user]').fill(String(futureAdmin.user.id))
  await grantDialog.locator('[data-test=grant-find]').click()
  await grantDialog.locator('[data-test=grant-found]', { hasText: `编号 ${futureAdmin.user.id}` }).waitFor()
  await grantDialog.locator('[data-test=grant-save]').click()
  await page.getByText('已授予站长').waitFor()
  const roleRow = page.locator('[data-test=roles-table] tbody tr', { hasText: `编号 ${futureAdmin.user.id}` })
  await roleRow.getByText('站长').waitFor()
  await roleRow.getByText(stationName).waitFor()
  await settled()
  await page.screenshot({ path: path.join(SHOTS, '23-roles.png') })
  const granted = (await gql('{ me { roleGrants { role orgUnitId } } }', {}, futureAdmin.accessToken)).me.roleGrants
  assert(granted.some((g) => g.role === 'STATION_ADMIN' && g.orgUnitId === station.id), `the user is 站长 of the station: ${JSON.stringify(granted)}`)

  // --- 角色变更记录: the 站长 revoked with a reason; the history keeps both the grant and the revocation.
  step('roles: revoke with a reason, both lines in the history')
  await roleRow.locator('[data-test=revoke-role]').click()
  await page.locator('.el-message-box input').fill('调离本站')
  await settled()
  await page.screenshot({ path: path.join(SHOTS, '23a-role-revoke.png') })
  await page.locator('.el-message-box').getByRole('button', { name: '撤销' }).click()
  await page.getByText('已撤销').waitFor()
  await page.locator('[data-test=roles-table]').getByText('没有管理员').waitFor()
  await page.locator('[data-test=roles-tabs]').getByRole('tab', { name: '角色变更记录' }).click()
  const historyRows = page.locator('[data-test=role-history] tbody tr', { hasText: `用户 ${futureAdmin.user.id}` })
  await historyRows.nth(1).waitFor()
  await historyRows.nth(0).locator('[data-test=role-event-kind]', { hasText: '撤销' }).waitFor()
  await historyRows.nth(0).locator('[data-test=role-event-reason]', { hasText: '调离本站' }).waitFor()
  await historyRows.nth(1).locator('[data-test=role-event-kind]', { hasText: '授予' }).waitFor()
  await settled()
  await page.screenshot({ path: path.join(SHOTS, '23b-role-history.png') })
  const history = (await gql('query($o: ID!) { roleHistory(orgUnitId: $o) { edges { node { userId role kind actorUserId reason } } } }',
    { o: station.id }, admin.accessToken)).roleHistory.edges.map((e) => e.node).filter((e) => e.userId === futureAdmin.user.id)
  assert(history.length === 2 && history[0].kind === 'REVOKED' && history[0].reason === '调离本站' && history[1].kind === 'GRANTED'
    && history.every((e) => e.role === 'STATION_ADMIN' && e.actorUserId === admin.user.id), `the history has the grant and the revocation: ${JSON.stringify(history)}`)
  const revoked = (await gql('{ me { roleGrants { role orgUnitId } } }', {}, futureAdmin.accessToken)).me.roleGrants
  assert(!revoked.some((g) => g.role === 'STATION_ADMIN'), `the user is no longer 站长: ${JSON.stringify(revoked)}`)

  // --- 队伍: two volunteers of the station; a team led by one, the other's join request approved.
  step('teams: create, approve a join request')
  const register = async (code, realName) => {
    const user = await login(code)
    await gql('mutation($i: RegisterVolunteerInput!) { registerVolunteer(input: $i) { id } }',
      { i: { realName, idNumber: idNumber(), homeStationId: station.id, skills: ['电路维修'] } }, user.accessToken)
    return user
  }
  const leader = await register(`org-leader-${run}`, '王建国')
  const member = await register(`org-member-${run}`, '李秀英')
  const teamName = `应急救援队${run}`
  await page.goto(`${BASE}/console/people/teams`)
  await page.locator('[data-test=teams-table]').getByText('没有队伍').waitFor()
  await page.locator('[data-test=team-new]').click()
  const teamDialog = page.locator('[data-test=team-dialog]')
  await teamDialog.locator('[data-test=team-name]').fill(teamName)
  await teamDialog.locator('[data-test=team-kind]').getByText('专业队伍').click()
  await teamDialog.locator('[data-test=team-leader]').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: '王建国' }).click()
  await teamDialog.locator('[data-test=team-save]').click()
  await page.getByText('队伍已成立').waitFor()
  const teamRow = page.locator('[data-test=teams-table] tbody tr', { hasText: teamName })
  await teamRow.getByText('王*').waitFor()
  const teamId = (await gql('query($u: ID!, $s: String) { teams(orgUnitId: $u, search: $s) { edges { node { id } } } }',
    { u: station.id, s: teamName }, admin.accessToken)).teams.edges[0].node.id
  await gql('mutation($t: ID!) { requestToJoinTeam(teamId: $t, message: "我会电工") { id } }', { t: teamId }, member.accessToken)
  // Searching by name finds it; a name that no team has lists none.
  await page.locator('[data-test=team-search]').fill('没有这个队')
  await page.locator('[data-test=team-search-go]').click()
  await page.locator('[data-test=teams-table]').getByText('没有队伍').waitFor()
  await page.locator('[data-test=team-search]').fill(run)
  await page.locator('[data-test=team-search-go]').click()
  await teamRow.locator('[data-test=team-open]').click()
  const drawer = page.locator('[data-test=team-drawer]')
  await drawer.locator('[data-test=members-table]').getByText('队长').waitFor()
  await drawer.getByRole('tab', { name: '入队申请' }).click()
  const requestRow = drawer.locator('[data-test=requests-table] tbody tr', { hasText: '李*' })
  await requestRow.getByText('我会电工').waitFor()
  await settled()
  await page.screenshot({ path: path.join(SHOTS, '24-team-requests.png') })
  await requestRow.locator('[data-test=approve-join]').click()
  await page.getByText('已批准').waitFor()
  await drawer.locator('[data-test=requests-table]').getByText('没有待审核的申请').waitFor()
  await drawer.getByRole('tab', { name: '成员' }).click()
  await drawer.locator('[data-test=members-table]').getByText('李*').waitFor()
  await settled()
  await page.screenshot({ path: path.join(SHOTS, '25-team-members.png') })
  const team = (await gql('query($id: ID!) { team(id: $id) { memberCount leader { userId } } }', { id: teamId }, admin.accessToken)).team
  assert(team.memberCount === 2 && team.leader.userId === leader.user.id, `the team has its leader and the approved member: ${JSON.stringify(team)}`)
  await page.keyboard.press('Escape')
  await drawer.waitFor({ state: 'hidden' })
  await teamRow.locator('td', { hasText: /^2$/ }).waitFor() // the list shows the new member count
  await settled()
  await page.screenshot({ path: path.join(SHOTS, '26-teams.png') })

  // --- 培训记录: both wait for training; one is trained; the lists follow.
  step('training: record')
  await page.goto(`${BASE}/console/people/training`)
  const trainingTable = page.locator('[data-test=training-table]')
  const waiting = trainingTable.locator('tbody tr', { hasText: '李秀英' })
  await waiting.waitFor()
  await trainingTable.locator('tbody tr', { hasText: '王建国' }).waitFor()
  await waiting.locator('[data-test=record-training]').click()
  const trainingDialog = page.locator('[data-test=training-dialog]')
  await trainingDialog.locator('[data-test=training-course]').fill('应急救护培训')
  await trainingDialog.locator('[data-test=training-save]').click()
  await page.getByText('已登记 李秀英 的培训').waitFor()
  await waiting.waitFor({ state: 'detached' })
  await page.locator('[data-test=training-filter]').getByText('已培训').click()
  const trainedRow = trainingTable.locator('tbody tr', { hasText: '李秀英' })
  await trainedRow.getByText('应急救护培训').waitFor()
  assert(!(await trainingTable.getByText('王建国').isVisible()), 'the untrained volunteer is not listed as trained')
  await settled()
  await page.screenshot({ path: path.join(SHOTS, '27-training.png') })
  const trained = (await gql('{ myVolunteer { trained trainings { course } } }', {}, member.accessToken)).myVolunteer
  assert(trained.trained && trained.trainings[0].course === '应急救护培训', `the training is recorded: ${JSON.stringify(trained)}`)

  // --- 文明单位结对: registered at the station, paired with it, then the pairing ended.
  step('pairings: register, pair, unpair')
  const civilizedName = `宜兴农商行测试支行${run}`
  await page.goto(`${BASE}/console/people/pairings`)
  await page.locator('[data-test=pairings-table]').getByText('还没有登记文明单位').waitFor()
  await page.locator('[data-test=civilized-new]').click()
  const civilizedDialog = page.locator('[data-test=civilized-dialog]')
  await civilizedDialog.locator('[data-test=civilized-name]').fill(civilizedName)
  await civilizedDialog.locator('[data-test=civilized-contact]').fill('周经理')
  await civilizedDialog.locator('[data-test=civilized-phone]').fill('0510-87990000')
  await civilizedDialog.locator('[data-test=civilized-save]').click()
  await page.getByText('已登记').first().waitFor()
  const civilizedRow = page.locator('[data-test=pairings-table] tbody tr', { hasText: civilizedName })
  await civilizedRow.getByText('未结对').waitFor()
  await civilizedRow.locator('[data-test=pair-open]').click()
  const pairDialog = page.locator('[data-test=pair-dialog]')
  await pairDialog.locator('[data-test=pair-unit]').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: stationName }).click()
  await pairDialog.locator('[data-test=pair-save]').click()
  await page.getByText(`已与 ${stationName} 结对`).waitFor()
  await civilizedRow.locator('[data-test=paired-unit]', { hasText: stationName }).waitFor()
  await settled()
  await page.screenshot({ path: path.join(SHOTS, '28-pairings.png') })
  const paired = (await gql('query($id: ID!) { orgUnit(id: $id) { pairedUnits { name } } }', { id: station.id }, admin.accessToken)).orgUnit.pairedUnits
  assert(paired.some((u) => u.name === civilizedName), `the station is paired: ${JSON.stringify(paired)}`)
  await civilizedRow.locator('[data-test=paired-unit] .el-tag__close').click()
  // Ending a pairing asks for the reason; the pairing stays in the unit's history with it.
  await page.locator('.el-message-box input').fill('共建协议到期')
  await page.locator('.el-message-box').getByRole('button', { name: '解除' }).click()
  await page.getByText('已解除结对').waitFor()
  await civilizedRow.getByText('未结对').waitFor()
  await civilizedRow.locator('[data-test=pair-history]').click()
  await page.locator('[data-test=pair-end-reason]', { hasText: '共建协议到期' }).waitFor()
  await settled()
  await page.screenshot({ path: path.join(SHOTS, '28b-pairing-history.png') })
  await page.keyboard.press('Escape')
  await page.locator('[data-test=pair-end-reason]').waitFor({ state: 'hidden' })
  const unpaired = (await gql('query($id: ID!) { orgUnit(id: $id) { pairedUnits { name } } }', { id: station.id }, admin.accessToken)).orgUnit.pairedUnits
  assert(unpaired.length === 0, `the pairing ended: ${JSON.stringify(unpaired)}`)

  assert(pageErrors.length === 0, `no script errors on the page: ${pageErrors.join('; ')}`)
  step(`people and organisation passed in ${Math.round((Date.now() - started) / 1000)} s; screenshots in ${SHOTS}`)
} finally {
  await browser.close()
}
