// 礼遇嘉许 in a real browser (Debian's chromium driven by playwright-core) against a backend in the
// `local` profile, signed in with the local developer shortcut as the demo center admin, the demo
// center as the working unit: a 4★ rule created through the form and listed, 优秀志愿者 proposed for
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
  await page.locator('[data-test=rule-name]', { hasText: ruleName }).waitFor()
  await settled()
  await page.screenshot({ path: path.join(SHOTS, '62-recognition-rules.png') })
  const rule = (await gql('query($u: ID!) { recognitionRules(orgUnitId: $u) { name trigger threshold bonusPoints honourTitle active } }',
    { u: centerId }, admin.accessToken)).recognitionRules.find((r) => r.name === ruleName)
  assert(rule && rule.trigger === 'STAR_LEVEL' && rule.threshold === 4 && rule.bonusPoints === 500 && rule.honourTitle === '四星志愿者' && rule.active,
    `rule as entered: ${JSON.stringify(rule)}`)

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
