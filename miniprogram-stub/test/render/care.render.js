// 关怀模式 seen in a real browser: pages rendered by the simulator from their WXML and data, styled
// with app.wxss, the page's WXSS and the shared components' WXSS (each scoped the way the simulator
// scopes it, so a page's rules do not reach into a component, as in WeChat), then drawn by Chromium
// at a phone's width (375 px: 1rpx = 0.5px) in normal and care mode. Screenshots go to test-output/;
// the measurements below are what care mode promises: larger text, high contrast, big touch targets.
// Run: npm run render (needs Chromium: CHROMIUM or /usr/bin/chromium).
const fs = require('fs')
const path = require('path')
const { execFileSync } = require('child_process')
const wxss = require('miniprogram-simulate/src/wxss')
const client = require('../../api/client')
const care = require('../../utils/care')
const { loadPage, fakeServer } = require('../helpers')

const ROOT = path.join(__dirname, '..', '..')
const OUT = path.join(ROOT, 'test-output')

/** rpx for a 375 px wide phone (750 rpx = the screen's width). */
const rpx = (css) => css.replace(/(\d+(?:\.\d+)?)rpx/g, (_, n) => `${Number(n) / 2}px`)
const read = (file) => fs.readFileSync(path.join(ROOT, file), 'utf8')

// WeChat's own look of its built-in components (the parts these pages rely on).
const BUILT_INS = `
  main { display: block; min-height: 100vh; }
  wx-view, wx-navigator, wx-picker, wx-form, wx-label, wx-checkbox-group { display: block; }
  wx-text { display: inline; }
  wx-button { position: relative; display: block; margin: 0 auto; padding: 0 14px; box-sizing: border-box; font-size: 18px; text-align: center;
    line-height: 2.55555556; border-radius: 5px; color: #000; background: #f8f8f8; border: 1px solid rgba(0,0,0,.2); }
  wx-button[size=mini] { display: inline-block; line-height: 2.3; font-size: 13px; padding: 0 1.34em; }
  wx-input { display: block; height: 1.4rem; min-height: 1.4rem; line-height: 1.4rem; overflow: hidden; }
  wx-input:empty::before, wx-textarea:empty::before { content: attr(placeholder); color: #999; }
  wx-switch { display: inline-block; width: 52px; height: 32px; border-radius: 16px; background: #dfdfdf; vertical-align: middle; }
  wx-switch[checked] { background: #04be02; }
  wx-textarea { display: block; width: 300px; height: 150px; }
  wx-image { display: inline-block; width: 320px; height: 240px; }
`

function css(page, components) {
  const scoped = (text, prefix) => wxss.compile(text, { prefix })
  const app = read('app.wxss').replace(/(^|\})\s*page\s*\{/g, '$1 main {')
  const own = read(`${page}.wxss`)
  // WXSS names built-ins by their WXML tags; the simulator draws them as wx-* elements.
  const tags = (text) => text.replace(/(^|[\s,>+~}])(button|input|textarea|switch|image|view|text)(?=[\s,.:{[>+~]|$)/g, '$1wx-$2')
  return rpx(BUILT_INS + tags(scoped(app, 'main') + scoped(own, 'main') + components.map((c) => scoped(read(`components/${c}/${c}.wxss`), c)).join('')))
}

async function html(spec, careOn) {
  wx.__control.use(`render-${spec.name}-${careOn}`)
  wx.setStorageSync(client.SESSION_KEY, { accessToken: 'a', refreshToken: 'r', user: { id: '1', roles: ['RESIDENT'], roleGrants: [] } })
  care.set(careOn)
  wx.__control.setTransport(fakeServer(spec.handlers).transport)
  const page = loadPage(spec.page)
  await page.instance.onLoad(spec.query || {})
  if (spec.then) await spec.then(page)
  // Built-in components keep their properties off the DOM: copied back for the styles to see.
  for (const el of page.dom.querySelectorAll('wx-button, wx-input, wx-textarea, wx-switch')) {
    const props = (el.__wxElement && el.__wxElement.__propData) || {}
    for (const name of ['size', 'placeholder', 'type']) if (props[name]) el.setAttribute(name, props[name])
    if (props.checked) el.setAttribute('checked', '')
    if (props.value) el.textContent = props.value
  }
  const root = page.dom.firstElementChild
  // the simulator wrote the care variables' rpx as px; the phone's scale instead
  root.setAttribute('style', rpx(care.style()))
  return `<!doctype html><html><head><meta charset="utf-8"><style>
    body { margin: 0; width: 375px; font-family: "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; background: #f6f6f6; }
    ${css(`pages/${spec.page}/${spec.page}`, ['empty-state', 'error-state', 'paged-list'])}
  </style></head><body>${page.dom.outerHTML}</body></html>`
}

const conn = (nodes, hasNextPage = false) => ({ edges: nodes.map((node) => ({ node })), pageInfo: { hasNextPage, endCursor: hasNextPage ? 'c' : null } })
const SPECS = [
  {
    name: 'need-new',
    page: 'need-new',
    query: { stationId: '30' },
    handlers: {
      NeedCategories: () => ({ needCategories: [{ id: '1', name: '生活服务' }, { id: '2', name: '助老助残' }, { id: '3', name: '医疗健康' }] }),
      StationContact: () => ({ orgUnit: { id: '30', name: '东珠站', phone: '0571-88886666' } }),
    },
  },
  {
    name: 'wishwall',
    page: 'wishwall',
    query: { orgUnitId: '30' },
    handlers: {
      WishWall: () => ({
        wishWall: conn(
          [
            { id: '5', title: '客厅灯不亮，想请人修', category: { name: '生活服务' }, stationName: '东珠站', maskedContactName: '张*', publishedAt: '2026-11-20T01:00:00Z' },
            { id: '6', title: '陪老伴去医院复查', category: { name: '助老助残' }, stationName: '东珠站', maskedContactName: '李*', publishedAt: '2026-11-21T01:00:00Z' },
          ],
          true,
        ),
      }),
    },
  },
  {
    name: 'my-needs-error',
    page: 'my-needs',
    handlers: {
      MyNeeds: () => {
        throw { code: 'UPSTREAM_UNAVAILABLE' }
      },
    },
  },
  {
    name: 'my-needs-empty',
    page: 'my-needs',
    handlers: { MyNeeds: () => ({ myNeeds: conn([]) }) },
  },
]

const figures = {}
afterAll(() => {
  fs.writeFileSync(path.join(OUT, 'care-figures.json'), JSON.stringify(figures, null, 2))
})

test.each(SPECS.map((s) => [s.name, s]))('%s: care mode draws larger text, high contrast and big touch targets', async (name, spec) => {
  fs.mkdirSync(OUT, { recursive: true })
  const files = []
  for (const mode of ['normal', 'care']) {
    const file = path.join(OUT, `${name}-${mode}.html`)
    fs.writeFileSync(file, await html(spec, mode === 'care'))
    files.push(file)
  }
  // Chromium is driven from plain Node (playwright does not load under jsdom): draw.js screenshots
  // each file next to it and answers its measurements.
  const [normal, care] = JSON.parse(execFileSync(process.execPath, [path.join(__dirname, 'draw.js'), ...files], { encoding: 'utf8' }))
  const drawn = { normal, care }
  figures[name] = drawn
  // larger text: nothing under 20 px in care mode (the phone at its standard 16 px × 1.25)
  expect(drawn.care.minFontPx).toBeGreaterThanOrEqual(20)
  expect(drawn.care.minFontPx).toBeGreaterThan(drawn.normal.minFontPx)
  // high contrast: WCAG AAA for normal text (7:1) everywhere, including the shared components
  expect(drawn.care.minContrast).toBeGreaterThanOrEqual(7)
  // big touch targets: 96rpx = 48 px on a 375 px phone
  if (drawn.care.buttons) expect(drawn.care.minTouchPx).toBeGreaterThanOrEqual(48)
})
