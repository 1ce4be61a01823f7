// The dispatch desk's 内容审核 and the 队伍 screen's management actions in a real browser (Debian's
// chromium driven by playwright-core) against a backend in the `local` profile, signed in with the
// local developer shortcut. Arranged through the API: a need at 东珠社区 with two photos WeChat has not
// passed (the local run sends no check without a public base URL), and a need whose completion note the stub
// held for review (the text contains REVIEW), and a 随手拍 whose photo is held the same way. In the
// browser: one photo approved, the other rejected, the 随手拍 photo approved from its card, the note
// made public; a team's leader changed, its former leader removed (after the API refused removing
// the leader), the team disbanded. Every result is read back through the API;
// a screenshot of each step goes to SCREENSHOT_DIR. Run by ConsoleBrowserTest (scripts/maven-test.sh).
import path from 'node:path'
import zlib from 'node:zlib'
import { chromium } from 'playwright-core'
import { BASE, SHOTS, CHROMIUM, gql, login, assert, demoCenter } from './support.mjs'

const step = (text) => console.log(`[review] ${text}`)
const started = Date.now()
const run = Date.now().toString(36)

/** A real PNG (width × height, a colour gradient), so the server makes a thumbnail of it. */
function png(width, height, hue) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc = (buf) => {
    let c = 0xffffffff
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8)
    return (c ^ 0xffffffff) >>> 0
  }
  const chunk = (type, data) => {
    const len = Buffer.alloc(4)
    len.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const sum = Buffer.alloc(4)
    sum.writeUInt32BE(crc(body))
    return Buffer.concat([len, body, sum])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = 8 // bit depth
  header[9] = 2 // RGB
  const rows = []
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3)
    for (let x = 0; x < width; x++) {
      row[1 + x * 3] = hue === 'red' ? 220 : Math.round((x / width) * 120)
      row[2 + x * 3] = Math.round((y / height) * 200)
      row[3 + x * 3] = hue === 'red' ? 60 : 210
    }
    rows.push(row)
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))])
}

async function upload(token, bytes) {
  const form = new FormData()
  form.append('file', new Blob([bytes], { type: 'image/png' }), 'photo.png')
  const res = await fetch(`${BASE}/media/photos`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form })
  const body = await res.json()
  assert(res.status === 201, `upload answered ${res.status}: ${JSON.stringify(body)}`)
  return body.id
}

/** A valid 18-character ID number (ISO 7064 MOD 11-2), different every call. */
function idNumber() {
  const birth = new Date(Date.UTC(1960, 0, 1) + Math.floor(Math.random() * 15000) * 86400000)
  const pad = (n, w) => String(n).padStart(w, '0')
  const first17 = `${320282}${birth.getUTCFullYear()}${pad(birth.getUTCMonth() + 1, 2)}${pad(birth.getUTCDate(), 2)}${pad(Math.floor(Math.random() * 1000), 3)}`
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * weights[i], 0)
  return first17 + '10X98765432'[sum % 11]
}

// --- Arrange through the API.
step('arranging through the API')
const admin = await login('admin')
const { centerId, station } = await demoCenter(admin)
const categoryId = (await gql('{ needCategories { id name } }')).needCategories[0].id
const resident = await login(`review-resident-${run}`)
const submit = async (title, photoIds = []) =>
  (await gql('mutation($i: SubmitNeedInput!) { submitNeed(input: $i) { id } }', {
    i: {
      categoryId, title, description: '家里的门锁坏了，需要志愿者上门帮忙', beneficiaryType: 'ELDERLY', urgency: 'NORMAL',
      address: '宜城街道东珠路 20 号', latitude: 31.3665, longitude: 119.8148, contactName: '周桂英',
      contactPhone: '13812345679', stationId: station.id, photoIds, idempotencyKey: `e2e-${crypto.randomUUID()}`,
    },
  }, resident.accessToken)).submitNeed.id
const keep = await upload(resident.accessToken, png(480, 320, 'blue'))
const drop = await upload(resident.accessToken, png(480, 320, 'red'))
const photoNeedTitle = `门锁维修 ${run}`
const photoNeed = await submit(photoNeedTitle, [keep, drop])

const textNeedTitle = `陪伴聊天 ${run}`
const textNeed = await submit(textNeedTitle)
const liuna = await login('liuna')
const heldNote = `已陪老人聊天两小时 REVIEW ${run}`
await gql('mutation($n: ID!) { publishNeed(needId: $n) { id } }', { n: textNeed }, admin.accessToken)
await gql('mutation($i: DispatchNeedInput!) { dispatchNeed(input: $i) { id } }',
  { i: { needId: textNeed, volunteerUserId: liuna.user.id, deadline: new Date(Date.now() + 3 * 86400000).toISOString() } },
  admin.accessToken)
await gql('mutation($n: ID!) { acceptNeed(needId: $n) { id } }', { n: textNeed }, liuna.accessToken)
await gql('mutation($n: ID!) { startNeed(needId: $n) { id } }', { n: textNeed }, liuna.accessToken)
const completed = (await gql('mutation($i: CompleteNeedInput!) { completeNeed(input: $i) { completionNoteHold } }',
  { i: { needId: textNeed, note: heldNote, participants: [{ userId: liuna.user.id, hours: 1 }] } }, liuna.accessToken)).completeNeed
assert(completed.completionNoteHold === 'REVIEW', `the stub holds the note: ${JSON.stringify(completed)}`)
// The timeline names the volunteer the need was dispatched to (stored as an id).
const timeline = (await gql('query($n: ID!) { need(id: $n) { timeline { toStatus note } } }', { n: textNeed }, admin.accessToken)).need.timeline
const dispatchNote = timeline.find((t) => t.toStatus === 'DISPATCHED').note
assert(/^派给志愿者：\D/.test(dispatchNote), `the dispatch names the volunteer: ${dispatchNote}`)

// A team of the station: a leader and a member, both registered volunteers.
const register = async (code, realName) => {
  const user = await login(code)
  await gql('mutation($i: RegisterVolunteerInput!) { registerVolunteer(input: $i) { id } }',
    { i: { realName, idNumber: idNumber(), homeStationId: station.id, skills: ['陪伴'] } }, user.accessToken)
  return user
}
const firstLeader = await register(`review-leader-${run}`, '赵志强')
const member = await register(`review-member-${run}`, '钱丽华')
const teamName = `关爱老人队${run}`
const teamId = (await gql('mutation($i: CreateTeamInput!) { createTeam(input: $i) { id } }',
  { i: { orgUnitId: station.id, name: teamName, kind: 'SPECIALTY', leaderUserId: firstLeader.user.id, skills: ['陪伴'] } },
  admin.accessToken)).createTeam.id
const requestId = (await gql('mutation($t: ID!) { requestToJoinTeam(teamId: $t) { id } }', { t: teamId }, member.accessToken)).requestToJoinTeam.id
await gql('mutation($r: ID!) { approveJoinRequest(requestId: $r) { id } }', { r: requestId }, admin.accessToken)

// A 随手拍 with a photo WeChat has not passed (held like the need's): a registered volunteer reports it.
const civicReporter = await register(`review-civic-${run}`, '孙晓梅')
const civicPhoto = await upload(civicReporter.accessToken, png(480, 320, 'blue'))
const civicDescription = `小区门口消防通道被占用 ${run}`
const civicReport = (await gql('mutation($i: SubmitCivicReportInput!) { submitCivicReport(input: $i) { id } }', {
  i: { category: 'PARKING', description: civicDescription, photoIds: [civicPhoto], latitude: 31.3665, longitude: 119.8148,
    address: '宜城街道东珠路 20 号', stationId: station.id, idempotencyKey: `e2e-${crypto.randomUUID()}` },
}, civicReporter.accessToken)).submitCivicReport.id

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
})
try {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  await context.addInitScript((id) => localStorage.setItem('wenming.console.unit', id), station.id)
  const page = await context.newPage()
  const pageErrors = []
  page.on('pageerror', (e) => pageErrors.push(e.message))
  const settled = async () => {
    await page.locator('.el-loading-mask').first().waitFor({ state: 'detached' }).catch(() => {})
    await page.waitForTimeout(400)
  }
  const confirmBox = async (button) => {
    const box = page.locator('.el-message-box')
    await box.waitFor()
    await box.locator('button', { hasText: button }).click()
    await box.waitFor({ state: 'hidden' })
  }

  // --- 内容审核: held photos with their thumbnails.
  step('held photos: approve one, reject one')
  await page.goto(`${BASE}/console/dispatch/review?dev=admin`)
  await page.waitForURL(/\/console\/dispatch\/review$/)
  const cards = page.locator('[data-test=held-photo]', { hasText: photoNeedTitle })
  await cards.nth(1).waitFor()
  assert((await cards.count()) === 2, 'both photos of the need are held')
  // The thumbnails really load (signed for this admin while the photos are held).
  await page.waitForFunction((title) => {
    const imgs = [...document.querySelectorAll('[data-test=held-photo]')]
      .filter((c) => c.textContent.includes(title)).map((c) => c.querySelector('img'))
    return imgs.length === 2 && imgs.every((i) => i && i.complete && i.naturalWidth > 0)
  }, photoNeedTitle)
  const widths = await cards.locator('img').evaluateAll((imgs) => imgs.map((i) => i.naturalWidth))
  assert(widths.every((w) => w === 320), `thumbnails are 320 wide: ${widths}`)
  // Without app.media.public-base-url (the local run) the check is never sent: 未能检测; with it, 检测中.
  const holds = await cards.locator('[data-test=held-photo-hold]').allTextContents()
  assert(holds.every((h) => ['检测中', '未能检测'].includes(h.trim())), `the holds are shown: ${holds}`)
  await settled()
  await page.screenshot({ path: path.join(SHOTS, '40-review-photos.png') })
  // The first card is the older upload (the one to keep): the queue is oldest first.
  await cards.first().locator('[data-test=photo-approve]').click()
  await page.getByText('照片已通过').waitFor()
  await cards.nth(1).waitFor({ state: 'detached' })
  await cards.first().locator('[data-test=photo-reject]').click()
  await confirmBox('不通过')
  await page.getByText('照片已设为不通过').waitFor()
  await cards.first().waitFor({ state: 'detached' })
  await settled()
  await page.screenshot({ path: path.join(SHOTS, '41-review-photos-done.png') })
  const photos = (await gql('query($n: ID!) { need(id: $n) { photos { id status } } }', { n: photoNeed }, admin.accessToken)).need.photos
  assert(photos.length === 1 && photos[0].id === keep && photos[0].status === 'PASSED',
    `the approved photo is shown, the rejected one is not: ${JSON.stringify(photos)}`)
  const residentSees = (await gql('query($n: ID!) { need(id: $n) { photos { id status } } }', { n: photoNeed }, resident.accessToken)).need.photos
  assert(residentSees.find((p) => p.id === drop)?.status === 'REJECTED', `the uploader sees the rejection: ${JSON.stringify(residentSees)}`)

  // --- 内容审核: a held 随手拍 photo, labelled as such, in its own section of the same tab.
  step('held 随手拍 photo: approve it')
  const civicCard = page.locator('[data-test=held-civic-photos] [data-test=held-photo]', { hasText: civicDescription })
  await civicCard.waitFor()
  assert((await civicCard.locator('[data-test=held-photo-source]').textContent()).trim() === '随手拍', 'the card says 随手拍')
  assert((await civicCard.textContent()).includes('乱停乱放'), 'the card names the category')
  await page.waitForFunction((text) => {
    const card = [...document.querySelectorAll('[data-test=held-civic-photos] [data-test=held-photo]')].find((c) => c.textContent.includes(text))
    const img = card && card.querySelector('img')
    return img && img.complete && img.naturalWidth > 0
  }, civicDescription)
  await settled()
  await page.screenshot({ path: path.join(SHOTS, '41a-review-civic-photo.png') })
  await civicCard.locator('[data-test=photo-approve]').click()
  await civicCard.waitFor({ state: 'detached' })
  const civicPhotos = (await gql('query($id: ID!) { civicReport(id: $id) { photos { id status } } }', { id: civicReport }, admin.accessToken)).civicReport.photos
  assert(civicPhotos.length === 1 && civicPhotos[0].id === civicPhoto && civicPhotos[0].status === 'PASSED',
    `the approved 随手拍 photo is shown to the staff: ${JSON.stringify(civicPhotos)}`)

  // --- 内容审核: held texts.
  step('held texts: make the note public')
  await page.getByRole('tab', { name: '待审文字' }).click()
  const textRow = page.locator('[data-test=held-texts] tbody tr', { hasText: textNeedTitle })
  await textRow.getByText(heldNote).waitFor()
  await settled()
  await page.screenshot({ path: path.join(SHOTS, '42-review-texts.png') })
  await textRow.locator('[data-test=text-approve]').click()
  await page.getByText('已公开').waitFor()
  await textRow.waitFor({ state: 'detached' })
  const note = (await gql('query($n: ID!) { need(id: $n) { completionNote completionNoteHold } }', { n: textNeed }, resident.accessToken)).need
  assert(note.completionNote === heldNote && note.completionNoteHold === null, `the resident now reads the note: ${JSON.stringify(note)}`)

  // --- 队伍: the API's refusal shown, the leader changed, the former leader removed, the team disbanded.
  step('teams: refuse removing the leader, change leader, remove, disband')
  await page.goto(`${BASE}/console/people/teams`)
  await page.locator('[data-test=team-search]').fill(run)
  await page.locator('[data-test=team-search-go]').click()
  const teamRow = page.locator('[data-test=teams-table] tbody tr', { hasText: teamName })
  await teamRow.getByText('赵*').waitFor()
  await teamRow.locator('[data-test=team-open]').click()
  const drawer = page.locator('[data-test=team-drawer]')
  const leaderRow = drawer.locator('[data-test=members-table] tbody tr', { hasText: '赵*' })
  const memberRow = drawer.locator('[data-test=members-table] tbody tr', { hasText: '钱*' })
  await memberRow.waitFor()
  await leaderRow.locator('[data-test=member-remove]').click()
  await confirmBox('移出')
  await page.getByText('不能移出队长，请先更换队长').waitFor()
  await settled()
  await page.screenshot({ path: path.join(SHOTS, '43-team-refused.png') })
  await memberRow.locator('[data-test=member-make-leader]').click()
  await confirmBox('更换')
  await page.getByText('队长已更换').waitFor()
  await memberRow.getByText('队长', { exact: true }).waitFor()
  await leaderRow.locator('[data-test=member-remove]').click()
  await confirmBox('移出')
  await page.getByText('已移出').waitFor()
  await leaderRow.waitFor({ state: 'detached' })
  await settled()
  await page.screenshot({ path: path.join(SHOTS, '44-team-leader-changed.png') })
  const team = (await gql('query($id: ID!) { team(id: $id) { status memberCount leader { userId } } }', { id: teamId }, admin.accessToken)).team
  assert(team.memberCount === 1 && team.leader.userId === member.user.id, `the new leader leads alone: ${JSON.stringify(team)}`)
  await page.keyboard.press('Escape')
  await drawer.waitFor({ state: 'hidden' })
  await teamRow.locator('[data-test=team-disband]').click()
  await confirmBox('解散')
  await page.getByText('队伍已解散').waitFor()
  await teamRow.waitFor({ state: 'detached' })
  await settled()
  await page.screenshot({ path: path.join(SHOTS, '45-team-disbanded.png') })
  const disbanded = (await gql('query($id: ID!) { team(id: $id) { status } }', { id: teamId }, admin.accessToken)).team
  assert(disbanded.status === 'DISBANDED', `the team is disbanded: ${JSON.stringify(disbanded)}`)

  // Leave the shared demo station's desk as the other scripts expect it: nothing of ours waiting.
  await gql('mutation($n: ID!) { rejectNeed(needId: $n, reason: "测试数据") { id } }', { n: photoNeed }, admin.accessToken)
  await gql('mutation($n: ID!) { confirmNeedHours(needId: $n) { id } }', { n: textNeed }, admin.accessToken)
  await gql('mutation($i: TriageCivicReportInput!) { triageCivicReport(input: $i) { id } }',
    { i: { reportId: civicReport, accept: false, reason: '测试数据' } }, admin.accessToken)

  assert(pageErrors.length === 0, `no page errors: ${pageErrors.join('; ')}`)
  step(`done in ${Math.round((Date.now() - started) / 1000)} s`)
} finally {
  await browser.close()
}
