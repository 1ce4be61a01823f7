// 礼遇嘉许 in a real browser (Debian's chromium driven by playwright-core) against a backend in the
// `local` profile, signed in with the local developer shortcut as the demo center admin, the demo
// center as the working unit: a 4★ rule created through the form and listed as 待审核 — its creator is
// offered 撤回, never 批准 — then approved by a second center admin of the same center in a browser of
// their own (four eyes) and shown as 已生效 with the approver in its trail, 优秀志愿者 proposed for
// the year, and a team of 东珠社区 certified 4★ through the form, its stars shown and read back through
// the API with the trail. Screenshots go to SCREENSHOT_DIR. Run by ConsoleBrowserTest through
// scripts/maven-test.sh.
import path from 'node:path'
import { chromium } from 'playwright-core'
import { BASE, SHOTS, CHROMIUM, gql, login, assert, demoCenter } from './support.mjs'

const step = (text) => console.log(`[recognition] ${text}`)
const started = Date.now()
const run = Date.now().toString(36)

function idNumber() {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const first17 = `320282${1960 + Math.floor(Math.random() * 40)}0${1 + Math.floor(Math.random() * 9)}1${Math.floor(Math.random() * 9)}${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * weights[i], 0)
  return first17 + '10X98765432'[sum % 11]
}

step('arranging through the API')
const admin = await login('admin')
const { centerId, station } = await demoCenter(admin)
// The second pair of eyes: a center admin of the same center made for this run, signed in by the
// developer shortcut with its own code.
const approverCode = `recognition-approver-${run}`
const approver = await login(approverCode)
await gql('mutation($i: GrantRoleInput!) { grantRole(input: $i) { role } }',
  { i: { userId: approver.user.id, role: 'CENTER_ADMIN', orgUnitId: centerId } }, admin.accessToken)
const approverName = `周审核-${run}`
await gql('mutation($n: String!) { setNickname(nickname: $n) { id } }', { n: approverName }, approver.accessToken)
const leader = await login(`recognition-leader-${run}`)
await gql('mutation($i: RegisterVolunteerInput!) { registerVolunteer(input: $i) { id } }',
  { i: { realName: '孙队长', idNumber: idNumber(), homeStationId: station.id } }, leader.accessToken)
const teamName = `长江保护队${run}`
const teamId = (await gql('mutation($i: CreateTeamInput!) { createTeam(input: $i) { id } }',
  { i: { orgUnitId: station.id, name: teamName, kind: 'SPECIALTY', leaderUserId: leader.user.id, skills: ['巡河'] } },
  admin.accessToken)).createTeam.id

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
})
let page = null
try {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  await context.addInitScript(({ unit }) => localStorage.setItem('wenming.console.unit', unit), { unit: centerId })
  page = await context.newPage()
  const pageErrors = []
  page.on('pageerror', (e) => pageErrors.push(e.message))
  const settled = async () => {
    await page.locator('.el-loading-mask').first().waitFor({ state: 'detached' }).catch(() => {})
    await page.waitForTimeout(300)
  }

  step('rules: a 4★ rule through the form')
  const ruleName = `四星礼遇 ${run}`
  await page.goto(`${BASE}/console/recognition?dev=admin`)
  await page.waitForURL(/\/console\/recognition$/)
  await page.locator('[data-test=new-rule]').click()
  await page.locator('[data-test=rule-form-name]').fill(ruleName)
  await page.locator('[data-test=rule-form-bonus] input').fill('500')
  await page.locator('[data-test=rule-form-title]').fill('四星志愿者')
  await settled()
  await page.screenshot({ path: path.join(SHOTS, '61-recognition-rule-form.png') })
  await page.locator('[data-test=rule-form-save]').click()
  const ownRow = page.locator('[data-test=rule-table] tbody tr', { hasText: ruleName })
  await ownRow.waitFor()
  await settled()
  await page.screenshot({ path: path.join(SHOTS, '62-recognition-rules.png') })
  const ruleQuery = 'query($u: ID!) { recognitionRules(orgUnitId: $u) { id name trigger threshold bonusPoints honourTitle status active decidedById decidedByName } }'
  const rule = (await gql(ruleQuery, { u: centerId }, admin.accessToken)).recognitionRules.find((r) => r.name === ruleName)
  assert(rule && rule.trigger === 'STAR_LEVEL' && rule.threshold === 4 && rule.bonusPoints === 500 && rule.honourTitle === '四星志愿者'
    && rule.status === 'PENDING' && !rule.active, `rule as entered, pending: ${JSON.stringify(rule)}`)
  // Its creator: 待审核, 撤回 and the note, no 批准 or 驳回.
  assert(await ownRow.locator('[data-test=rule-status]').innerText() === '待审核', 'the new rule shows 待审核')
  await ownRow.locator('[data-test=rule-own-note]').waitFor()
  assert(await ownRow.locator('[data-test=rule-withdraw]').count() === 1, 'its creator may withdraw it')
  assert(await ownRow.locator('[data-test=rule-approve], [data-test=rule-reject]').count() === 0, 'its creator is offered no 批准 / 驳回')

  step('rules: a second center admin approves it in their own browser')
  const approverContext = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  await approverContext.addInitScript(({ unit }) => localStorage.setItem('wenming.console.unit', unit), { unit: centerId })
  const approverPage = await approverContext.newPage()
  approverPage.on('pageerror', (e) => pageErrors.push(e.message))
  await approverPage.goto(`${BASE}/console/recognition?dev=${approverCode}`)
  await approverPage.waitForURL(/\/console\/recognition$/)
  const otherRow = approverPage.locator('[data-test=rule-table] tbody tr', { hasText: ruleName })
  await otherRow.waitFor()
  assert(await otherRow.locator('[data-test=rule-withdraw]').count() === 0, 'another admin is offered no 撤回')
  await otherRow.locator('[data-test=rule-reject]').waitFor()
  await otherRow.locator('[data-test=rule-approve]').click()
  await approverPage.locator('.el-popconfirm__action .el-button--primary:visible').click()
  await approverPage.locator('.el-message', { hasText: '已批准' }).waitFor()
  await otherRow.locator('[data-test=rule-status]', { hasText: '已生效' }).waitFor()
  await otherRow.locator('[data-test=rule-trail]', { hasText: `${approverName} 批准` }).waitFor()
  await approverPage.locator('.el-loading-mask').first().waitFor({ state: 'detached' }).catch(() => {})
  await approverPage.waitForTimeout(300)
  await approverPage.screenshot({ path: path.join(SHOTS, '62b-recognition-rule-approved.png') })
  await approverContext.close()
  const approved = (await gql(ruleQuery, { u: centerId }, admin.accessToken)).recognitionRules.find((r) => r.name === ruleName)
  assert(approved.status === 'ACTIVE' && approved.active && approved.decidedById === approver.user.id && approved.decidedByName === approverName,
    `approved by the second admin: ${JSON.stringify(approved)}`)
  // The creator's screen, reloaded: 已生效, 停用 offered.
  await page.reload()
  await ownRow.locator('[data-test=rule-status]', { hasText: '已生效' }).waitFor()
  await ownRow.locator('[data-test=rule-disable]').waitFor()

  step('优秀志愿者: propose for the year')
  await page.getByRole('tab', { name: '优秀志愿者', exact: true }).click()
  await page.locator('[data-test=propose]').click()
  await page.locator('.el-message', { hasText: '新增候选人' }).waitFor()
  await settled()
  await page.screenshot({ path: path.join(SHOTS, '63-recognition-outstanding.png') })

  step('team stars: certify a team through the form')
  await page.getByRole('tab', { name: '队伍星级认证', exact: true }).click()
  await page.locator('[data-test=team-search]').fill(teamName)
  await page.locator('[data-test=team-search]').press('Enter')
  // The team is on the unfiltered first page too: its own row's button, not the first row's (which
  // may still be another team, one the center admin belongs to, while the search is loading).
  const teamRow = page.locator('[data-test=certified-team-table] tr', { has: page.locator('[data-test=team-name]', { hasText: teamName }) })
  await teamRow.waitFor()
  await teamRow.locator('[data-test=certify]').click()
  await page.locator('[data-test=certify-form-stars] .el-rate__item').nth(3).click()
  await page.locator('[data-test=certify-form-reason]').fill('年度巡河服务时长达标，获评优秀队伍')
  await settled()
  await page.screenshot({ path: path.join(SHOTS, '64-recognition-certify-form.png') })
  await page.locator('[data-test=certify-form-save]').click()
  await page.locator('[data-test=certified-team-table] .el-rate').first().waitFor()
  await settled()
  await page.screenshot({ path: path.join(SHOTS, '65-recognition-teams.png') })
  const team = (await gql('query($t: ID!) { team(id: $t) { certifiedStars } teamCertifications(teamId: $t) { stars reason } }',
    { t: teamId }, admin.accessToken))
  assert(team.team.certifiedStars === 4 && team.teamCertifications.length === 1 && team.teamCertifications[0].reason.startsWith('年度巡河'),
    `certified as entered: ${JSON.stringify(team)}`)

  assert(pageErrors.length === 0, `no errors in the page: ${pageErrors.join('; ')}`)
  step(`recognition passed in ${Math.round((Date.now() - started) / 1000)} s; screenshots in ${SHOTS}`)
} catch (e) {
  if (page) await page.screenshot({ path: path.join(SHOTS, '69-recognition-failure.png') }).catch(() => {})
  throw e
} finally {
  await browser.close()
}
