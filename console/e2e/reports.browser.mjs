// 工作报告 in a real browser (Debian's chromium driven by playwright-core) against a backend in the
// `local` profile, signed in with the local developer shortcut as the demo center admin: 东珠社区
// drafts a weekly report for a week it has not reported yet, writes a highlight, sends it (报送),
// opens it as the printable page; then its 所 sees it under 下级报告 with the stations that have not
// reported. The report is read back through the API. Screenshots go to SCREENSHOT_DIR.
// Run by ConsoleBrowserTest through scripts/maven-test.sh.
import path from 'node:path'
import { chromium } from 'playwright-core'
import { BASE, SHOTS, CHROMIUM, gql, login, assert, demoCenter } from './support.mjs'
import { defaultPeriod } from '../src/views/results/reports.js'

const step = (text) => console.log(`[reports] ${text}`)
const started = Date.now()
const run = Date.now().toString(36)

step('arranging through the API')
const admin = await login('admin')
const { station } = await demoCenter(admin)
const parent = (await gql('query($id: ID!) { orgUnit(id: $id) { parent { id name } } }', { id: station.id }, admin.accessToken)).orgUnit.parent
const own = (await gql('query($u: ID!) { workReports(orgUnitId: $u, kind: WEEKLY) { period } }', { u: station.id }, admin.accessToken)).workReports
// A week this station has not reported yet (the local database outlives a run).
let period = null
for (let offset = 1; offset < 200 && !period; offset++) {
  const candidate = defaultPeriod('WEEKLY', new Date(), offset)
  if (!own.some((r) => r.period === candidate)) period = candidate
}
assert(period, 'a week without a report')
const highlight = `组织邻里守望，服务群众 ${run}`

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
})
let page = null
try {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  await context.addInitScript(({ unit }) => { if (!localStorage.getItem('wenming.console.unit.set')) localStorage.setItem('wenming.console.unit', unit) }, { unit: station.id })
  page = await context.newPage()
  const pageErrors = []
  page.on('pageerror', (e) => pageErrors.push(e.message))
  const settled = async () => {
    await page.locator('.el-loading-mask').first().waitFor({ state: 'detached' }).catch(() => {})
    await page.waitForTimeout(300)
  }

  step(`draft the weekly report of ${period}`)
  await page.goto(`${BASE}/console/results/reports?dev=admin`)
  await page.waitForURL(/\/console\/results\/reports$/)
  await page.locator('[data-test=report-period]').fill(period)
  await page.locator('[data-test=draft-report]').click()
  await page.locator('[data-test=report-status]', { hasText: '草稿' }).waitFor()
  await page.locator('[data-test=report-highlights]').fill(highlight)
  await page.locator('[data-test=save-highlights]').click()
  await page.getByText('亮点已保存').first().waitFor()
  await settled()
  await page.screenshot({ path: path.join(SHOTS, '51-report-draft.png'), fullPage: true })

  step('send it to the level above')
  await page.locator('[data-test=publish-report]').click()
  await page.locator('.el-message-box').getByRole('button', { name: /确定|OK/ }).click()
  await page.locator('[data-test=report-status]', { hasText: '已报送' }).waitFor()
  await page.locator('[data-test=own-reports]').getByText(period).first().waitFor()
  await settled()
  await page.screenshot({ path: path.join(SHOTS, '52-report-published.png'), fullPage: true })
  const sent = (await gql('query($u: ID!) { workReports(orgUnitId: $u, kind: WEEKLY) { id period status highlights } }', { u: station.id }, admin.accessToken))
    .workReports.find((r) => r.period === period)
  assert(sent && sent.status === 'PUBLISHED' && sent.highlights === highlight, `published as entered: ${JSON.stringify(sent)}`)

  step('the printable page')
  const [print] = await Promise.all([context.waitForEvent('page'), page.locator('[data-test=print-report]').click()])
  await print.locator('[data-test=report-print-title]').waitFor()
  await print.locator('[data-test=report-print-highlights]', { hasText: highlight }).waitFor()
  await print.emulateMedia({ media: 'print' })
  await print.screenshot({ path: path.join(SHOTS, '53-report-print.png'), fullPage: true })
  assert(!(await print.locator('[data-test=print-button]').isVisible()), 'the print button is hidden in print')
  await print.close()

  step(`the 所 (${parent.name}) sees it under 下级报告`)
  await page.evaluate((unit) => { localStorage.setItem('wenming.console.unit.set', '1'); localStorage.setItem('wenming.console.unit', unit) }, parent.id)
  await page.goto(`${BASE}/console/results/reports`)
  await page.getByRole('tab', { name: '下级报告', exact: true }).click()
  await page.locator('[data-test=received-period]').fill(period)
  await page.locator('[data-test=load-received]').click()
  await page.locator(`[data-test=open-report-${station.id}]`).waitFor()
  await page.locator('[data-test=missing-units]').waitFor()
  await settled()
  await page.screenshot({ path: path.join(SHOTS, '54-reports-received.png'), fullPage: true })

  assert(pageErrors.length === 0, `no errors in the page: ${pageErrors.join('; ')}`)
  step(`reports passed in ${Math.round((Date.now() - started) / 1000)} s; screenshots in ${SHOTS}`)
} catch (e) {
  if (page) await page.screenshot({ path: path.join(SHOTS, '59-reports-failure.png') }).catch(() => {})
  throw e
} finally {
  await browser.close()
}
