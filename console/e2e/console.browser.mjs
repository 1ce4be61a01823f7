// The staff console in a real browser (Debian's chromium driven by playwright-core) against a
// backend in the `local` profile: QR login confirmed by a test client acting as the scanning admin's
// mini-program, the dispatch desk (publish, then dispatch with a suggestion; a need's photo as its
// thumbnail in the drawer, the full photo in the viewer on a click), need-hours adjustment (twice,
// both kept in the trail) and confirmation,
// the results screens (落实清单 published and exported, the assessment's charts, drill-down and
// export, leaderboards), volunteers, honor hours approved, a 电话代录 whose first answer is lost and
// which is sent again (one need), and the local developer shortcut. A
// screenshot of each screen goes to SCREENSHOT_DIR.
// Run by ConsoleBrowserTest (./mvnw verify) through scripts/maven-test.sh.
import fs from 'node:fs'
import path from 'node:path'
import { chromium } from 'playwright-core'
import QRCode from 'qrcode'
import { BASE, SHOTS, CHROMIUM, gql, login, assert, demoCenter } from './support.mjs'
import { qrDataUrl } from '../src/qr.js'


const step = (text) => console.log(`[console-browser] ${text}`)

// Until no loading mask is left inside `scope`. A reload can leave two masks fading out at once,
// which a strict locator refuses, so this asks the DOM instead.
const settled = (page, scope) =>
  page.waitForFunction((sel) => !document.querySelector(`${sel} .el-loading-mask`), scope)

const run = Date.now().toString(36)

// --- Arrange through the public API: a need to dispatch, and a completed one with hours to confirm.
step('arranging needs through the API')
const admin = await login('admin')
const { centerId, station } = await demoCenter(admin)
const categoryId = (await gql('{ needCategories { id name } }')).needCategories[0].id
const resident = await login(`console-resident-${run}`)
const submit = async (title) =>
  (
    await gql(
      'mutation($i: SubmitNeedInput!) { submitNeed(input: $i) { id } }',
      {
        i: {
          categoryId, title, description: '老人家里的灯坏了，需要志愿者上门帮忙检查线路', beneficiaryType: 'ELDERLY',
          urgency: 'URGENT', address: '宜城街道东珠路 18 号 2 幢', latitude: 31.3665, longitude: 119.8148,
          contactName: '王秀兰', contactPhone: '13812345678', stationId: station.id, idempotencyKey: `e2e-${crypto.randomUUID()}`,
        },
      },
      resident.accessToken,
    )
  ).submitNeed.id
const toDispatch = await submit(`修理电灯 ${run}`)
// A need with a photo, entered by the admin himself: as its uploader he sees the photo (and its
// thumbnail) while WeChat's check is still pending, which in the local profile nobody answers.
// A real PNG larger than a thumbnail (640 px), so the grid's image and the viewer's differ in size.
const png = await QRCode.toBuffer(`门锁照片 ${run}`, { type: 'png', width: 640, margin: 2 })
const form = new FormData()
form.append('file', new Blob([png], { type: 'image/png' }), 'door.png')
const uploadResponse = await fetch(`${BASE}/media/photos`, { method: 'POST', headers: { Authorization: `Bearer ${admin.accessToken}` }, body: form })
assert(uploadResponse.status === 201 || uploadResponse.status === 200, `photo upload answered ${uploadResponse.status}`)
const photoId = String((await uploadResponse.json()).id)
const withPhoto = (
  await gql(
    'mutation($i: SubmitNeedInput!) { submitNeed(input: $i) { id photos { id thumbnailUrl } } }',
    {
      i: {
        categoryId, title: `门锁损坏 ${run}`, description: '老人家门锁坏了打不开，需要志愿者帮忙联系维修', beneficiaryType: 'ELDERLY',
        urgency: 'NORMAL', address: '宜城街道东珠路 20 号', latitude: 31.3665, longitude: 119.8148,
        contactName: '李桂英', contactPhone: '13812345679', stationId: station.id, photoIds: [photoId], idempotencyKey: `e2e-${crypto.randomUUID()}`,
      },
    },
    admin.accessToken,
  )
).submitNeed
assert(withPhoto.photos.length === 1 && withPhoto.photos[0].thumbnailUrl, `the photo has a thumbnail: ${JSON.stringify(withPhoto.photos)}`)
const withHours = await submit(`陪同就医 ${run}`)
const liuna = await login('liuna')
await gql('mutation($n: ID!) { publishNeed(needId: $n) { id } }', { n: withHours }, admin.accessToken)
await gql(
  'mutation($i: DispatchNeedInput!) { dispatchNeed(input: $i) { id } }',
  { i: { needId: withHours, volunteerUserId: liuna.user.id, deadline: new Date(Date.now() + 3 * 86400000).toISOString() } },
  admin.accessToken,
)
await gql('mutation($n: ID!) { acceptNeed(needId: $n) { id } }', { n: withHours }, liuna.accessToken)
await gql('mutation($n: ID!) { startNeed(needId: $n) { id } }', { n: withHours }, liuna.accessToken)
await gql(
  'mutation($i: CompleteNeedInput!) { completeNeed(input: $i) { id } }',
  { i: { needId: withHours, note: '已陪同老人到医院复查', participants: [{ userId: liuna.user.id, hours: 1 }] } },
  liuna.accessToken,
)

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
})
try {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  // The unit the console works on (the header's choice, kept in the browser): the demo center.
  await context.addInitScript((id) => localStorage.setItem('wenming.console.unit', id), centerId)
  const page = await context.newPage()
  const pageErrors = []
  page.on('pageerror', (e) => pageErrors.push(e.message))

  // --- QR login: the test client reads what the camera would (the QR's text, as the console got it).
  step('QR login')
  const ticketResponse = page.waitForResponse(async (r) => r.url().endsWith('/graphql') && (r.request().postData() || '').includes('CreateConsoleLoginTicket'))
  await page.goto(`${BASE}/console/`)
  const ticket = (await (await ticketResponse).json()).data.createConsoleLoginTicket
  await page.waitForURL(/\/console\/login/)
  const qr = page.locator('[data-test=login-qr]')
  await qr.waitFor()
  const drawn = await qr.getAttribute('src')
  const expected = await qrDataUrl(ticket.qrCode)
  assert(drawn === expected, 'the QR drawn on the page encodes the ticket\'s qrCode')
  assert(!ticket.qrCode.includes(ticket.pollSecret), 'the poll secret is not in the QR')
  await page.screenshot({ path: path.join(SHOTS, '01-login-qr.png') })

  const described = (
    await gql('query($c: String!) { describeConsoleLoginTicket(code: $c) { ip browser } }', { c: ticket.qrCode }, admin.accessToken)
  ).describeConsoleLoginTicket
  assert(/Chrome \d+/.test(described.browser), `the scanning admin sees the browser: ${described.browser}`)
  await page.getByText('已扫码，请在手机上确认').waitFor()
  await page.screenshot({ path: path.join(SHOTS, '02-login-scanned.png') })
  await gql('mutation($c: String!) { confirmConsoleLoginTicket(code: $c) }', { c: ticket.qrCode }, admin.accessToken)
  await page.waitForURL(/\/console\/dispatch$/, { timeout: 15000 })

  // --- Dispatch desk: publish the submitted need, then dispatch it with the first suggestion.
  step('dispatch desk')
  await page.locator('[data-test=unit-select]').waitFor()
  await page.getByText('待审核', { exact: true }).click()
  const row = page.locator('[data-test=need-title]', { hasText: `修理电灯 ${run}` })
  await row.waitFor()
  await settled(page, '.el-table')
  await page.screenshot({ path: path.join(SHOTS, '03-dispatch-desk.png') })
  await row.click()
  const drawerStatus = page.locator('[data-test=drawer-status]')
  await drawerStatus.filter({ hasText: '待审核' }).waitFor()
  await page.locator('[data-test=publish]').click()
  await drawerStatus.filter({ hasText: '待派单' }).waitFor()
  const dispatchButtons = page.locator('[data-test=suggestions] [data-test=dispatch]')
  await dispatchButtons.first().waitFor()
  await settled(page, '.el-drawer')
  await page.screenshot({ path: path.join(SHOTS, '04-need-suggestions.png') })
  await dispatchButtons.first().click()
  await page.getByText(/^已派给 /).first().waitFor()
  await drawerStatus.filter({ hasText: '待接单' }).waitFor()
  await settled(page, '.el-drawer')
  await page.screenshot({ path: path.join(SHOTS, '05-need-dispatched.png') })
  const dispatched = (await gql('query($id: ID!) { need(id: $id) { status assignedTeamId assignedUserId } }', { id: toDispatch }, admin.accessToken)).need
  assert(dispatched.status === 'DISPATCHED' && (dispatched.assignedTeamId || dispatched.assignedUserId), `dispatched: ${JSON.stringify(dispatched)}`)

  // --- Need photos: the drawer's grid loads the thumbnail, a click opens the full photo.
  step('need photos')
  await page.goto(`${BASE}/console/dispatch`)
  await page.getByText('待审核', { exact: true }).click()
  const photoRow = page.locator('[data-test=need-title]', { hasText: `门锁损坏 ${run}` })
  await photoRow.waitFor()
  await settled(page, '.el-table')
  await photoRow.click()
  const thumbnail = page.locator('[data-test=need-photos] img')
  await thumbnail.waitFor()
  await page.waitForFunction(() => {
    const img = document.querySelector('[data-test=need-photos] img')
    return img && img.complete && img.naturalWidth > 0
  })
  const thumbnailSrc = await thumbnail.getAttribute('src')
  assert(thumbnailSrc.includes(`/media/photos/${photoId}/thumbnail?`), `the grid shows the thumbnail: ${thumbnailSrc}`)
  await settled(page, '.el-drawer')
  await page.screenshot({ path: path.join(SHOTS, '05a-need-photo-thumbnail.png') })
  await thumbnail.click()
  const viewer = page.locator('.el-image-viewer__img')
  await viewer.waitFor()
  await page.waitForFunction(() => {
    const img = document.querySelector('.el-image-viewer__img')
    return img && img.complete && img.naturalWidth > 0
  })
  const fullSrc = await viewer.getAttribute('src')
  assert(fullSrc.includes(`/media/photos/${photoId}?`), `the viewer shows the full photo: ${fullSrc}`)
  const sizes = await page.evaluate(() => [document.querySelector('[data-test=need-photos] img').naturalWidth, document.querySelector('.el-image-viewer__img').naturalWidth])
  step(`thumbnail ${sizes[0]} px wide, full photo ${sizes[1]} px`)
  // The viewer fades in: a screenshot mid-transition shows the drawer through the photo.
  await page.evaluate(() => Promise.all(document.querySelector('.el-image-viewer__wrapper').getAnimations({ subtree: true }).map((a) => a.finished)))
  const covered = await page.evaluate(() => {
    const img = document.querySelector('.el-image-viewer__img').getBoundingClientRect()
    const top = document.elementFromPoint(img.left + img.width * 0.75, img.top + img.height / 2)
    return !!(top && top.closest('.el-image-viewer__wrapper'))
  })
  assert(covered, 'the viewer is above the drawer')
  await page.screenshot({ path: path.join(SHOTS, '05b-need-photo-viewer.png') })
  await page.keyboard.press('Escape')
  await viewer.waitFor({ state: 'detached' })

  // --- Need hours: opened by a link (history-mode route), confirmed.
  step('need hours')
  await page.goto(`${BASE}/console/dispatch/hours`)
  const hoursRow = page.locator('tr', { has: page.locator('[data-test=hours-need]', { hasText: `陪同就医 ${run}` }) })
  await hoursRow.waitFor()
  await page.screenshot({ path: path.join(SHOTS, '06-need-hours.png') })

  // Adjusted twice before confirming (the claim was 1 hour): the second adjustment keeps the first
  // one's line (before → after, why, who, when) instead of overwriting it.
  step('need hours adjusted twice, both kept')
  const adjustOnce = async (hours, reason) => {
    await hoursRow.locator('[data-test=adjust-need-hours]').click()
    const dialog = page.locator('.el-dialog', { hasText: '调整服务时长' })
    await dialog.waitFor()
    await dialog.locator('[data-test=adjust-hours-value] input').fill(String(hours))
    await dialog.locator('[data-test=adjust-hours-value] input').press('Tab')
    await dialog.locator('[data-test=adjust-hours-reason]').fill(reason)
    await dialog.locator('[data-test=adjust-hours-save]').click()
    await page.getByText('已调整').first().waitFor()
    await dialog.waitFor({ state: 'hidden' })
  }
  await adjustOnce(0.5, '迟到半小时')
  await hoursRow.locator('[data-test=need-hours-trail]').first().waitFor()
  await adjustOnce(1, '核实后全程在场')
  const trailLines = hoursRow.locator('[data-test=need-hours-trail]')
  await trailLines.nth(1).waitFor()
  const shown = await trailLines.allInnerTexts()
  assert(shown.length === 2, `both adjustments listed: ${JSON.stringify(shown)}`)
  assert(shown[0].startsWith('1.0 → 0.5 小时 · 迟到半小时 · '), `the first adjustment kept: ${shown[0]}`)
  assert(shown[1].startsWith('0.5 → 1.0 小时 · 核实后全程在场 · '), `the second adjustment after it: ${shown[1]}`)
  await settled(page, '.el-table')
  await page.screenshot({ path: path.join(SHOTS, '06b-need-hours-trail.png') })
  const trail = (await gql('query($id: ID!) { need(id: $id) { participants { hours hoursAdjustments { hoursBefore hoursAfter reason } } } }', { id: withHours }, admin.accessToken)).need
  assert(trail.participants[0].hours === 1 && trail.participants[0].hoursAdjustments.map((a) => a.reason).join('|') === '迟到半小时|核实后全程在场', `the API keeps both: ${JSON.stringify(trail)}`)

  await hoursRow.locator('[data-test=confirm-hours]').click()
  await page.getByText('已确认，时长和积分已计入').waitFor()
  await hoursRow.waitFor({ state: 'detached' })
  await settled(page, '.el-table')
  await page.screenshot({ path: path.join(SHOTS, '07-need-hours-confirmed.png') })
  const confirmed = (await gql('query($id: ID!) { need(id: $id) { participants { hoursStatus } } }', { id: withHours }, admin.accessToken)).need
  assert(confirmed.participants.every((p) => p.hoursStatus === 'CONFIRMED'), 'the hours are confirmed')

  // --- The same hours found wrong later: revoked with a reason from the need's drawer.
  step('need hours revoked')
  await page.goto(`${BASE}/console/dispatch`)
  await page.getByText('待评价', { exact: true }).click()
  const servedRow = page.locator('[data-test=need-title]', { hasText: `陪同就医 ${run}` })
  await servedRow.waitFor()
  await settled(page, '.el-table')
  await servedRow.click()
  await page.locator('[data-test=revoke-need-hours]').click()
  await page.locator('.el-message-box__input input').fill('重复申报，经核实未到场')
  await page.locator('.el-message-box__btns button', { hasText: '撤销' }).click()
  await page.getByText('已撤销，时长和积分已扣回').waitFor()
  await page.locator('[data-test=drawer-participant]', { hasText: '已撤销' }).waitFor()
  // The adjustments made before confirmation stay readable in the drawer.
  assert((await page.locator('[data-test=drawer-hours-trail]').count()) === 2, 'the drawer lists both adjustments')
  await settled(page, '.el-drawer')
  await page.screenshot({ path: path.join(SHOTS, '07b-need-hours-revoked.png') })
  const revoked = (await gql('query($id: ID!) { need(id: $id) { participants { hoursStatus revokeReason } } }', { id: withHours }, admin.accessToken)).need
  assert(revoked.participants.every((p) => p.hoursStatus === 'REVOKED' && p.revokeReason === '重复申报，经核实未到场'), `revoked: ${JSON.stringify(revoked)}`)
  await page.keyboard.press('Escape')

  // --- 成果与考核: the 落实清单 of last month (preview, publish, public page, Excel), the assessment
  // (charts, drill-down into a child unit, Excel), leaderboards. The Excel files are saved beside the
  // screenshots with what GraphQL answered (results-expected.json); ConsoleBrowserTest reads the
  // cells back with POI and compares.
  step('results: 落实清单')
  const beijingNow = new Date(Date.now() + 8 * 3600 * 1000)
  const last = new Date(Date.UTC(beijingNow.getUTCFullYear(), beijingNow.getUTCMonth() - 1, 1))
  const lastMonth = `${last.getUTCFullYear()}-${String(last.getUTCMonth() + 1).padStart(2, '0')}`
  const thisMonth = `${beijingNow.getUTCFullYear()}-${String(beijingNow.getUTCMonth() + 1).padStart(2, '0')}`
  // This month's live list (the needs arranged above), which cannot be published before it ends.
  await page.goto(`${BASE}/console/results/fulfilment?month=${thisMonth}`)
  const state = page.locator('[data-test=fulfilment-state]')
  await state.filter({ hasText: '实时预览' }).waitFor()
  await page.locator('[data-test=fulfilment-open] tbody tr').first().waitFor()
  assert(await page.locator('[data-test=publish-fulfilment]').isDisabled(), 'a running month cannot be published')
  await page.screenshot({ path: path.join(SHOTS, '08-fulfilment-preview.png') })
  await page.goto(`${BASE}/console/results/fulfilment`)
  await page.locator('[data-test=fulfilment-categories]').waitFor()
  await state.waitFor()
  if ((await state.textContent()).includes('实时预览')) {
    await page.locator('[data-test=publish-fulfilment]').click()
    await page.locator('.el-message-box__btns .el-button--primary').click()
    await page.getByText('已公示', { exact: true }).waitFor()
  }
  await state.filter({ hasText: '已公示' }).waitFor()
  const publicHref = await page.locator('[data-test=public-link]').getAttribute('href')
  const publicPage = await fetch(`${BASE}${publicHref}`)
  assert(publicPage.status === 200 && (await publicPage.text()).includes('落实清单'), `the public page ${publicHref} is served`)
  await page.screenshot({ path: path.join(SHOTS, '09-fulfilment-published.png'), fullPage: true })
  const fulfilmentDownload = page.waitForEvent('download')
  await page.locator('[data-test=download-fulfilment]').click()
  await (await fulfilmentDownload).saveAs(path.join(SHOTS, 'fulfilment.xlsx'))
  const list = (await gql('query($u: ID!, $m: String!) { fulfilmentList(orgUnitId: $u, month: $m) { published total { received fulfilled } } }',
    { u: centerId, m: lastMonth }, admin.accessToken)).fulfilmentList
  assert(list.published, 'the list is published')

  step('results: assessment')
  await page.goto(`${BASE}/console/results/assessment`)
  await page.locator('[data-test=assessment-figures] tbody tr').first().waitFor()
  await page.locator('[data-test=station-map] canvas').waitFor()
  await page.waitForTimeout(600) // ECharts' entry animation
  await page.screenshot({ path: path.join(SHOTS, '10-assessment.png'), fullPage: true })
  const assessmentDownload = page.waitForEvent('download')
  await page.locator('[data-test=download-assessment]').click()
  await (await assessmentDownload).saveAs(path.join(SHOTS, 'assessment.xlsx'))
  const month = beijingNow.getUTCMonth() + 1
  const assessment = (await gql('query($u: ID!, $y: Int!, $m: Int!) { assessment(orgUnitId: $u, year: $y, month: $m) { units { orgUnitId name figures { kind value target } } } }',
    { u: centerId, y: beijingNow.getUTCFullYear(), m: month }, admin.accessToken)).assessment
  fs.writeFileSync(path.join(SHOTS, 'results-expected.json'), JSON.stringify({ fulfilment: list.total, assessment: assessment.units }))
  // Drill down: the first child unit's row opens its own figures.
  const child = page.locator('[data-test=assessment-children] tbody tr').first()
  const childName = (await child.locator('a, .el-link').first().textContent()).trim()
  await child.click()
  await page.locator('[data-test=assessment-crumbs]', { hasText: childName }).waitFor()
  await page.waitForTimeout(600)
  await page.evaluate(() => document.querySelector('.main').scrollTo(0, 0)) // the click scrolled the layout's main pane
  await page.screenshot({ path: path.join(SHOTS, '11-assessment-child.png') })
  await page.locator('[data-test=station-map]').scrollIntoViewIfNeeded()
  await page.locator('[data-test=station-map]').screenshot({ path: path.join(SHOTS, '11b-station-map.png') })

  step('results: leaderboards')
  await page.goto(`${BASE}/console/results/leaderboards`)
  await page.locator('[data-loaded=true] [data-test=board-VOLUNTEER_HOURS]').waitFor()
  await page.screenshot({ path: path.join(SHOTS, '12-leaderboards.png'), fullPage: true })

  step('people: volunteers, honor hours')
  await page.goto(`${BASE}/console/people/volunteers`)
  await page.locator('[data-test=volunteers-table] tbody tr').first().waitFor()
  await settled(page, '.el-table')
  await page.screenshot({ path: path.join(SHOTS, '13-volunteers.png'), fullPage: true })
  // Honor hours recorded by another admin (a station admin made for this run), approved here (four eyes).
  const recorder = await login(`console-recorder-${run}`)
  await gql('mutation($i: GrantRoleInput!) { grantRole(input: $i) { role } }',
    { i: { userId: recorder.user.id, role: 'STATION_ADMIN', orgUnitId: station.id } }, admin.accessToken)
  const stationVolunteer = (await gql('query($u: ID!) { volunteers(orgUnitId: $u, first: 1) { edges { node { id } } } }',
    { u: station.id }, admin.accessToken)).volunteers.edges[0].node.id
  const reason = `补录线下宣讲 ${run}`
  await gql('mutation($i: RecordHonorHoursInput!) { recordHonorHours(input: $i) { id } }',
    { i: { volunteerId: stationVolunteer, hours: 1.5, reason, serviceDate: '2026-01-15', idempotencyKey: `honor-${run}` } }, recorder.accessToken)
  await page.goto(`${BASE}/console/people/honor-hours`)
  const honorRow = page.locator('tr', { hasText: reason })
  await honorRow.waitFor()
  await settled(page, '.el-table')
  await page.screenshot({ path: path.join(SHOTS, '14-honor-hours.png'), fullPage: true })
  await honorRow.locator('[data-test=approve-honor]').click()
  await page.getByText('已通过，荣誉时长已计入').waitFor()
  await honorRow.waitFor({ state: 'detached' })
  const approved = (await gql('query($v: ID!) { honorHoursRecords(volunteerId: $v, first: 50) { edges { node { reason status } } } }',
    { v: stationVolunteer }, admin.accessToken)).honorHoursRecords.edges.map((e) => e.node).find((r) => r.reason === reason)
  assert(approved && approved.status === 'APPROVED', `the honor hours are approved: ${JSON.stringify(approved)}`)

  // --- 电话代录 at the station: the first answer lost on the way back, the form sent again → one need
  // (its idempotency key is the form's until the need is recorded).
  step('need entry: response lost, sent again → one need')
  await context.addInitScript((id) => localStorage.setItem('wenming.console.unit', id), station.id)
  const entryTitle = `热线代录 ${run}`
  let entryLost = false
  await page.route('**/graphql', async (route) => {
    if (!entryLost && (route.request().postData() || '').includes('mutation SubmitNeed')) {
      entryLost = true
      await route.fetch() // reaches the server…
      return route.abort('connectionreset') // …the answer never reaches the browser
    }
    return route.continue()
  })
  await page.goto(`${BASE}/console/dispatch/new`)
  await page.locator('[data-test=need-entry-form][data-ready=true]').waitFor()
  await page.locator('[data-test=need-entry-title]').fill(entryTitle)
  await page.locator('[data-test=need-entry-description]').fill('独居老人来电，家中水管漏水，需要志愿者上门帮忙')
  await page.locator('[data-test=need-entry-address]').fill('宜城街道东珠路 22 号')
  await page.locator('[data-test=need-entry-contact-name]').fill('赵桂兰')
  await page.locator('[data-test=need-entry-contact-phone]').fill('13812345670')
  await page.locator('[data-test=need-entry-consent]').fill('电话中本人同意由工作人员代为登记')
  await page.locator('[data-test=need-entry-save]').click()
  await page.getByText('网络不可用，请检查网络后重试').first().waitFor()
  assert(entryLost, 'the first SubmitNeed reached the server and its answer was dropped')
  await page.locator('[data-test=need-entry-save]').click()
  await page.locator('[data-test=need-entry-saved]', { hasText: entryTitle }).waitFor()
  await settled(page, '[data-test=need-entry-form]')
  await page.screenshot({ path: path.join(SHOTS, '15b-need-entry-once.png') })
  const entered = (await gql('query($u: ID!) { stationNeeds(orgUnitId: $u, status: SUBMITTED, first: 100) { edges { node { title source } } } }',
    { u: station.id }, admin.accessToken)).stationNeeds.edges.map((e) => e.node).filter((n) => n.title === entryTitle)
  assert(entered.length === 1 && entered[0].source === 'HOTLINE', `the entry sent twice is one need: ${JSON.stringify(entered)}`)

  // --- Logout, then the local developer shortcut in a fresh browser.
  await page.locator('[data-test=logout]').click()
  await page.waitForURL(/\/console\/login/)
  const dev = await browser.newContext({ viewport: { width: 1366, height: 768 } })
  const devPage = await dev.newPage()
  await devPage.goto(`${BASE}/console/?dev=admin`)
  await devPage.waitForURL(/\/console\/dispatch$/)
  await devPage.locator('[data-test=user]').waitFor()
  assert(pageErrors.length === 0, `no script errors on the page: ${pageErrors.join('; ')}`)
  step(`all screens passed; screenshots in ${SHOTS}`)
} finally {
  await browser.close()
}
