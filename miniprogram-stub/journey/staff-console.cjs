/**
 * The staff console (console/, served by the backend at /console/) in Debian's chromium, driven by
 * playwright-core from console/node_modules, for the journey's staff at their desk. It runs in its own
 * node process: Jest's jsdom environment, which the mini-program pages need, lacks the Node globals
 * playwright-core is built on. The journey sends it one step at a time (journey/staff-console.js)
 * and gets back only what the screens show.
 */
const fs = require('fs')
const path = require('path')

const { chromium } = require(require.resolve('playwright-core', { paths: [path.join(__dirname, '../../console')] }))
const JSQR = require.resolve('jsqr/dist/jsQR.js', { paths: [__dirname] })

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium'
const SHOTS = process.env.SCREENSHOT_DIR || path.join(__dirname, '..', 'test-output', 'journey')
fs.mkdirSync(SHOTS, { recursive: true })

let browser = null
let page = null
let base = null
let shot = 0
const pageErrors = []

const row = (table, text) => page.locator(`[data-test=${table}] tbody tr`, { hasText: text })
const option = (text) => page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: text }).first()
// Until no loading mask is left and transitions (messages, dialogs) have finished.
async function settled() {
  await page.waitForFunction(() => !document.querySelector('.el-loading-mask'))
  await page.waitForTimeout(250)
}
async function screenshot(name) {
  shot += 1
  await settled()
  await page.screenshot({ path: path.join(SHOTS, `${String(shot).padStart(2, '0')}-${name}.png`) })
}
async function go(route) {
  await page.goto(`${base}/console/${route}`)
  await page.locator('[data-test=unit-select]').waitFor()
}
async function message(text) {
  await page.locator('.el-message', { hasText: text }).first().waitFor()
}
async function fillNumber(selector, value) {
  const input = page.locator(`${selector} input`)
  await input.fill(String(value))
  await input.blur()
}
// Typed as a person would, into the picker found by its placeholder (Element Plus renders no
// attributes of ours on a date picker).
async function fillDate(scope, placeholder, value) {
  const input = scope.locator(`input[placeholder="${placeholder}"]`)
  await input.click()
  await input.fill(value)
  await input.press('Enter')
  await page.locator('.el-picker-panel:visible').waitFor({ state: 'hidden' }).catch(() => {})
}

/** What a phone's camera reads off the screen: the element's pixels, decoded with jsQR in the page. */
async function readQr(locator) {
  const png = await locator.screenshot()
  await page.addScriptTag({ path: JSQR })
  return page.evaluate(async (data) => {
    const img = new Image()
    img.src = `data:image/png;base64,${data}`
    await img.decode()
    const canvas = document.createElement('canvas')
    canvas.width = img.naturalWidth
    canvas.height = img.naturalHeight
    const ctx = canvas.getContext('2d')
    ctx.drawImage(img, 0, 0)
    const found = window.jsQR(ctx.getImageData(0, 0, canvas.width, canvas.height).data, canvas.width, canvas.height)
    return found && found.data
  }, png.toString('base64'))
}

const steps = {
  /** Opens the console; it shows the login QR. Answers what the QR says. */
  async open(args) {
    base = args.base
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    })
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
    page = await context.newPage()
    page.on('pageerror', (e) => pageErrors.push(e.message))
    await page.goto(`${base}/console/`)
    await page.waitForURL(/\/console\/login/)
    const qr = page.locator('[data-test=login-qr]')
    await qr.waitFor()
    await page.locator('[data-test=login-status]', { hasText: '请用小程序扫码' }).waitFor()
    await screenshot('login-qr')
    return { code: await readQr(qr) }
  },

  /** After the phone confirmed: the console enters, and the header's unit is set to the station. */
  async enter({ unit }) {
    await page.waitForURL(/\/console\/dispatch$/, { timeout: 20000 })
    await page.locator('[data-test=unit-select]').click()
    await option(unit).click()
    await page.locator('[data-test=unit-select]', { hasText: unit }).waitFor()
    await screenshot('signed-in')
    return { user: await page.locator('.user').first().textContent() }
  },

  async createProject({ name, category, team, description }) {
    await go('projects')
    await page.locator('[data-test=new-project]').click()
    const form = page.locator('[data-test=project-form]')
    await form.locator('[data-test=project-form-name]').fill(name)
    await form.locator('[data-test=project-form-category]').click()
    await option(category).click()
    await form.locator('[data-test=project-form-team]').click()
    await option(team).click()
    await form.locator('[data-test=project-form-description]').fill(description)
    await screenshot('project-form')
    await form.locator('[data-test=project-form-save]').click()
    await message('项目已建立')
    await row('project-table', name).waitFor()
    await screenshot('projects')
    return { shown: (await row('project-table', name).textContent()).replace(/\s+/g, ' ') }
  },

  /** Created as a draft through the form, published from the list; the roster's address gives its id. */
  async createActivity({ project, title, startsAt, endsAt, address, latitude, longitude, capacity }) {
    await go('activities')
    await page.locator('[data-test=new-activity]').click()
    const form = page.locator('[data-test=activity-form]')
    await form.locator('[data-test=form-project]').click()
    await option(project).click()
    await form.locator('[data-test=form-title]').fill(title)
    await fillDate(form, '开始', startsAt)
    await fillDate(form, '结束', endsAt)
    await form.locator('[data-test=form-address]').fill(address)
    await fillNumber('[data-test=form-latitude]', latitude)
    await fillNumber('[data-test=form-longitude]', longitude)
    await fillNumber('[data-test=form-capacity]', capacity)
    await screenshot('activity-form')
    await form.locator('[data-test=form-save]').click()
    const draft = row('activity-table', title)
    await draft.locator('[data-test=activity-status]', { hasText: '草稿' }).waitFor()
    await draft.locator('[data-test=publish]').click()
    await message('已发布，开始招募')
    await page.locator('[data-test=activity-status-filter]').getByText('招募中', { exact: true }).click()
    const published = row('activity-table', title)
    await published.locator('[data-test=activity-status]', { hasText: '招募中' }).waitFor()
    const when = (await published.textContent()).replace(/\s+/g, ' ')
    await screenshot('activities')
    await published.locator('[data-test=roster]').click()
    await page.waitForURL(/\/console\/activities\/\d+\/roster$/)
    return { id: /activities\/(\d+)\/roster/.exec(page.url())[1], row: when }
  },

  async startActivity({ title }) {
    await go('activities')
    const published = row('activity-table', title)
    await published.getByRole('button', { name: '开始', exact: true }).click()
    await message('活动已开始')
    await page.locator('[data-test=activity-status-filter]').getByText('进行中', { exact: true }).click()
    await row('activity-table', title).locator('[data-test=activity-status]', { hasText: '进行中' }).waitFor()
    await screenshot('activity-started')
    return { started: true }
  },

  /** The 报名来源 report as its table shows it: source key → sign-ups and cancelled. */
  async signUpSources({ name }) {
    await go('results/sign-up-sources')
    await page.locator('[data-loaded=true]').waitFor()
    await settled()
    const rows = await page.locator('[data-test=sources-table] tbody tr').evaluateAll((trs) => trs.map((tr) => ({
      source: tr.querySelector('[data-test=source-key]').textContent.trim(),
      signUps: Number(tr.querySelector('[data-test=source-sign-ups]').textContent),
      cancelled: Number(tr.querySelector('[data-test=source-cancelled]').textContent),
    })))
    if (name) await screenshot(name)
    return { rows }
  },

  async createReward({ name, price, stock }) {
    await go('store/rewards')
    await page.locator('[data-test=new-reward]').click()
    await page.locator('[data-test=reward-form-name]').fill(name)
    await fillNumber('[data-test=reward-form-price]', price)
    await fillNumber('[data-test=reward-form-stock]', stock)
    await page.locator('[data-test=reward-form-save]').click()
    await message('已上架')
    const line = page.locator('tr', { has: page.locator('[data-test=reward-name]', { hasText: name }) })
    await line.waitFor()
    await screenshot('reward-on-sale')
    return { stock: Number(await line.locator('[data-test=reward-stock]').textContent()) }
  },

  /** 电话代录: a resident's call entered on the form; answers the confirmation the screen shows. */
  async enterNeed({ title, description, address, contactName, contactPhone, consentNote }) {
    await go('dispatch/new')
    const form = page.locator('[data-test=need-entry-form][data-ready=true]')
    await form.waitFor()
    await form.locator('[data-test=need-entry-title]').fill(title)
    await form.locator('[data-test=need-entry-description]').fill(description)
    await form.locator('[data-test=need-entry-address]').fill(address)
    await form.locator('[data-test=need-entry-contact-name]').fill(contactName)
    await form.locator('[data-test=need-entry-contact-phone]').fill(contactPhone)
    await form.locator('[data-test=need-entry-consent]').fill(consentNote)
    await screenshot('need-entry')
    await form.locator('[data-test=need-entry-save]').click()
    const saved = page.locator('[data-test=need-entry-saved]')
    await saved.waitFor()
    await screenshot('need-entered')
    return { saved: (await saved.textContent()).trim() }
  },

  async close() {
    const errors = [...pageErrors]
    if (browser) await browser.close()
    browser = null
    return { pageErrors: errors }
  },
}

process.on('message', async ({ id, step, args }) => {
  try {
    const result = await steps[step](args || {})
    process.send({ id, ok: true, result })
  } catch (e) {
    let shotPath = null
    try {
      if (page) {
        shotPath = path.join(SHOTS, `failed-${step}.png`)
        await page.screenshot({ path: shotPath })
      }
    } catch (ignored) {
      // the failure is what matters
    }
    process.send({ id, ok: false, error: `${step}: ${e.message}${shotPath ? ` (screenshot ${shotPath})` : ''}` })
  }
})
