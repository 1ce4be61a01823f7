// The 活动 and 爱心超市 screens in a real browser (Debian's chromium driven by playwright-core) against a
// backend in the `local` profile, signed in with the local developer shortcut (the QR login has its
// own script, console.browser.mjs): create, publish and cancel (with a reason) an activity through the form; the full-screen
// check-in QR decoded back (jsQR, from a screenshot) to the code the server issued, and used by a
// volunteer to check in; the roster's hours set and confirmed; a reward put on sale; a pickup code
// typed as a USB scanner does (keystrokes + Enter, nothing clicked); the redemptions list.
// A screenshot of each screen goes to SCREENSHOT_DIR. Run by ConsoleBrowserTest through scripts/maven-test.sh.
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { chromium } from 'playwright-core'
import { BASE, SHOTS, CHROMIUM, gql, login, assert, demoCenter } from './support.mjs'

const JSQR = createRequire(import.meta.url).resolve('jsqr/dist/jsQR.js')


const step = (text) => console.log(`[activities-store] ${text}`)
const started = Date.now()

const run = Date.now().toString(36)

// --- Arrange through the API: the demo center and its 东珠社区 station, a project of the center, an
// activity about to start with a volunteer signed up, and the volunteer's points for the store.
step('arranging through the API')
const admin = await login('admin')
const { centerId, station } = await demoCenter(admin)
const projectName = `文明实践 ${run}`
await gql('mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }',
  { i: { orgUnitId: centerId, name: projectName, category: 'HEALTH_SPORTS', description: '控制台测试项目' } }, admin.accessToken)
const projectId = (await gql('query($u: ID!) { projects(orgUnitId: $u, first: 100) { edges { node { id name } } } }', { u: centerId }, admin.accessToken))
  .projects.edges.map((e) => e.node).find((p) => p.name === projectName).id

const liuna = await login('liuna')
const soon = new Date(Date.now() + 10 * 60000)
const site = { latitude: 31.3668, longitude: 119.8151 }
const onSite = (
  await gql('mutation($i: CreateActivityInput!) { createActivity(input: $i) { id } }', {
    i: { projectId, title: `社区义诊 ${run}`, startsAt: soon.toISOString(), endsAt: new Date(soon.getTime() + 3600000).toISOString(),
      address: '东珠社区党群服务中心', ...site, capacity: 10 },
  }, admin.accessToken)
).createActivity.id
await gql('mutation($id: ID!) { publishActivity(id: $id) { id } }', { id: onSite }, admin.accessToken)
await gql('mutation($a: ID!) { signUp(activityId: $a, source: "console_test") { id } }', { a: onSite }, liuna.accessToken)
await gql('mutation($id: ID!) { startActivity(id: $id) { id } }', { id: onSite }, admin.accessToken)
await gql('mutation($i: AdjustPointsInput!) { adjustPoints(input: $i) { id } }',
  { i: { userId: liuna.user.id, delta: 100, reason: '志愿服务积分', idempotencyKey: `console-${run}` } }, admin.accessToken)

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
})
try {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  await context.addInitScript(({ unit, store }) => {
    localStorage.setItem('wenming.console.unit', unit)
    localStorage.setItem('wenming.console.store', store)
  }, { unit: centerId, store: station.id })
  const page = await context.newPage()
  const pageErrors = []
  page.on('pageerror', (e) => pageErrors.push(e.message))
  const settled = async () => {
    await page.locator('.el-loading-mask').first().waitFor({ state: 'detached' }).catch(() => {})
    await page.waitForTimeout(300) // messages and tags finish their transitions
  }

  // --- 活动: create through the form (a draft), publish from the list.
  step('activities: create and publish')
  await page.goto(`${BASE}/console/activities?dev=admin`)
  await page.waitForURL(/\/console\/activities$/)
  await page.locator('[data-test=new-activity]').click()
  const form = page.locator('[data-test=activity-form]')
  await form.locator('[data-test=form-project]').click()
  await page.locator('.el-select-dropdown__item', { hasText: projectName }).click()
  await form.locator('[data-test=form-save]').click()
  await form.getByText('请填写活动名称').waitFor() // checked before sending, as the backend would
  const title = `敬老院探访 ${run}`
  await form.locator('[data-test=form-title]').fill(title)
  await form.locator('[data-test=form-address]').fill('宜城街道东珠路 18 号敬老院')
  await page.screenshot({ path: path.join(SHOTS, '11-activity-form.png') })
  await form.locator('[data-test=form-save]').click()
  const draftRow = page.locator('tr', { has: page.locator('[data-test=activity-title]', { hasText: title }) })
  await draftRow.waitFor()
  await draftRow.locator('[data-test=activity-status]', { hasText: '草稿' }).waitFor()
  await draftRow.locator('[data-test=publish]').click()
  await page.getByText('已发布，开始招募').waitFor()
  await draftRow.waitFor({ state: 'detached' })
  await page.locator('[data-test=activity-status-filter]').getByText('招募中', { exact: true }).click()
  await page.locator('[data-test=activity-title]', { hasText: title }).waitFor()
  await settled()
  await page.screenshot({ path: path.join(SHOTS, '12-activities.png') })
  const published = (await gql('query($u: ID!) { activities(filter: { orgUnitId: $u, status: PUBLISHED }, first: 100) { edges { node { title status project { id } } } } }', { u: centerId }, admin.accessToken))
    .activities.edges.map((e) => e.node).find((a) => a.title === title)
  assert(published && published.project.id === projectId, `the activity is published under the chosen project: ${JSON.stringify(published)}`)
  // Cancelled with a reason (asked for in the confirmation; volunteers see it).
  const publishedRow = page.locator('tr', { has: page.locator('[data-test=activity-title]', { hasText: title }) })
  await publishedRow.locator('[data-test=cancel]').click()
  await page.locator('.el-message-box input').fill('场地临时征用，改期另行通知')
  await page.locator('.el-message-box').getByRole('button', { name: '取消活动' }).click()
  await page.getByText('活动已取消').waitFor()
  await publishedRow.waitFor({ state: 'detached' })
  const cancelled = (await gql('query($u: ID!) { activities(filter: { orgUnitId: $u, status: CANCELLED }, first: 100) { edges { node { title cancelReason } } } }', { u: centerId }, admin.accessToken))
    .activities.edges.map((e) => e.node).find((a) => a.title === title)
  assert(cancelled && cancelled.cancelReason === '场地临时征用，改期另行通知', `cancelled with its reason: ${JSON.stringify(cancelled)}`)

  // --- The check-in code full screen: decode what is drawn, check in with it.
  step('check-in QR full screen')
  const issued = page.waitForResponse(async (r) => r.url().endsWith('/graphql') && (r.request().postData() || '').includes('ActivityCheckInCode'))
  await page.goto(`${BASE}/console/activities/${onSite}/check-in`)
  const code = (await (await issued).json()).data.activityCheckInCode
  const qr = page.locator('[data-test=check-in-qr]')
  await qr.waitFor()
  await page.locator('[data-test=check-in-title]', { hasText: `社区义诊 ${run}` }).waitFor()
  const box = await qr.boundingBox()
  assert(box.width >= 400 && box.height >= 400, `the QR is big on a 1366×768 screen: ${box.width}×${box.height}`)
  const shot = await page.screenshot({ path: path.join(SHOTS, '13-check-in-qr.png') })
  await page.addScriptTag({ path: JSQR })
  const decoded = await page.evaluate(async (png) => {
    const img = new Image()
    img.src = `data:image/png;base64,${png}`
    await img.decode()
    const canvas = document.createElement('canvas')
    canvas.width = img.naturalWidth
    canvas.height = img.naturalHeight
    const ctx = canvas.getContext('2d')
    ctx.drawImage(img, 0, 0)
    const found = window.jsQR(ctx.getImageData(0, 0, canvas.width, canvas.height).data, canvas.width, canvas.height)
    return found && found.data
  }, shot.toString('base64'))
  assert(decoded === code.token, `the screen shows the issued code: decoded ${decoded}, issued ${code.token}`)
  await gql('mutation($a: ID!, $t: String!, $la: Float!, $lo: Float!) { checkIn(activityId: $a, token: $t, latitude: $la, longitude: $lo) { id } }',
    { a: onSite, t: decoded, la: site.latitude, lo: site.longitude }, liuna.accessToken)
  await gql('mutation($a: ID!, $t: String!, $la: Float!, $lo: Float!) { checkOut(activityId: $a, token: $t, latitude: $la, longitude: $lo) { id } }',
    { a: onSite, t: decoded, la: site.latitude, lo: site.longitude }, liuna.accessToken)

  // --- Roster: she left before the start (0 h computed); the organiser sets her hours, then confirms.
  step('roster: set and confirm hours')
  await page.goto(`${BASE}/console/activities/${onSite}/roster`)
  const rosterRow = page.locator('[data-test=roster-table] tbody tr').first()
  await rosterRow.locator('[data-test=adjust]').waitFor()
  await settled()
  await page.screenshot({ path: path.join(SHOTS, '14-roster.png') })
  await rosterRow.locator('[data-test=adjust]').click()
  await page.locator('[data-test=adjust-hours] input').fill('0.5')
  await page.locator('[data-test=adjust-reason]').fill('提前到场布置，按现场签到表补记')
  await page.locator('[data-test=adjust-save]').click()
  await page.getByText('已设定，可以确认了').waitFor()
  await rosterRow.locator('[data-test=roster-hours]', { hasText: '0.5' }).waitFor()
  await rosterRow.locator('[data-test=confirm-one]').click()
  await rosterRow.locator('[data-test=hours-confirmed]').waitFor()
  await settled()
  await page.screenshot({ path: path.join(SHOTS, '15-roster-confirmed.png') })
  const signUps = (await gql('query($a: ID!) { activitySignUps(activityId: $a) { edges { node { hours hoursConfirmed hoursAdjustReason } } } }', { a: onSite }, admin.accessToken))
    .activitySignUps.edges.map((e) => e.node)
  assert(signUps.length === 1 && signUps[0].hoursConfirmed && signUps[0].hours === 0.5, `hours confirmed: ${JSON.stringify(signUps)}`)

  // --- 爱心超市: a reward put on sale through the form — its first answer lost on the way back and the
  // form sent again, which makes one reward (the form's key is kept until it was created); the
  // volunteer redeems it on her phone.
  step('store: rewards (response lost, sent again → one reward)')
  let rewardLost = false
  await page.route('**/graphql', async (route) => {
    if (!rewardLost && (route.request().postData() || '').includes('mutation CreateReward')) {
      rewardLost = true
      await route.fetch() // reaches the server…
      return route.abort('connectionreset') // …the answer never reaches the browser
    }
    return route.continue()
  })
  await page.goto(`${BASE}/console/store/rewards`)
  await page.locator('[data-test=new-reward]').click()
  const rewardName = `爱心大米 ${run}`
  await page.locator('[data-test=reward-form-name]').fill(rewardName)
  await page.locator('[data-test=reward-form-price] input').fill('30')
  await page.locator('[data-test=reward-form-save]').click()
  await page.getByText('网络不可用，请检查网络后重试').first().waitFor()
  assert(rewardLost, 'the first CreateReward reached the server and its answer was dropped')
  await page.locator('[data-test=reward-form-save]').click()
  await page.getByText('已上架').waitFor()
  await page.unroute('**/graphql')
  const rewardRow = page.locator('tr', { has: page.locator('[data-test=reward-name]', { hasText: rewardName }) })
  await rewardRow.waitFor()
  await settled()
  await page.screenshot({ path: path.join(SHOTS, '16-store-rewards.png') })
  const rewards = (await gql('query($s: ID!) { rewards(stationId: $s) { id name pricePoints } }', { s: station.id })).rewards.filter((r) => r.name === rewardName)
  assert(rewards.length === 1, `the reward sent twice is one reward: ${JSON.stringify(rewards)}`)
  const reward = rewards[0]
  assert(reward && reward.pricePoints === 30, `the reward is on sale: ${JSON.stringify(reward)}`)
  const order = (await gql('mutation($r: ID!, $k: String!) { redeem(rewardId: $r, idempotencyKey: $k) { id pickupCode } }', { r: reward.id, k: `console-redeem-${run}` }, liuna.accessToken)).redeem

  // --- 核销 as a USB scanner does: it types into whatever has focus and presses Enter.
  step('store: 核销 by keyboard')
  await page.goto(`${BASE}/console/store/fulfil`)
  await page.locator('[data-test=pickup-code]').waitFor()
  await page.waitForFunction(() => document.activeElement && document.activeElement.closest('[data-test=pickup-code]'))
  await page.keyboard.type(order.pickupCode.toLowerCase(), { delay: 8 })
  await page.keyboard.press('Enter')
  await page.locator('[data-test=fulfil-result]', { hasText: rewardName }).waitFor()
  // The box is empty and focused again, ready for the next scan; a used code is refused by its code.
  await page.keyboard.type(order.pickupCode, { delay: 8 })
  await page.keyboard.press('Enter')
  await page.locator('[data-test=fulfil-error]', { hasText: '核销码已使用' }).waitFor()
  await settled()
  await page.screenshot({ path: path.join(SHOTS, '17-store-fulfil.png') })

  step('store: redemptions')
  await page.goto(`${BASE}/console/store/redemptions`)
  await page.locator('[data-test=redemption-status-filter]').getByText('已领取', { exact: true }).click()
  const orderRow = page.locator('tr', { has: page.locator('[data-test=redemption-reward]', { hasText: rewardName }) })
  await orderRow.locator('[data-test=redemption-status]', { hasText: '已领取' }).waitFor()
  await settled()
  await page.screenshot({ path: path.join(SHOTS, '18-store-redemptions.png') })

  assert(pageErrors.length === 0, `no script errors on the page: ${pageErrors.join('; ')}`)
  step(`activities and store passed in ${Math.round((Date.now() - started) / 1000)} s; screenshots in ${SHOTS}`)
} finally {
  await browser.close()
}
