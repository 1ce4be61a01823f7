// 站互评, 抽查评估 and 骨干培训 in a real browser (Debian's chromium driven by playwright-core) against a
// backend in the `local` profile, signed in with the local developer shortcut. A new 站长 of another
// station of the demo county rates 东珠社区 through the 给其他站评分 form and corrects a score through
// its 更正 dialog (the trail shown: who, why, before → after). The demo center admin, the county as
// the working unit, finds 东珠社区 in the county's averages; records a spot check through the form,
// listed and read back through the API, then corrects it through its 更正 dialog; records a 骨干培训
// through its form (the form's field errors first) and corrects it — topic and attendees — through
// the shared 更正 dialog (the removed attendee listed as not yet trained); then, with the reviewing
// station as the working unit, is not offered the review's 更正 (an admin of the judged station); withdraws
// the 骨干培训 record (listed as 已撤回 with its trail, its attendee back among the untrained). The
// 站长 then withdraws the review: refused while they are also 站长 of the judged station (the dialog
// says who may), withdrawn once they are not; is not offered the 评分项 card, where the demo city's
// admin (the items are every county's: the whole deployment's admins keep them) adds an item and
// disables it (no longer in the 站长's form, kept for the admin). Every result is checked on screen and read back through
// the API. Screenshots go to SCREENSHOT_DIR. Run by ConsoleBrowserTest through scripts/maven-test.sh.
import path from 'node:path'
import { chromium } from 'playwright-core'
import { BASE, SHOTS, CHROMIUM, gql, login, assert, demoCenter } from './support.mjs'

const step = (text) => console.log(`[evaluation] ${text}`)
const started = Date.now()
const run = Date.now().toString(36)

step('arranging through the API')
const admin = await login('admin')
// The demo county hangs under the demo city: what every county shares is the city admin's.
const city = await login('city')
const { centerId, station } = await demoCenter(admin)
const tree = (await gql('query($r: ID!) { orgTree(rootId: $r) { unit { id name level status } } }', { r: centerId }, admin.accessToken)).orgTree
const other = tree.map((n) => n.unit).find((u) => u.level === 'STATION' && u.status === 'OPEN' && u.id !== station.id)
assert(other, 'the demo county has a second station')
const reviewerCode = `evaluation-reviewer-${run}`
const reviewer = await login(reviewerCode)
const reviewerName = `李站长-${run}`
const trainee = await login(`evaluation-trainee-${run}`)
const traineeName = `王站长-${run}`
/** 站长 of a station granted (or taken back) by the center admin. */
const grantStationAdmin = (userId, orgUnitId) => gql('mutation($u: ID!, $o: ID!) { grantRole(input: { userId: $u, role: STATION_ADMIN, orgUnitId: $o }) { role } }',
  { u: userId, o: orgUnitId }, admin.accessToken)
const revokeStationAdmin = (userId, orgUnitId) => gql('mutation($u: ID!, $o: ID!) { revokeRole(input: { userId: $u, role: STATION_ADMIN, orgUnitId: $o }) }',
  { u: userId, o: orgUnitId }, admin.accessToken)
await grantStationAdmin(reviewer.user.id, other.id)
await grantStationAdmin(trainee.user.id, station.id)
await gql('mutation($n: String!) { setNickname(nickname: $n) { id } }', { n: reviewerName }, reviewer.accessToken)
await gql('mutation($n: String!) { setNickname(nickname: $n) { id } }', { n: traineeName }, trainee.accessToken)
const items = (await gql('{ peerReviewItems { id name } }', {}, reviewer.accessToken)).peerReviewItems
// A station rates another once a month: an earlier run's review of 东珠社区 by that station is withdrawn
// (by this run's 站长 of it) so the form can rate it again.
for (const earlier of (await gql('query($s: ID!) { peerReviewsGiven(stationId: $s) { id reviewedStationId withdrawn } }', { s: other.id }, reviewer.accessToken))
  .peerReviewsGiven.filter((r) => r.reviewedStationId === station.id && !r.withdrawn)) {
  await gql('mutation($i: CorrectPeerReviewInput!) { correctPeerReview(input: $i) { id } }',
    { i: { peerReviewId: earlier.id, withdraw: true, reason: '重新测试前撤回', idempotencyKey: `rerun-${run}-${earlier.id}` } }, reviewer.accessToken)
}
/** The review this run's form made, as its 站长 reads it. */
const comment = `阵地整洁，活动丰富 ${run}`
const givenReview = async () => (await gql(`query($s: ID!) { peerReviewsGiven(stationId: $s) { id reviewedStationId average comment withdrawn scores { itemId score }
  corrections { action reason correctedBy correctedByName before { average scores { score } } after { average scores { score } } } } }`, { s: other.id }, reviewer.accessToken))
  .peerReviewsGiven.find((r) => r.comment === comment)
/** The error code a call is refused with (null when it is not). */
const refusal = async (query, variables, token) => {
  try {
    await gql(query, variables, token)
    return null
  } catch (e) {
    return (String(e.message).match(/"code":"([A-Z_]+)"/) || [])[1] || String(e.message)
  }
}

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
})
let page = null
const pageErrors = []
const shot = (name) => page.screenshot({ path: path.join(SHOTS, name) })
const settled = async () => {
  await page.locator('.el-loading-mask').first().waitFor({ state: 'detached' }).catch(() => {})
  await page.waitForTimeout(300)
}
/** Gives a 更正 dialog (data-test prefix `test`) its reason, takes its screenshot, saves it and waits for it to close. */
const saveCorrection = async (dialog, test, reason, shotName) => {
  await dialog.locator(`[data-test=${test}-correct-reason]`).fill(reason)
  await settled()
  await shot(shotName)
  await dialog.locator(`[data-test=${test}-correct-save]`).click()
  await dialog.waitFor({ state: 'hidden' })
}
/** A page of its own context (its own signed-in session), `unit` the first working unit when given. */
async function openPage(unit) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  if (unit) {
    // Only the first visit: a later step chooses another working unit.
    await context.addInitScript((u) => {
      if (!localStorage.getItem('wenming.console.unit')) localStorage.setItem('wenming.console.unit', u)
    }, unit)
  }
  const opened = await context.newPage()
  opened.on('pageerror', (e) => pageErrors.push(e.message))
  return opened
}
try {
  // --- The reviewing station's 站长: rate 东珠社区 through the form, then correct a score.
  const reviewerPage = await openPage(null)
  page = reviewerPage
  step('站互评: the 站长 of another station rates 东珠社区 through the form')
  await page.goto(`${BASE}/console/results/peer-reviews?dev=${reviewerCode}`)
  await page.waitForURL(/\/console\/results\/peer-reviews$/)
  await page.locator('[data-test=new-peer-review]').click()
  const peerForm = page.locator('[data-test=peer-form]')
  await page.locator('[data-test=peer-form-error]').getByText('请选择被评的站').waitFor()
  await page.locator('[data-test=peer-form-station]').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: station.name }).first().click()
  const rates = peerForm.locator('.el-rate')
  await rates.first().waitFor()
  const itemCount = await rates.count()
  assert(itemCount === items.length, `one rating per enabled item: ${itemCount} of ${items.length}`)
  await page.locator('[data-test=peer-form-error]').getByText('请为「').waitFor()
  for (let i = 0; i < itemCount; i++) await rates.nth(i).locator('.el-rate__item').nth(3).click()
  await page.locator('[data-test=peer-form-comment]').fill(comment)
  await page.locator('[data-test=peer-form-error]').waitFor({ state: 'detached' })
  await settled()
  await shot('66-peer-review-form.png')
  await page.locator('[data-test=peer-form-save]').click()
  const reviewRow = page.locator('[data-test=peer-given-table] tr', { hasText: comment })
  await reviewRow.getByText(station.name).waitFor()
  const submitted = await givenReview()
  assert(submitted && submitted.reviewedStationId === station.id && submitted.average === 4 && !submitted.withdrawn
    && submitted.scores.length === itemCount && submitted.scores.every((x) => x.score === 4), `rated as entered: ${JSON.stringify(submitted)}`)

  step('站互评: the 站长 corrects a score with a reason; the trail shows it')
  await reviewRow.locator('[data-test=peer-correct]').click()
  const peerDialog = page.locator('[data-test=peer-correct-dialog]')
  await peerDialog.getByText(`${station.name}（`).waitFor()
  await peerDialog.locator('[data-test=correction-trail]').getByText('还没有更正').waitFor()
  await peerDialog.locator('.el-rate').first().locator('.el-rate__item').nth(1).click()
  await peerDialog.locator('[data-test=peer-correct-save]').click()
  await peerDialog.locator('[data-test=peer-correct-error]').getByText('请填写更正原因').waitFor()
  const peerReason = `第一项评高了 ${run}`
  await peerDialog.locator('[data-test=peer-correct-reason]').fill(peerReason)
  await settled()
  await shot('67-peer-review-correct.png')
  await peerDialog.locator('[data-test=peer-correct-save]').click()
  await peerDialog.waitFor({ state: 'hidden' })
  const corrected = await givenReview()
  const average = Math.round(((2 + 4 * (itemCount - 1)) / itemCount) * 100) / 100
  assert(corrected.average === average && corrected.corrections.length === 1, `corrected once: ${JSON.stringify(corrected)}`)
  const [peerEntry] = corrected.corrections
  assert(peerEntry.action === 'CORRECTED' && peerEntry.reason === peerReason && peerEntry.correctedBy === reviewer.user.id
    && peerEntry.correctedByName === reviewerName && peerEntry.before.average === 4 && peerEntry.after.average === average
    && peerEntry.after.scores[0].score === 2, `the trail: who, why, before → after: ${JSON.stringify(peerEntry)}`)
  await reviewRow.getByText(String(average), { exact: true }).waitFor()
  await reviewRow.locator('.el-table__expand-icon').click()
  await page.locator('[data-test=correction-trail-entry]', { hasText: new RegExp(`${reviewerName} 更正：${peerReason}（平均 4（.* → 平均 ${average}（`) }).waitFor()
  await settled()
  await shot('67b-peer-review-trail.png')

  // --- The demo center admin, the county as the working unit.
  page = await openPage(centerId)
  step('站互评: the county sees each station\'s average')
  await page.goto(`${BASE}/console/results/peer-reviews?dev=admin`)
  await page.waitForURL(/\/console\/results\/peer-reviews$/)
  await page.locator('[data-test=peer-summary-table]').getByText(station.name).first().waitFor()
  await settled()
  await shot('61-peer-reviews.png')

  step('抽查评估: record one through the form')
  const findings = `台账不全，宣传栏未更新 ${run}`
  await page.goto(`${BASE}/console/results/spot-checks`)
  await page.locator('[data-test=new-spot-check]').click()
  await page.locator('[data-test=spot-form-station]').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: station.name }).first().click()
  await page.locator('.item-row input.el-input__inner').first().fill('阵地建设')
  await page.locator('.item-row .el-input-number input').first().fill('22')
  await page.locator('.item-row .el-input-number input').first().press('Tab')
  await page.locator('[data-test=spot-form-findings]').fill(findings)
  await settled()
  await shot('62-spot-check-form.png')
  await page.locator('[data-test=spot-form-save]').click()
  await page.locator('[data-test=spot-check-table]').getByText(findings).waitFor()
  await settled()
  await shot('63-spot-checks.png')
  const recorded = (await gql('query($u: ID!) { spotChecks(orgUnitId: $u, first: 20) { edges { node { stationId findings total items { name } } } } }',
    { u: station.id }, admin.accessToken)).spotChecks.edges.map((e) => e.node).find((c) => c.findings === findings)
  assert(recorded && recorded.stationId === station.id && recorded.items.length === 4 && recorded.total === 22, `recorded as entered: ${JSON.stringify(recorded)}`)

  step('抽查评估: correct the score with a reason; the trail shows it')
  await page.locator('[data-test=spot-check-table] tr', { hasText: findings }).locator('[data-test=spot-correct]').click()
  const dialog = page.locator('[data-test=spot-correct-dialog]')
  await dialog.locator('.item-row .el-input-number input').first().fill('18')
  await dialog.locator('.item-row .el-input-number input').first().press('Tab')
  await dialog.locator('[data-test=spot-correct-save]').click()
  await dialog.locator('[data-test=spot-correct-error]').getByText('请填写更正原因').waitFor()
  await dialog.locator('[data-test=spot-correct-reason]').fill(`阵地建设分数录错 ${run}`)
  await dialog.locator('[data-test=correction-trail]').getByText('还没有更正').waitFor()
  await settled()
  await shot('64-spot-check-correct.png')
  await dialog.locator('[data-test=spot-correct-save]').click()
  await dialog.waitFor({ state: 'hidden' })
  const row = page.locator('[data-test=spot-check-table] tr', { hasText: findings })
  await row.locator('[data-test=spot-total]').getByText('18').waitFor()
  await row.locator('.el-table__expand-icon').click()
  await page.locator('[data-test=correction-trail-entry]', { hasText: `阵地建设分数录错 ${run}` }).waitFor()
  await settled()
  await shot('65-spot-check-trail.png')
  const spotCorrected = (await gql('query($u: ID!) { spotChecks(orgUnitId: $u, first: 20) { edges { node { findings total corrections { reason before { total } after { total } } } } } }',
    { u: station.id }, admin.accessToken)).spotChecks.edges.map((e) => e.node).find((c) => c.findings === findings)
  assert(spotCorrected.total === 18 && spotCorrected.corrections.length === 1 && spotCorrected.corrections[0].before.total === 22
    && spotCorrected.corrections[0].after.total === 18, `corrected once: ${JSON.stringify(spotCorrected)}`)

  step('骨干培训: record one through the form (its field errors first)')
  const today = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10)
  const topic = `志愿服务骨干业务培训 ${run}`
  await page.goto(`${BASE}/console/people/staff-training`)
  await page.locator('[data-test=staff-training-table]').waitFor()
  await page.locator('[data-test=new-staff-training]').click()
  const training = page.locator('[data-test=staff-training-dialog]')
  await training.locator('[data-test=staff-training-save]').click()
  for (const message of ['请选择培训日期', '请填写培训主题', '请选择参加人']) await training.getByText(message).waitFor()
  await training.locator('.el-date-editor input').fill(today)
  await training.locator('.el-date-editor input').press('Enter')
  await training.locator('[data-test=staff-training-topic]').fill(topic)
  /** Picks a person in a multiple select of the dialog by typing their name. */
  const pick = async (within, name) => {
    await within.locator('.el-select').click()
    await within.locator('.el-select input').fill(name) // replaces the previous pick's kept keyword
    await page.locator('.el-select-dropdown__item:visible', { hasText: name }).first().click()
  }
  await pick(training, reviewerName)
  await pick(training, traineeName)
  await training.locator('.el-dialog__title').click() // closes the select's dropdown
  // Each fixed field's error goes as it is fixed, not at the next 登记.
  await training.locator('.el-form-item__error').first().waitFor({ state: 'detached' })
  await settled()
  await shot('70-staff-training-form.png')
  await training.locator('[data-test=staff-training-save]').click()
  await training.waitFor({ state: 'hidden' })
  const trainingRow = page.locator('[data-test=staff-training-table] tr', { hasText: topic })
  await trainingRow.getByText(reviewerName).waitFor()
  await trainingRow.getByText(traineeName).waitFor()
  const trainingOf = async () => (await gql(`query($u: ID!, $y: Int!) { staffTrainings(orgUnitId: $u, year: $y) { id orgUnitId heldOn topic attendees { userId }
    corrections { action reason correctedBy correctedByName before { topic attendeeUserIds } after { topic attendeeUserIds } } } }`,
  { u: centerId, y: Number(today.slice(0, 4)) }, admin.accessToken)).staffTrainings.find((t) => t.topic.startsWith(topic))
  const held = await trainingOf()
  assert(held && held.orgUnitId === centerId && held.heldOn === today
    && held.attendees.map((a) => a.userId).sort().join() === [reviewer.user.id, trainee.user.id].sort().join(), `recorded as entered: ${JSON.stringify(held)}`)

  step('骨干培训: correct the topic and the attendees with a reason; the trail shows it')
  await trainingRow.locator('[data-test=staff-training-correct]').click()
  const trainingDialog = page.locator('[data-test=staff-training-correct-dialog]')
  await trainingDialog.locator('[data-test=correction-trail]').getByText('还没有更正').waitFor()
  const correctedTopic = `${topic}（第二期）`
  await trainingDialog.locator('[data-test=staff-training-correct-topic]').fill(correctedTopic)
  await trainingDialog.locator('.el-select .el-tag', { hasText: traineeName }).locator('.el-tag__close').click()
  const trainingReason = `${traineeName} 当天请假，未参加 ${run}`
  await saveCorrection(trainingDialog, 'staff-training', trainingReason, '71-staff-training-correct.png')
  const correctedRow = page.locator('[data-test=staff-training-table] tr', { hasText: correctedTopic })
  await correctedRow.getByText(reviewerName).waitFor()
  assert(!(await correctedRow.getByText(traineeName).count()), 'the removed attendee is no longer listed')
  await page.locator('[data-test=staff-training-missing]').getByText(traineeName).waitFor()
  await correctedRow.locator('.el-table__expand-icon').click()
  await page.locator('[data-test=correction-trail-entry]', { hasText: trainingReason })
    .filter({ hasText: `→ ${today} ${correctedTopic}（参加 1 人：${reviewerName}）` }).waitFor()
  await settled()
  await shot('72-staff-training-trail.png')
  const trained = await trainingOf()
  const [trainingEntry] = trained.corrections
  assert(trained.topic === correctedTopic && trained.attendees.map((a) => a.userId).join() === reviewer.user.id && trained.corrections.length === 1
    && trainingEntry.action === 'CORRECTED' && trainingEntry.reason === trainingReason && trainingEntry.correctedBy === admin.user.id
    && trainingEntry.before.topic === topic && trainingEntry.before.attendeeUserIds.length === 2
    && trainingEntry.after.topic === correctedTopic && trainingEntry.after.attendeeUserIds.join() === reviewer.user.id,
  `the trail: who, why, before → after: ${JSON.stringify(trained)}`)

  step('骨干培训: withdrawn with a reason; listed as 已撤回 with its trail, its attendee no longer counted as trained')
  await correctedRow.locator('[data-test=staff-training-correct]').click()
  await trainingDialog.getByText('撤回该记录（不再计入考核）').click()
  await trainingDialog.locator('[data-test=staff-training-correct-topic]').waitFor({ state: 'detached' })
  const trainingWithdrawReason = `培训记录重复登记，撤回 ${run}`
  await saveCorrection(trainingDialog, 'staff-training', trainingWithdrawReason, '72b-staff-training-withdraw.png')
  const withdrawnRow = page.locator('[data-test=staff-training-table] tr', { hasText: correctedTopic })
  await withdrawnRow.locator('[data-test=staff-training-withdrawn]').getByText('已撤回').waitFor()
  assert(!(await withdrawnRow.locator('[data-test=staff-training-correct]').count()), 'a withdrawn record offers no 更正')
  await page.locator('[data-test=staff-training-missing]').getByText(reviewerName).waitFor()
  await withdrawnRow.locator('.el-table__expand-icon').click()
  await page.locator('[data-test=correction-trail-entry]', { hasText: `撤回：${trainingWithdrawReason}` })
    .filter({ hasText: `${correctedTopic}（参加 1 人：${reviewerName}） → 已撤回` }).waitFor()
  await settled()
  await shot('72c-staff-training-withdrawn.png')
  const gone = await trainingOf()
  const withdrawal = gone.corrections[1]
  assert(gone.corrections.length === 2 && withdrawal.action === 'WITHDRAWN' && withdrawal.reason === trainingWithdrawReason
    && withdrawal.correctedBy === admin.user.id && withdrawal.before.topic === correctedTopic && withdrawal.after === null,
  `withdrawn once, with its trail: ${JSON.stringify(gone)}`)

  step('站互评: an admin of the judged station is not offered the review\'s 更正, and the API refuses it')
  await page.evaluate((u) => localStorage.setItem('wenming.console.unit', u), other.id)
  await page.goto(`${BASE}/console/results/peer-reviews`)
  const seenRow = page.locator('[data-test=peer-given-table] tr', { hasText: comment })
  await seenRow.locator('[data-test=peer-correct-not-offered]').getByText('仅评分站站长可更正').waitFor()
  assert(!(await seenRow.locator('[data-test=peer-correct]').count()), 'the center admin is not offered 更正')
  await page.locator('[data-test=peer-review-not-offered]').waitFor()
  assert(!(await page.locator('[data-test=new-peer-review]').count()), 'nor 给其他站评分 on the station\'s behalf')
  await settled()
  await shot('68-peer-review-not-offered.png')
  const correctPeer = 'mutation($i: CorrectPeerReviewInput!) { correctPeerReview(input: $i) { id } }'
  const attempt = (key) => ({ i: { peerReviewId: submitted.id, withdraw: true, reason: '试图撤回', idempotencyKey: `${key}-${run}` } })
  assert(await refusal(correctPeer, attempt('center'), admin.accessToken) === 'FORBIDDEN', 'the center admin over both stations is refused')
  assert(await refusal(correctPeer, attempt('judged'), trainee.accessToken) === 'FORBIDDEN', 'the judged station\'s 站长 is refused')

  // --- The reviewing 站长 again: the withdrawal refused while also 站长 of the judged station.
  page = reviewerPage
  step('站互评: withdrawn by its 站长, refused (and said why) while they are 站长 of the judged station too')
  await page.goto(`${BASE}/console/results/peer-reviews`)
  await reviewRow.locator('[data-test=peer-correct]').click()
  await peerDialog.getByText('撤回该互评（不再计入汇总与考核）').click()
  const withdrawReason = `本月已由站务会统一评分，撤回 ${run}`
  await peerDialog.locator('[data-test=peer-correct-reason]').fill(withdrawReason)
  await grantStationAdmin(reviewer.user.id, station.id)
  await peerDialog.locator('[data-test=peer-correct-save]').click()
  await peerDialog.locator('[data-test=peer-correct-error]').getByText('只有评分站的站长可以更正或撤回，被评站的管理员不能更正').waitFor()
  await settled()
  await shot('68b-peer-review-forbidden.png')
  assert((await givenReview()).corrections.length === 1, 'the refused withdrawal left no trail entry')
  await revokeStationAdmin(reviewer.user.id, station.id)
  await peerDialog.locator('[data-test=peer-correct-save]').click()
  await peerDialog.waitFor({ state: 'hidden' })
  await reviewRow.locator('[data-test=peer-withdrawn]').getByText('已撤回').waitFor()
  await reviewRow.locator('.el-table__expand-icon').click()
  await page.locator('[data-test=correction-trail-entry]', { hasText: `${reviewerName} 撤回：${withdrawReason}` }).filter({ hasText: '→ 已撤回' }).waitFor()
  await settled()
  await shot('68c-peer-review-withdrawn.png')
  const withdrawn = await givenReview()
  const last = withdrawn.corrections[1]
  assert(withdrawn.withdrawn && withdrawn.corrections.length === 2 && last.action === 'WITHDRAWN' && last.reason === withdrawReason
    && last.correctedBy === reviewer.user.id && last.before.average === average && last.after === null, `withdrawn once: ${JSON.stringify(withdrawn)}`)

  step('站互评: the 站长 is not offered the 评分项 card; the city admin adds an item and disables it')
  assert(!(await page.locator('[data-test=peer-new-item]').count()), 'a 站长 does not keep the county\'s 评分项')
  page = await openPage(centerId)
  await page.goto(`${BASE}/console/results/peer-reviews?dev=city`)
  await page.waitForURL(/\/console\/results\/peer-reviews$/)
  const itemName = `志愿服务记录规范 ${run}`
  await page.locator('[data-test=peer-add-item]').and(page.locator('[disabled]')).waitFor()
  await page.locator('[data-test=peer-new-item]').fill(itemName)
  await page.locator('[data-test=peer-add-item]').click()
  const itemTag = page.locator('[data-test=peer-item]', { hasText: itemName })
  await itemTag.getByRole('button', { name: '停用' }).waitFor()
  assert(await page.locator('[data-test=peer-new-item]').inputValue() === '', 'the name box is emptied once the item is added')
  const itemsOf = async (includeDisabled) => (await gql('query($d: Boolean) { peerReviewItems(includeDisabled: $d) { id name enabled } }',
    { d: includeDisabled }, city.accessToken)).peerReviewItems
  const added = (await itemsOf(false)).find((i) => i.name === itemName)
  assert(added && added.enabled, `added and enabled: ${JSON.stringify(added)}`)
  await settled()
  await shot('69-peer-review-item-added.png')
  await itemTag.locator('[data-test=peer-item-toggle]').click()
  await itemTag.getByText('（已停用）').waitFor()
  await itemTag.getByRole('button', { name: '启用' }).waitFor()
  assert(!(await itemsOf(false)).some((i) => i.name === itemName), 'a disabled item is no longer rated in new reviews')
  assert((await itemsOf(true)).find((i) => i.name === itemName)?.enabled === false, 'kept, disabled, for the center admin')
  assert(!(await gql('{ peerReviewItems { name } }', {}, reviewer.accessToken)).peerReviewItems.some((i) => i.name === itemName),
    'the 站长\'s form does not offer it')
  await settled()
  await shot('69b-peer-review-item-disabled.png')

  assert(pageErrors.length === 0, `no errors in the page: ${pageErrors.join('; ')}`)
  step(`evaluation passed in ${Math.round((Date.now() - started) / 1000)} s; screenshots in ${SHOTS}`)
} catch (e) {
  if (page) await page.screenshot({ path: path.join(SHOTS, '69-evaluation-failure.png') }).catch(() => {})
  throw e
} finally {
  await browser.close()
}
