// The correction screens in a real browser (Debian's chromium driven by playwright-core) against a
// backend in the `local` profile, signed in with the local developer shortcut as the demo center
// admin: confirmed activity hours revoked with a reason on the roster; points adjusted from the
// volunteer list, where her revoked hours are listed too — the first response lost on the way back and the form sent again, then a double
// click — each recorded once (the ledger read back through the API), the admin named by the name
// they set in the header; an entry reversed; honor hours
// recorded (补录) and the API's refusal of the recorder approving them shown; a withdrawn reward
// found by name; the redemption list naming who redeemed. Screenshots go to SCREENSHOT_DIR.
// Run by ConsoleBrowserTest through scripts/maven-test.sh.
import path from 'node:path'
import { chromium } from 'playwright-core'
import { BASE, SHOTS, CHROMIUM, gql, login, assert, demoCenter } from './support.mjs'

const step = (text) => console.log(`[corrections] ${text}`)
const started = Date.now()
const run = Date.now().toString(36)

/** A valid resident ID number (ISO 7064 MOD 11-2 check character), unique enough per run. */
function idNumber() {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const first17 = `320282${1960 + Math.floor(Math.random() * 40)}0${1 + Math.floor(Math.random() * 9)}1${Math.floor(Math.random() * 9)}${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * weights[i], 0)
  return first17 + '10X98765432'[sum % 11]
}

// --- Arrange through the API: a new volunteer of 东珠社区 with confirmed hours on an activity, a
// withdrawn reward, and an order of another reward.
step('arranging through the API')
const admin = await login('admin')
const { centerId, station } = await demoCenter(admin)
const volunteerName = '周晓梅'
const person = await login(`corrections-${run}`)
const personIdNumber = idNumber()
const volunteerId = (await gql('mutation($i: RegisterVolunteerInput!) { registerVolunteer(input: $i) { id } }',
  { i: { realName: volunteerName, idNumber: personIdNumber, homeStationId: station.id } }, person.accessToken)).registerVolunteer.id

const projectName = `更正测试项目 ${run}`
await gql('mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }',
  { i: { orgUnitId: centerId, name: projectName, category: 'CULTURE', description: '控制台更正测试' } }, admin.accessToken)
const projectId = (await gql('query($u: ID!) { projects(orgUnitId: $u, first: 100) { edges { node { id name } } } }', { u: centerId }, admin.accessToken))
  .projects.edges.map((e) => e.node).find((p) => p.name === projectName).id
const soon = new Date(Date.now() + 10 * 60000)
const site = { latitude: 31.3668, longitude: 119.8151 }
const activityId = (await gql('mutation($i: CreateActivityInput!) { createActivity(input: $i) { id } }', {
  i: { projectId, title: `文明劝导 ${run}`, startsAt: soon.toISOString(), endsAt: new Date(soon.getTime() + 2 * 3600000).toISOString(),
    address: '东珠社区党群服务中心', ...site, capacity: 10 },
}, admin.accessToken)).createActivity.id
await gql('mutation($id: ID!) { publishActivity(id: $id) { id } }', { id: activityId }, admin.accessToken)
const signUpId = (await gql('mutation($a: ID!) { signUp(activityId: $a, source: "console_test") { id } }', { a: activityId }, person.accessToken)).signUp.id
await gql('mutation($id: ID!) { startActivity(id: $id) { id } }', { id: activityId }, admin.accessToken)
const token = (await gql('query($a: ID!) { activityCheckInCode(activityId: $a) { token } }', { a: activityId }, admin.accessToken)).activityCheckInCode.token
await gql('mutation($a: ID!, $t: String!, $la: Float!, $lo: Float!) { checkIn(activityId: $a, token: $t, latitude: $la, longitude: $lo) { id } }',
  { a: activityId, t: token, ...{ la: site.latitude, lo: site.longitude } }, person.accessToken)
await gql('mutation($s: ID!) { adjustHours(signUpId: $s, hours: 1.5, reason: "按现场记录补签退") { id } }', { s: signUpId }, admin.accessToken)
await gql('mutation($a: ID!, $s: [ID!]!) { confirmHours(activityId: $a, signUpIds: $s) { id } }', { a: activityId, s: [signUpId] }, admin.accessToken)

const createReward = async (name) => (await gql('mutation($i: CreateRewardInput!) { createReward(input: $i) { id } }',
  { i: { stationId: station.id, name, kind: 'GOODS', pricePoints: 5, stock: 20, perPersonLimit: 5 } }, admin.accessToken)).createReward.id
const withdrawnName = `旧款保温杯 ${run}`
await gql('mutation($r: ID!) { withdrawReward(rewardId: $r) { id } }', { r: await createReward(withdrawnName) }, admin.accessToken)
const onSale = await createReward(`环保袋 ${run}`)

/** The volunteer's ledger as the admin reads it. */
const ledger = async () => (await gql('query($u: ID!) { pointsOf(userId: $u) { balance entries(first: 50) { edges { node { id delta type reason reversed } } } } }',
  { u: person.user.id }, admin.accessToken)).pointsOf

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
})
let page = null
try {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  // The station as the working unit: its volunteers, honor hours and store.
  await context.addInitScript(({ unit, store }) => {
    localStorage.setItem('wenming.console.unit', unit)
    localStorage.setItem('wenming.console.store', store)
  }, { unit: station.id, store: station.id })
  page = await context.newPage()
  const pageErrors = []
  page.on('pageerror', (e) => pageErrors.push(e.message))
  const settled = async () => {
    await page.locator('.el-loading-mask').first().waitFor({ state: 'detached' }).catch(() => {})
    await page.waitForTimeout(300)
  }
  const messageBox = page.locator('.el-message-box')

  // --- 撤销时长 on the roster.
  step('roster: revoke confirmed hours')
  await page.goto(`${BASE}/console/activities/${activityId}/roster?dev=admin`)
  await page.waitForURL(/\/roster$/)
  const rosterRow = page.locator('[data-test=roster-table] tbody tr').first()
  await rosterRow.locator('[data-test=hours-confirmed]').waitFor()
  await rosterRow.locator('[data-test=revoke-hours]').click()
  await messageBox.getByRole('button', { name: '撤销' }).click()
  await messageBox.getByText('请填写原因（志愿者可见）').waitFor() // checked before sending
  await messageBox.locator('input').fill('经核实当天未到岗，系误登记')
  await messageBox.getByRole('button', { name: '撤销' }).click()
  await rosterRow.locator('[data-test=revoke-reason]', { hasText: '经核实当天未到岗，系误登记' }).waitFor()
  await rosterRow.getByText('已撤销').waitFor()
  await settled()
  await page.screenshot({ path: path.join(SHOTS, '31-roster-hours-revoked.png') })
  const signUp = (await gql('query($a: ID!) { activitySignUps(activityId: $a, first: 5) { edges { node { id hoursRevoked hoursRevokeReason } } } }', { a: activityId }, admin.accessToken))
    .activitySignUps.edges[0].node
  assert(signUp.hoursRevoked && signUp.hoursRevokeReason === '经核实当天未到岗，系误登记', `revoked with its reason: ${JSON.stringify(signUp)}`)

  // --- The admin names themself (else others see 「用户 id」 in their records).
  step('header: the admin sets the name others see')
  const staffName = '宜兴中心 王主任'
  await page.locator('[data-test=nickname]').click()
  await messageBox.locator('input').fill(staffName)
  await messageBox.getByRole('button', { name: '保存' }).click()
  await page.locator('[data-test=nickname]', { hasText: staffName }).waitFor()

  // --- 积分: find the volunteer in the list (paging on), open the drawer.
  step('volunteers: points drawer')
  await page.goto(`${BASE}/console/people/volunteers`)
  // Her row: her name and the last digits of her (masked) ID number, as a clerk tells two 周晓梅 apart.
  const volunteerRow = page.locator('[data-test=volunteers-table] tbody tr', { hasText: `**${personIdNumber.slice(-4)}` })
    .filter({ has: page.locator('[data-test=volunteer-name]', { hasText: volunteerName }) })
  await page.locator('[data-test=volunteers-table] tbody tr').first().waitFor()
  for (let i = 0; i < 50 && !(await volunteerRow.count()); i++) {
    await settled()
    if (await volunteerRow.count()) break
    assert(await page.locator('[data-test=next-page]').isEnabled(), `${volunteerName} is in the station's volunteer list`)
    await page.locator('[data-test=next-page]').click()
  }
  // Her revoked hours, as the admin reads them beside her record: how many, where, why, by whom.
  step('volunteers: revoked hours')
  await volunteerRow.first().locator('[data-test=open-revocations]').click()
  const revocations = page.locator('[data-test=revocations]')
  await revocations.locator('[data-test=revocation-reason]', { hasText: '经核实当天未到岗，系误登记' }).waitFor()
  assert((await revocations.locator('[data-test=revocation-hours]').first().textContent()).trim() === '1.5 小时', 'the revoked 1.5 hours')
  assert((await revocations.locator('[data-test=revocation-by]').first().textContent()).trim() === staffName, `revoked by ${staffName}`)
  await settled()
  await page.screenshot({ path: path.join(SHOTS, '31b-volunteer-revocations.png') })
  await page.keyboard.press('Escape')
  await revocations.waitFor({ state: 'hidden' })

  await volunteerRow.first().locator('[data-test=open-points]').click()
  const drawer = page.locator('.el-drawer', { has: page.locator('[data-test=points-summary]') })
  await drawer.locator('[data-test=points-balance]').waitFor()

  // The first response is lost on its way back (the server did record it); the admin sends the same form again.
  step('points: adjust, response lost, sent again → one entry')
  const lostReason = `社区值守补记 ${run}`
  let lost = false
  await page.route('**/graphql', async (route) => {
    if (!lost && (route.request().postData() || '').includes('mutation AdjustPoints')) {
      lost = true
      await route.fetch() // reaches the server…
      return route.abort('connectionreset') // …the answer never reaches the browser
    }
    return route.continue()
  })
  await drawer.locator('[data-test=adjust-points-delta] input').fill('30')
  await drawer.locator('[data-test=adjust-points-reason]').fill(lostReason)
  await drawer.locator('[data-test=adjust-points-save]').click()
  await drawer.locator('[data-test=points-refusal]', { hasText: '网络不可用' }).waitFor()
  await settled()
  await page.screenshot({ path: path.join(SHOTS, '32-points-response-lost.png') })
  await drawer.locator('[data-test=adjust-points-save]').click()
  await drawer.locator('[data-test=entry-reason]', { hasText: lostReason }).waitFor()
  await page.unroute('**/graphql')
  let entries = (await ledger()).entries.edges.map((e) => e.node)
  assert(entries.filter((e) => e.reason === lostReason).length === 1, `one entry after the resend: ${JSON.stringify(entries)}`)

  step('points: double click → one entry')
  const doubleReason = `敬老院活动奖励 ${run}`
  await drawer.locator('[data-test=adjust-points-delta] input').fill('12')
  await drawer.locator('[data-test=adjust-points-reason]').fill(doubleReason)
  // Two clicks in one task, before the button can show it is busy.
  await drawer.locator('[data-test=adjust-points-save]').evaluate((button) => {
    button.click()
    button.click()
  })
  await drawer.locator('[data-test=entry-reason]', { hasText: doubleReason }).waitFor()
  // And a mouse double click.
  const mouseReason = `文明劝导奖励 ${run}`
  await drawer.locator('[data-test=adjust-points-delta] input').fill('8')
  await drawer.locator('[data-test=adjust-points-reason]').fill(mouseReason)
  await drawer.locator('[data-test=adjust-points-save]').dblclick()
  await drawer.locator('[data-test=entry-reason]', { hasText: mouseReason }).waitFor()
  await settled()
  entries = (await ledger()).entries.edges.map((e) => e.node)
  assert(entries.filter((e) => e.reason === doubleReason).length === 1, `one entry after two clicks in one task: ${JSON.stringify(entries)}`)
  assert(entries.filter((e) => e.reason === mouseReason).length === 1, `one entry after a double click: ${JSON.stringify(entries)}`)

  // Each entry names who made it: the admin by the name just set.
  await drawer.locator('[data-test=points-entries] tbody tr', { hasText: mouseReason }).getByText(staffName).waitFor()

  step('points: reverse an entry')
  const lostRow = drawer.locator('[data-test=points-entries] tbody tr', { has: page.locator('[data-test=entry-reason]', { hasText: lostReason }) })
  await lostRow.locator('[data-test=reverse-entry]').click()
  await messageBox.locator('input').fill('与活动时长重复计分')
  await messageBox.getByRole('button', { name: '冲正' }).click()
  await lostRow.locator('[data-test=entry-reversed]').waitFor()
  await settled()
  await page.screenshot({ path: path.join(SHOTS, '33-points-drawer.png') })
  const account = await ledger()
  const reversal = account.entries.edges.map((e) => e.node).find((e) => e.type === 'REVERSAL' && e.reason === '与活动时长重复计分')
  assert(reversal && reversal.delta === -30, `the reversal takes the 30 back: ${JSON.stringify(account)}`)
  await drawer.locator('.el-drawer__close-btn').click()

  // --- 补录荣誉时长, then the recorder trying to approve it: the API's four-eyes refusal is shown.
  step('honor hours: record, refused approval by the recorder')
  const honorReason = `防汛值守补录 ${run}`
  await volunteerRow.first().locator('[data-test=open-honor]').click()
  const dialog = page.locator('.el-dialog', { has: page.locator('[data-test=honor-reason]') })
  await dialog.locator('[data-test=honor-hours] input').fill('3.5')
  await dialog.locator('[data-test=honor-reason]').fill(honorReason)
  await page.screenshot({ path: path.join(SHOTS, '34-honor-hours-record.png') })
  await dialog.locator('[data-test=honor-save]').click()
  await page.getByText('已补录，待另一位管理员审批').waitFor()
  const records = (await gql('query($v: ID!) { honorHoursRecords(volunteerId: $v) { edges { node { status hours reason } } } }', { v: volunteerId }, admin.accessToken))
    .honorHoursRecords.edges.map((e) => e.node)
  assert(records.length === 1 && records[0].status === 'PENDING' && records[0].hours === 3.5 && records[0].reason === honorReason, `recorded, pending: ${JSON.stringify(records)}`)

  await page.goto(`${BASE}/console/people/honor-hours`)
  const honorRow = page.locator('[data-test=honor-table] tbody tr', { has: page.locator('[data-test=honor-reason]', { hasText: honorReason }) })
  await page.locator('[data-test=honor-table] tbody tr').first().waitFor()
  for (let i = 0; i < 50 && !(await honorRow.count()); i++) {
    await settled()
    if (await honorRow.count()) break
    assert(await page.locator('[data-test=next-page]').isEnabled(), 'the record waits for approval')
    await page.locator('[data-test=next-page]').click()
  }
  await honorRow.locator('[data-test=honor-volunteer]', { hasText: volunteerName }).waitFor()
  await honorRow.getByText('本人').waitFor()
  await honorRow.locator('[data-test=approve-honor]').click()
  await page.getByText('不能审批本人补录的记录').waitFor()
  await settled()
  await page.screenshot({ path: path.join(SHOTS, '35-honor-hours-own-refused.png') })
  const still = (await gql('query($v: ID!) { honorHoursRecords(volunteerId: $v) { edges { node { status } } } }', { v: volunteerId }, admin.accessToken))
    .honorHoursRecords.edges[0].node.status
  assert(still === 'PENDING', `the refused approval changed nothing: ${still}`)

  // --- 爱心超市: the withdrawn reward found by name; the order names who redeemed.
  step('store: find a withdrawn reward')
  await page.goto(`${BASE}/console/store/rewards`)
  await page.locator('[data-test=reward-table] tbody tr').first().waitFor()
  await page.locator('[data-test=reward-search]').fill(withdrawnName)
  await page.locator('[data-test=reward-table]').getByText('没有名称含此关键字的礼品').waitFor()
  await page.locator('[data-test=show-withdrawn]').click()
  const withdrawnRow = page.locator('[data-test=reward-table] tbody tr', { has: page.locator('[data-test=reward-name]', { hasText: withdrawnName }) })
  await withdrawnRow.locator('[data-test=reward-withdrawn]').waitFor()
  assert(await withdrawnRow.locator('[data-test=restock]').count() === 0, 'a withdrawn reward is not restocked')
  await settled()
  await page.screenshot({ path: path.join(SHOTS, '36-store-withdrawn-found.png') })

  step('store: who redeemed')
  await gql('mutation($r: ID!, $k: String!) { redeem(rewardId: $r, quantity: 1, idempotencyKey: $k) { id } }', { r: onSale, k: `corr-${run}` }, person.accessToken)
  await page.goto(`${BASE}/console/store/redemptions`)
  const orderRow = page.locator('[data-test=redemption-table] tbody tr', { has: page.locator('[data-test=redemption-reward]', { hasText: `环保袋 ${run}` }) })
  await orderRow.waitFor()
  // The center admin covers her station: her name in full.
  await orderRow.locator('[data-test=redemption-redeemer]', { hasText: volunteerName }).waitFor()
  await settled()
  await page.screenshot({ path: path.join(SHOTS, '37-store-redeemer.png') })

  assert(pageErrors.length === 0, `no errors in the page: ${pageErrors.join('; ')}`)
  step(`corrections passed in ${Math.round((Date.now() - started) / 1000)} s; screenshots in ${SHOTS}`)
} catch (e) {
  // What the screen showed when a step failed.
  if (page) await page.screenshot({ path: path.join(SHOTS, '39-corrections-failure.png') }).catch(() => {})
  throw e
} finally {
  await browser.close()
}
