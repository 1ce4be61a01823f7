// The station map on a tile provider in a real browser (Debian's chromium driven by playwright-core).
// The server runs with no tile URL (the other scripts expect the offline scatter, and one server serves
// them all), so this script first checks that offline installation: the scatter, and Leaflet never
// downloaded. Then it intercepts the console's consoleSettings answer with a configured provider
// (WGS84 tiles at a made-up host) and answers every tile request with a PNG drawn here: the stations
// must appear as circle markers coloured as the scatter colours them, at coordinates converted from
// GCJ-02, with the attribution shown, nothing of Leaflet's on window, and a click on a marker drilling
// down to that station. Screenshots go to SCREENSHOT_DIR. Run by ConsoleBrowserTest through
// scripts/maven-test.sh.
import path from 'node:path'
import zlib from 'node:zlib'
import { chromium } from 'playwright-core'
import { BASE, SHOTS, CHROMIUM, gql, login, assert, demoCenter } from './support.mjs'
import { colourMax, figureColor } from '../src/views/results/stationMap.js'

const step = (text) => console.log(`[map] ${text}`)
const started = Date.now()
const TILES = { urlTemplate: 'https://tiles.test/{s}/{z}/{x}/{y}.png', subdomains: ['a', 'b'], attribution: '© 测试底图 <b>', maxZoom: 18, datum: 'WGS84' }

/** A 256×256 PNG: pale land with a grid, so the screenshot shows the tiles are drawn and aligned. */
function tilePng() {
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
  const rows = []
  for (let y = 0; y < 256; y++) {
    const row = Buffer.alloc(1 + 256 * 3)
    for (let x = 0; x < 256; x++) {
      const line = x % 64 === 0 || y % 64 === 0
      row.set(line ? [200, 210, 220] : [238, 243, 236], 1 + x * 3)
    }
    rows.push(row)
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(256, 0)
  header.writeUInt32BE(256, 4)
  header.set([8, 2, 0, 0, 0], 8) // 8-bit RGB
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))])
}

step('arranging through the API')
const admin = await login('admin')
const { centerId } = await demoCenter(admin)
const beijingNow = new Date(Date.now() + 8 * 3600 * 1000)
const { assessment } = await gql('query($u: ID!, $y: Int!, $m: Int!) { assessment(orgUnitId: $u, year: $y, month: $m) { units { orgUnitId name level figures { kind value } } } }',
  { u: centerId, y: beijingNow.getUTCFullYear(), m: beijingNow.getUTCMonth() + 1 }, admin.accessToken)
const { orgTree } = await gql('query($r: ID!) { orgTree(rootId: $r) { unit { id latitude } } }', { r: centerId }, admin.accessToken)
const located = new Set(orgTree.filter((n) => n.unit.latitude != null).map((n) => n.unit.id))
const stations = assessment.units.filter((u) => u.level === 'STATION' && located.has(u.orgUnitId))
assert(stations.length >= 2, `the demo center has located stations (${stations.length})`)
// The demo stations held no activities this month, which would colour them all alike: the browser's
// assessment answer is given them 0, 1, 2… activities (the rest of the answer is the server's).
const spread = Object.fromEntries(stations.map((u, i) => [u.orgUnitId, i]))
const max = colourMax(Object.values(spread))
const expectedColours = stations.map((u) => figureColor(spread[u.orgUnitId], max)).sort()
assert(new Set(expectedColours).size === stations.length, 'every station a colour of its own')

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
})
try {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  await context.addInitScript((unit) => localStorage.setItem('wenming.console.unit', unit), centerId)
  const page = await context.newPage()
  const pageErrors = []
  page.on('pageerror', (e) => pageErrors.push(e.message))
  const assets = []
  page.on('request', (r) => assets.push(r.url()))

  step('offline (no tile URL): the scatter, and no Leaflet')
  await page.goto(`${BASE}/console/results/assessment?dev=admin`)
  await page.locator('[data-test=station-map] canvas').waitFor()
  await page.waitForTimeout(800)
  assert(!assets.some((u) => /\/assets\/leaflet-/.test(u)), 'an offline console never downloads Leaflet')
  assert(!assets.some((u) => u.includes('tiles.test')), 'nor asks for tiles')
  assert((await page.locator('[data-test=station-tile-map]').count()) === 0, 'no tile map offline')

  step('a tile provider configured: consoleSettings answered with it, tiles served locally')
  let tileRequests = 0
  const png = tilePng()
  await page.route('https://tiles.test/**', (route) => {
    tileRequests++
    return route.fulfill({ status: 200, contentType: 'image/png', body: png })
  })
  await page.route('**/graphql', async (route) => {
    const body = route.request().postDataJSON() || {}
    const query = String(body.query || '')
    if (query.includes('assessment(')) {
      const response = await route.fetch()
      const json = await response.json()
      for (const unit of json.data.assessment.units) {
        const activities = unit.figures.find((f) => f.kind === 'ACTIVITIES')
        if (unit.orgUnitId in spread && activities) activities.value = spread[unit.orgUnitId]
      }
      return route.fulfill({ response, json })
    }
    if (!query.includes('consoleSettings')) return route.fallback()
    return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ data: { consoleSettings: { mapTiles: TILES } } }) })
  })
  await page.reload()
  const map = page.locator('[data-test=station-tile-map]')
  await map.locator('.leaflet-tile-loaded').first().waitFor()
  await map.locator('path.leaflet-interactive').nth(stations.length - 1).waitFor()
  await page.waitForTimeout(800) // tiles fade in
  assert(assets.some((u) => /\/assets\/leaflet-/.test(u)), 'Leaflet is loaded once tiles are configured')
  assert(tileRequests > 0, 'tiles were requested from the configured template')
  assert(assets.some((u) => /^https:\/\/tiles\.test\/[ab]\/\d+\/\d+\/\d+\.png$/.test(u)), 'the template\'s {s}, {z}, {x}, {y} are filled')
  const colours = (await map.locator('path.leaflet-interactive').evaluateAll((ps) => ps.map((p) => p.getAttribute('fill')))).sort()
  assert(JSON.stringify(colours) === JSON.stringify(expectedColours), `markers coloured as the scatter: ${colours} vs ${expectedColours}`)
  const attribution = await map.locator('.leaflet-control-attribution').textContent()
  assert(attribution.includes('© 测试底图 <b>'), `the attribution is shown as text: ${attribution}`)
  assert(await page.evaluate(() => typeof window.L === 'undefined'), 'Leaflet registers nothing on window')
  await map.scrollIntoViewIfNeeded()
  await map.screenshot({ path: path.join(SHOTS, '50-station-tile-map.png') })

  step('a marker clicked drills down to its station')
  const target = stations[0]
  await map.locator('.leaflet-tooltip', { hasText: target.name }).waitFor()
  // Markers and their tooltips are added in the same order. The click is dispatched on the marker's
  // own element: stations created by earlier runs in a shared database may sit on the same spot.
  const markerIndex = await map.locator('.leaflet-tooltip').evaluateAll((tips, name) => tips.findIndex((t) => t.textContent.startsWith(name + ' ')), target.name)
  assert(markerIndex >= 0, `a marker for ${target.name}`)
  await map.locator('path.leaflet-interactive').nth(markerIndex).dispatchEvent('click')
  await page.locator('[data-test=assessment-crumbs]', { hasText: target.name }).waitFor()
  await page.evaluate(() => document.querySelector('.main').scrollTo(0, 0))
  await page.screenshot({ path: path.join(SHOTS, '51-station-drilled.png') })

  assert(pageErrors.length === 0, `no page errors: ${pageErrors.join('; ')}`)
  console.log(`[map] station tile map passed in ${Math.round((Date.now() - started) / 1000)} s`)
} finally {
  await browser.close()
}
