// The admins' need screens in a real browser (Debian's chromium driven by playwright-core) against a
// backend in the `local` profile, signed in as the demo county's center admin with the local
// developer shortcut: the dispatch desk's 逾期升级 tab at the center (a need the deadline rules
// escalated to the 中心 is listed, one escalated only to its 所 is not; publishing it from the drawer
// takes it off the list) and at the 所 (the other one); a completed need's 受益群众 corrected in the
// need drawer with a reason, the trail shown; and 需求类别, as the demo city's admin (the dictionary is
// every county's, so the whole deployment's admins keep it): a category added, renamed, disabled
// (the confirmation says existing needs keep it; residents no longer get it) and enabled again.
// The two overdue needs are made by ConsoleBrowserTest (days cannot pass in this script), titled
// with NEEDS_ADMIN_RUN. Every result is read back through the API; a screenshot of each screen goes
// to SCREENSHOT_DIR. Run by ConsoleBrowserTest through scripts/maven-test.sh.
import path from 'node:path'
import { chromium } from 'playwright-core'
import { BASE, SHOTS, CHROMIUM, gql, login, assert, demoCenter } from './support.mjs'

const step = (text) => console.log(`[needs-admin] ${text}`)
const started = Date.now()
const run = Date.now().toString(36)
const overdueRun = process.env.NEEDS_ADMIN_RUN
assert(overdueRun, 'NEEDS_ADMIN_RUN names the overdue needs ConsoleBrowserTest made')
const toCenter = `逾期待审（中心）${overdueRun}`
const toInstitute = `逾期待审（所）${overdueRun}`

// --- Arrange through the API: a need completed by 刘娜 (1 受益群众, the default) for the correction.
step('arranging a completed need through the API')
const admin = await login('admin')
const city = await login('city')
const { centerId, station } = await demoCenter(admin)
const institute = (await gql('query($id: ID!) { orgUnit(id: $id) { parent { id name } } }', { id: station.id }, admin.accessToken)).orgUnit.parent
const categoryId = (await gql('{ needCategories { id } }')).needCategories[0].id
const resident = await login(`needs-admin-resident-${run}`)
const liuna = await login('liuna')
const completedTitle = `上门理发 ${run}`
const completed = (await gql('mutation($i: SubmitNeedInput!) { submitNeed(input: $i) { id } }', {
  i: {
    categoryId, title: completedTitle, description: '行动不便的老人需要志愿者上门理发', beneficiaryType: 'ELDERLY',
    urgency: 'NORMAL', address: '宜城街道东珠路 26 号', latitude: 31.3665, longitude: 119.8148,
    contactName: '周桂芳', contactPhone: '13812345670', stationId: station.id, idempotencyKey: `e2e-${crypto.randomUUID()}`,
  },
}, resident.accessToken)).submitNeed.id
await gql('mutation($n: ID!) { publishNeed(needId: $n) { id } }', { n: completed }, admin.accessToken)
await gql('mutation($i: DispatchNeedInput!) { dispatchNeed(input: $i) { id } }',
  { i: { needId: completed, volunteerUserId: liuna.user.id, deadline: new Date(Date.now() + 3 * 86400000).toISOString() } }, admin.accessToken)
for (const m of ['acceptNeed', 'startNeed']) await gql(`mutation($n: ID!) { ${m}(needId: $n) { id } }`, { n: completed }, liuna.accessToken)
await gql('mutation($i: CompleteNeedInput!) { completeNeed(input: $i) { id } }',
  { i: { needId: completed, note: '已为老人理发', participants: [{ userId: liuna.user.id, hours: 1 }] } }, liuna.accessToken)

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
})
try {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  await context.addInitScript((unit) => {
    // Only the first visit: the 所 is chosen later as the console's unit.
    if (!localStorage.getItem('wenming.console.unit')) localStorage.setItem('wenming.console.unit', unit)
  }, centerId)
  let page = await context.newPage()
  const pageErrors = []
  page.on('pageerror', (e) => pageErrors.push(e.message))
  const settled = async () => {
    await page.locator('.el-loading-mask').first().waitFor({ state: 'detached' }).catch(() => {})
    await page.waitForTimeout(400) // messages, drawers and tags finish their transitions
  }
  const titles = page.locator('[data-test=need-table] [data-test=need-title]')
  const drawerStatus = page.locator('[data-test=drawer-status]')

  // --- 逾期升级 at the center: only what reached the center; publishing it there ends its escalation.
  step('dispatch desk: 逾期升级 at the center')
  await page.goto(`${BASE}/console/dispatch?dev=admin`)
  await page.waitForURL(/\/console\/dispatch$/)
  await page.getByText('逾期升级', { exact: true }).click()
  await page.locator('[data-test=overdue-hint]').waitFor()
  const centerRow = titles.filter({ hasText: toCenter })
  await centerRow.waitFor()
  await settled()
  assert(!(await titles.filter({ hasText: toInstitute }).count()), 'the center\'s list leaves out what reached only the 所')
  await page.screenshot({ path: path.join(SHOTS, '80-overdue-center.png') })
  await centerRow.click()
  await drawerStatus.filter({ hasText: '待审核' }).waitFor()
  await page.locator('.el-drawer').getByText('已升级至中心').waitFor()
  await page.locator('[data-test=publish]').click()
  await drawerStatus.filter({ hasText: '待派单' }).waitFor()
  await page.keyboard.press('Escape')
  await centerRow.waitFor({ state: 'detached' })
  const overdueIds = async (unit) => (await gql('query($u: ID!) { overdueNeeds(orgUnitId: $u, first: 50) { edges { node { title } } } }',
    { u: unit }, admin.accessToken)).overdueNeeds.edges.map((e) => e.node.title)
  assert(!(await overdueIds(centerId)).includes(toCenter), 'published: no longer escalated to the center')

  // --- The same tab at the 所 (the header's unit, kept in the browser).
  step('dispatch desk: 逾期升级 at the 所')
  await page.evaluate((id) => localStorage.setItem('wenming.console.unit', id), institute.id)
  await page.reload()
  await page.getByText('逾期升级', { exact: true }).click()
  await titles.filter({ hasText: toInstitute }).waitFor()
  await settled()
  await page.screenshot({ path: path.join(SHOTS, '81-overdue-institute.png') })
  assert((await overdueIds(institute.id)).includes(toInstitute), 'the API lists it at the 所 too')

  // --- 受益群众 corrected in the drawer (back at the center), with a reason; the trail shows it.
  step('need drawer: 受益群众 corrected')
  await page.evaluate((id) => localStorage.setItem('wenming.console.unit', id), centerId)
  await page.reload()
  await page.getByText('待评价', { exact: true }).click()
  await titles.filter({ hasText: completedTitle }).click()
  await page.locator('[data-test=beneficiaries-count]', { hasText: '1' }).waitFor()
  await page.locator('[data-test=correct-beneficiaries]').click()
  const dialog = page.locator('[data-test=beneficiaries-dialog]')
  await dialog.locator('[data-test=beneficiaries-input] input').fill('12')
  await dialog.locator('[data-test=beneficiaries-save]').click()
  await dialog.getByText('修改已登记的人数须填写原因').waitFor() // checked before sending
  await dialog.locator('[data-test=beneficiaries-reason]').fill('按服务签到表核对，同住的老人一并受益')
  await dialog.locator('[data-test=beneficiaries-save]').click()
  await page.getByText('受益群众人数已更正').waitFor()
  await page.locator('[data-test=beneficiaries-count]', { hasText: '12' }).waitFor()
  await page.locator('[data-test=beneficiaries-trail]', { hasText: '1 → 12 人：按服务签到表核对' }).waitFor()
  await settled()
  await page.locator('[data-test=drawer-beneficiaries]').scrollIntoViewIfNeeded()
  await page.screenshot({ path: path.join(SHOTS, '82-need-beneficiaries-corrected.png') })
  const corrected = (await gql('query($id: ID!) { need(id: $id) { beneficiaries beneficiaryCorrections { fromCount toCount reason correctedByName } } }',
    { id: completed }, admin.accessToken)).need
  assert(corrected.beneficiaries === 12 && corrected.beneficiaryCorrections.length === 1 && corrected.beneficiaryCorrections[0].fromCount === 1,
    `one correction kept: ${JSON.stringify(corrected)}`)
  // The line names who corrected it, as the API names them to this admin.
  await page.locator('[data-test=beneficiaries-trail]',
    { hasText: `${corrected.beneficiaryCorrections[0].correctedByName} 1 → 12 人` }).waitFor({ timeout: 5000 })
  await page.keyboard.press('Escape')

  // --- 需求类别: add, rename, disable (existing needs keep it), enable again.
  step('需求类别, as the city admin')
  page = await (await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })).newPage()
  page.on('pageerror', (e) => pageErrors.push(e.message))
  await page.goto(`${BASE}/console/dispatch/categories?dev=city`)
  await page.waitForURL(/\/console\/dispatch\/categories$/)
  const table = page.locator('[data-test=categories-table]')
  await table.locator('[data-test=category-name]', { hasText: '生活服务' }).waitFor()
  await page.locator('[data-test=category-add]').click()
  await page.locator('[data-test=category-add-error]', { hasText: '请填写类别名称' }).waitFor() // checked before sending
  await page.locator('[data-test=category-new-name]').fill('生活服务')
  await page.locator('[data-test=category-add]').click()
  await page.locator('[data-test=category-add-error]', { hasText: '已有同名类别' }).waitFor()
  const added = `测试类别${run}`
  await page.locator('[data-test=category-new-name]').fill(added)
  await page.locator('[data-test=category-add]').click()
  await page.getByText(`已新增类别「${added}」`).waitFor()
  const renamed = `改名类别${run}`
  const rowOf = (name) => table.locator('.el-table__row', { has: page.locator('[data-test=category-name]', { hasText: name }) })
  await rowOf(added).locator('[data-test=category-rename]').click()
  const box = page.locator('.el-message-box')
  await box.locator('input').fill(renamed)
  await box.getByRole('button', { name: '保存' }).click()
  await rowOf(renamed).waitFor()
  await rowOf(renamed).locator('[data-test=category-disable]').click()
  await box.getByText('已有的需求不受影响').waitFor()
  await settled()
  await page.screenshot({ path: path.join(SHOTS, '83-category-disable-confirm.png') })
  await box.getByRole('button', { name: '停用' }).click()
  await rowOf(renamed).locator('[data-test=category-status]', { hasText: '已停用' }).waitFor()
  await settled()
  await page.screenshot({ path: path.join(SHOTS, '84-categories.png') })
  const offered = async () => (await gql('{ needCategories { name } }')).needCategories.map((c) => c.name)
  assert(!(await offered()).includes(renamed), 'a disabled category is not offered to residents')
  await rowOf(renamed).locator('[data-test=category-enable]').click()
  await rowOf(renamed).locator('[data-test=category-status]', { hasText: '启用' }).waitFor()
  assert((await offered()).includes(renamed), 'enabled again, residents get it again')
  // Tidy: the dictionary is every county's, so the test's category does not stay on offer.
  const id = (await gql('{ needCategories { id name } }')).needCategories.find((c) => c.name === renamed).id
  await gql('mutation($id: ID!) { disableNeedCategory(id: $id) { id } }', { id }, city.accessToken)

  assert(pageErrors.length === 0, `no script errors on the page: ${pageErrors.join('; ')}`)
  step(`needs admin passed in ${Math.round((Date.now() - started) / 1000)} s; screenshots in ${SHOTS}`)
} finally {
  await browser.close()
}
