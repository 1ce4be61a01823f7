// Staff settings in a real browser (Debian's chromium driven by playwright-core) against a backend
// in the `local` profile, signed in with the local developer shortcut as the demo center admin:
// a 服务项目 edited through its prefilled form (its 承办队伍 a team found only by typing its name: the
// picker's first page holds older ones) and archived after the confirmation that says what
// archiving means (then marked, without 编辑, and not offered for a new activity); then, as the demo
// city's admin (the menu and the reconciliation are every county's, so the whole deployment's admins'),
// the 公众号 menu previewed, a featured activity of the demo county found by its title and the menu
// published to the WeChat stub; 积分对账 run with its result in words and the repair records listed.
// Each read back through the API.
// Screenshots go to SCREENSHOT_DIR. Run by ConsoleBrowserTest through scripts/maven-test.sh.
import path from 'node:path'
import { chromium } from 'playwright-core'
import { BASE, SHOTS, CHROMIUM, gql, login, assert, demoCenter } from './support.mjs'

const step = (text) => console.log(`[staff-settings] ${text}`)
const started = Date.now()
const run = Date.now().toString(36)

step('arranging through the API')
const admin = await login('admin')
const city = await login('city')
const { station } = await demoCenter(admin)
const createProject = async (name) => (await gql('mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }',
  { i: { orgUnitId: station.id, name, category: 'CULTURE', description: '控制台设置测试' } }, admin.accessToken)).createProject.id
const projectName = `送戏下乡 ${run}`
const projectId = await createProject(projectName)
// A published activity, to feature in the menu. Both under 东珠社区, the working unit: a station's
// few projects, where the county's center lists every script's.
const hostProject = await createProject(`敬老服务 ${run}`)
const starts = new Date(Date.now() + 3 * 24 * 3600000)
const featuredTitle = `重阳敬老 ${run}`
const featuredId = (await gql('mutation($i: CreateActivityInput!) { createActivity(input: $i) { id } }', {
  i: { projectId: hostProject, title: featuredTitle, startsAt: starts.toISOString(), endsAt: new Date(starts.getTime() + 2 * 3600000).toISOString(),
    address: '东珠社区党群服务中心', latitude: 31.3668, longitude: 119.8151, capacity: 20 },
}, admin.accessToken)).createActivity.id
await gql('mutation($id: ID!) { publishActivity(id: $id) { id } }', { id: featuredId }, admin.accessToken)

// A team the project picker shows only when searched for: the station holds a first page (20, oldest
// first) of older teams, so the new one is not among those offered before typing.
function idNumber() {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const first17 = `320282${1960 + Math.floor(Math.random() * 40)}0${1 + Math.floor(Math.random() * 9)}1${Math.floor(Math.random() * 9)}${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * weights[i], 0)
  return first17 + '10X98765432'[sum % 11]
}
const createTeam = async (name, suffix) => {
  const leader = await login(`staff-settings-leader-${run}-${suffix}`)
  await gql('mutation($i: RegisterVolunteerInput!) { registerVolunteer(input: $i) { id } }',
    { i: { realName: '钱队长', idNumber: idNumber(), homeStationId: station.id } }, leader.accessToken)
  return (await gql('mutation($i: CreateTeamInput!) { createTeam(input: $i) { id } }',
    { i: { orgUnitId: station.id, name, kind: 'SQUAD', leaderUserId: leader.user.id } }, admin.accessToken)).createTeam.id
}
const firstTeams = async () => (await gql('query($u: ID!) { teams(orgUnitId: $u, first: 20) { edges { node { id name } } } }',
  { u: station.id }, admin.accessToken)).teams.edges.map((e) => e.node)
for (let i = (await firstTeams()).length; i < 20; i++) await createTeam(`文艺轻骑兵 ${run}-${i}`, i)
const searchedTeam = `送戏小分队${run}`
const searchedTeamId = await createTeam(searchedTeam, 'searched')
assert(!(await firstTeams()).some((t) => t.id === searchedTeamId), 'the new team is not on the first page of the station\'s teams')

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
  const messageBox = page.locator('.el-message-box')

  // --- 服务项目: edit, then archive.
  step('projects: edit through the prefilled form')
  await page.goto(`${BASE}/console/projects?dev=admin`)
  await page.waitForURL(/\/console\/projects$/)
  const row = (name) => page.locator('[data-test=project-table] tbody tr', { has: page.locator('[data-test=project-name]', { hasText: name }) })
  // Oldest first: page on to the new project.
  await page.locator('[data-test=project-table] tbody tr').first().waitFor()
  for (let i = 0; i < 20 && !(await row(projectName).count()); i++) {
    await settled()
    if (await row(projectName).count()) break
    assert(await page.locator('[data-test=next-page]').isEnabled(), `${projectName} is in the station's projects`)
    await page.locator('[data-test=next-page]').click()
  }
  await row(projectName).locator('[data-test=project-edit]').click()
  const form = page.locator('.el-dialog', { has: page.locator('[data-test=project-form-save]') })
  const nameInput = form.locator('[data-test=project-form-name]')
  assert(await nameInput.inputValue() === projectName, 'the edit form is prefilled')
  const editedName = `送戏下乡（秋季） ${run}`
  await nameInput.fill(editedName)
  await form.locator('[data-test=project-form-description]').fill('锡剧、小品进村演出，每月两场')
  step('projects: a team found only by typing its name is chosen')
  const teamSelect = form.locator('[data-test=project-form-team]')
  await teamSelect.click()
  const teamOptions = page.locator('.el-select-dropdown__item:visible')
  await teamOptions.first().waitFor()
  assert(await teamOptions.filter({ hasText: searchedTeam }).count() === 0, 'before typing, the first page does not hold the new team')
  await page.keyboard.type(searchedTeam)
  await teamOptions.filter({ hasText: searchedTeam }).first().waitFor()
  await settled()
  await page.screenshot({ path: path.join(SHOTS, '80a-project-team-search.png') })
  await teamOptions.filter({ hasText: searchedTeam }).first().click()
  await teamSelect.getByText(searchedTeam).waitFor()
  await settled()
  await page.screenshot({ path: path.join(SHOTS, '80-project-edit.png') })
  await form.locator('[data-test=project-form-save]').click()
  await row(editedName).waitFor()
  await row(editedName).getByText(searchedTeam).waitFor()
  // Opened again, the form shows the chosen team by name though the first page does not hold it.
  await row(editedName).locator('[data-test=project-edit]').click()
  await form.locator('[data-test=project-form-team]').getByText(searchedTeam).waitFor()
  await form.getByRole('button', { name: '取消' }).click()
  await form.waitFor({ state: 'hidden' })

  step('projects: archive after the confirmation')
  await row(editedName).locator('[data-test=project-archive]').click()
  await messageBox.getByText('不能再在该项目下新建活动').waitFor()
  await messageBox.getByText('归档后不能恢复', { exact: false }).waitFor()
  await page.screenshot({ path: path.join(SHOTS, '81-project-archive-confirm.png') })
  await messageBox.getByRole('button', { name: '归档' }).click()
  await row(editedName).locator('[data-test=project-status]', { hasText: '已归档' }).waitFor()
  assert(await row(editedName).locator('[data-test=project-edit]').count() === 0, 'an archived project offers no 编辑')
  await settled()
  await page.screenshot({ path: path.join(SHOTS, '82-project-archived.png') })
  const project = (await gql('query($id: ID!) { project(id: $id) { name description status teamId } }', { id: projectId }, admin.accessToken)).project
  assert(project.name === editedName && project.description === '锡剧、小品进村演出，每月两场' && project.status === 'ARCHIVED'
    && project.teamId === searchedTeamId,
    `edited and archived: ${JSON.stringify(project)}`)

  step('activities: the archived project is not offered for a new activity')
  await page.goto(`${BASE}/console/activities`)
  await page.locator('[data-test=new-activity]').click()
  await page.locator('[data-test=form-project]').click()
  const options = page.locator('.el-select-dropdown__item:visible')
  await options.filter({ hasText: `敬老服务 ${run}` }).first().waitFor()
  assert(await options.filter({ hasText: run }).filter({ hasText: '送戏下乡' }).count() === 0, 'no archived project among the choices')
  await page.keyboard.press('Escape')

  // --- 公众号菜单: preview, feature an activity, publish.
  step('公众号菜单: preview and publish with a featured activity, as the city admin')
  const cityContext = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  await cityContext.addInitScript(({ unit }) => localStorage.setItem('wenming.console.unit', unit), { unit: station.id })
  page = await cityContext.newPage()
  page.on('pageerror', (e) => pageErrors.push(e.message))
  await page.goto(`${BASE}/console/activities/mp-menu?dev=city`)
  await page.waitForURL(/\/console\/activities\/mp-menu$/)
  const preview = page.locator('[data-test=mp-preview]')
  await preview.getByText('心愿墙', { exact: true }).waitFor()
  // Found by its title: the station's recruiting activities may be more than the first page.
  await page.locator('[data-test=mp-featured]').click()
  await page.keyboard.type(featuredTitle)
  await page.locator('.el-select-dropdown__item:visible', { hasText: featuredTitle }).first().click()
  await preview.getByText(featuredTitle).waitFor()
  await preview.getByText('打开小程序：活动报名页').waitFor()
  await settled()
  await page.screenshot({ path: path.join(SHOTS, '83-mp-menu-preview.png') })
  await page.locator('[data-test=mp-publish]').click()
  await page.locator('.el-message-box').getByRole('button', { name: '发布' }).click()
  await page.locator('[data-test=mp-published]').waitFor()
  await page.locator('[data-test=mp-published-table]').getByText(featuredTitle).waitFor()
  await settled()
  await page.screenshot({ path: path.join(SHOTS, '84-mp-menu-published.png') })

  // --- 积分对账: run from a week back, the result in words and the repair records.
  step('积分对账: run and read the result')
  await page.goto(`${BASE}/console/store/reconcile`)
  await page.locator('[data-test=repair-table]').waitFor()
  await page.locator('[data-test=reconcile-run]').click()
  const result = page.locator('[data-test=reconcile-result]')
  await result.waitFor()
  const lines = await result.locator('[data-test=reconcile-line]').allTextContents()
  assert(lines.length >= 2 && /积分/.test(lines[0]) && /账户/.test(lines[1]), `the result in words: ${lines.join(' / ')}`)
  await settled()
  await page.screenshot({ path: path.join(SHOTS, '85-points-reconcile.png') })
  const repairs = (await gql('{ pointsRepairs(first: 20) { edges { node { id userName } } } }', {}, city.accessToken)).pointsRepairs.edges
  const shownRows = await page.locator('[data-test=repair-who]').count()
  assert(shownRows === Math.min(repairs.length, 20), `the repair records listed: ${shownRows} shown, API has ${repairs.length}`)

  assert(pageErrors.length === 0, `no errors in the page: ${pageErrors.join('; ')}`)
  step(`staff settings passed in ${Math.round((Date.now() - started) / 1000)} s; screenshots in ${SHOTS}`)
} catch (e) {
  if (page) await page.screenshot({ path: path.join(SHOTS, '89-staff-settings-failure.png') }).catch(() => {})
  throw e
} finally {
  await browser.close()
}
