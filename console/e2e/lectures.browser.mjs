// 理论宣讲 in a real browser (Debian's chromium driven by playwright-core) against a backend in the
// `local` profile, signed in with the local developer shortcut as the demo center admin, 东珠社区 as
// the working unit: a volunteer registered as a 宣讲员 through the form, a 宣讲团 formed, a lecture
// recorded through the form with that lecturer and group, and the month's assessment count showing
// it; the lecture read back through the API. Screenshots go to SCREENSHOT_DIR.
// Run by ConsoleBrowserTest through scripts/maven-test.sh.
import path from 'node:path'
import { chromium } from 'playwright-core'
import { BASE, SHOTS, CHROMIUM, gql, login, assert, demoCenter } from './support.mjs'

const step = (text) => console.log(`[lectures] ${text}`)
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
const { station } = await demoCenter(admin)
const lecturerName = '陈宣讲'
const person = await login(`lecturer-${run}`)
const volunteerId = (await gql('mutation($i: RegisterVolunteerInput!) { registerVolunteer(input: $i) { id } }',
  { i: { realName: lecturerName, idNumber: idNumber(), homeStationId: station.id } }, person.accessToken)).registerVolunteer.id

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
})
let page = null
try {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  await context.addInitScript(({ unit }) => localStorage.setItem('wenming.console.unit', unit), { unit: station.id })
  page = await context.newPage()
  const pageErrors = []
  page.on('pageerror', (e) => pageErrors.push(e.message))
  const settled = async () => {
    await page.locator('.el-loading-mask').first().waitFor({ state: 'detached' }).catch(() => {})
    await page.waitForTimeout(300)
  }

  step('registry: register a lecturer')
  await page.goto(`${BASE}/console/lectures?dev=admin`)
  await page.waitForURL(/\/console\/lectures$/)
  await page.getByRole('tab', { name: '宣讲员', exact: true }).click()
  await page.locator('[data-test=new-lecturer]').click()
  await page.locator('[data-test=lecturer-form-volunteer]').fill(volunteerId)
  await page.locator('[data-test=lecturer-form-topics]').fill(`党的二十大精神、乡村振兴${run}`)
  await page.locator('[data-test=lecturer-form-save]').click()
  await page.locator('[data-test=lecturer-name]', { hasText: lecturerName }).first().waitFor()
  await settled()
  await page.screenshot({ path: path.join(SHOTS, '41-lecturers.png') })

  step('registry: form a 宣讲团')
  const groupName = `百姓名嘴宣讲团 ${run}`
  await page.getByRole('tab', { name: '宣讲团', exact: true }).click()
  await page.locator('[data-test=new-group]').click()
  await page.locator('[data-test=group-form-name]').fill(groupName)
  await page.locator('[data-test=group-form-save]').click()
  await page.locator('[data-test=group-name]', { hasText: groupName }).waitFor()

  step('lectures: record one through the form')
  const topic = `党的二十大精神进万家 ${run}`
  await page.getByRole('tab', { name: '宣讲记录', exact: true }).click()
  await page.locator('[data-test=new-lecture]').click()
  await page.locator('[data-test=lecture-form-topic]').fill(topic)
  await page.locator('[data-test=lecture-form-place]').fill('东珠社区说事大院')
  await page.locator('[data-test=lecture-form-audience] input').fill('38')
  await page.locator('[data-test=lecture-form-lecturers]').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: `乡村振兴${run}` }).first().click()
  await page.keyboard.press('Escape')
  await page.locator('[data-test=lecture-form-group]').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: groupName }).first().click()
  await settled()
  await page.screenshot({ path: path.join(SHOTS, '42-lecture-form.png') })
  await page.locator('[data-test=lecture-form-save]').click()
  await page.locator('[data-test=lecture-topic]', { hasText: topic }).waitFor()
  await settled()
  await page.screenshot({ path: path.join(SHOTS, '43-lectures.png') })
  const recorded = (await gql('query($u: ID!) { lectures(orgUnitId: $u, first: 100) { edges { node { topic audience speakers { volunteerId } group { name } } } } }',
    { u: station.id }, admin.accessToken)).lectures.edges.map((e) => e.node).find((l) => l.topic === topic)
  assert(recorded && recorded.audience === 38 && recorded.speakers[0].volunteerId === volunteerId && recorded.group.name === groupName, `recorded as entered: ${JSON.stringify(recorded)}`)

  step('assessment count: the month lists it')
  await page.getByRole('tab', { name: '考核计数', exact: true }).click()
  await page.locator('[data-test=assessed-table]').getByText(topic).waitFor()
  await settled()
  await page.screenshot({ path: path.join(SHOTS, '44-lectures-assessed.png') })

  assert(pageErrors.length === 0, `no errors in the page: ${pageErrors.join('; ')}`)
  step(`lectures passed in ${Math.round((Date.now() - started) / 1000)} s; screenshots in ${SHOTS}`)
} catch (e) {
  if (page) await page.screenshot({ path: path.join(SHOTS, '49-lectures-failure.png') }).catch(() => {})
  throw e
} finally {
  await browser.close()
}
