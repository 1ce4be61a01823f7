// 关怀模式 (适老化): switched on 我的 and remembered; every page then carries .care and a font size
// that follows the phone's own setting; 点单 becomes three short steps with a call-the-station button.
const fs = require('fs')
const path = require('path')
const client = require('../api/client')
const care = require('../utils/care')
const { loadPage, fakeServer, text, texts, exists } = require('./helpers')

const app = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'app.json'), 'utf8'))
const PAGES = [...app.pages, ...app.subpackages.flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))].map((p) => p.replace(/\/[^/]+$/, '').replace(/^pages\//, ''))

function signIn(name) {
  wx.__control.use(name)
  wx.setStorageSync(client.SESSION_KEY, { accessToken: `a-${name}`, refreshToken: 'r', user: { id: '1', roles: ['RESIDENT'], roleGrants: [] } })
}

/** The page's root view (the one wrapping its markup). */
const root = (page) => page.dom.firstElementChild

test('the switch on 我的 applies at once, is remembered, and the size follows the phone’s font setting', async () => {
  signIn('elder')
  const server = fakeServer({ MyProfile: () => ({ me: { id: '1', phone: null }, myVolunteer: null }) })
  wx.__control.setTransport(server.transport)
  const page = loadPage('profile')
  await page.instance.onLoad()
  expect(page.instance.data.careClass).toBe('')
  expect(root(page).getAttribute('style') || '').not.toContain('font-size')
  page.instance.onCareMode({ detail: { value: true } })
  expect(page.instance.data.careClass).toBe('care')
  expect(root(page).getAttribute('style')).toContain('font-size: 20px')
  expect(wx.getStorageSync(care.KEY)).toBe(true)
  // A phone set to a large font (WeChat reports it in px): larger still, and care-xl.
  wx.__control.current.fontSizeSetting = 24
  const again = loadPage('profile')
  await again.instance.onLoad()
  expect(again.instance.data.careClass).toBe('care care-xl')
  expect(root(again).getAttribute('style')).toContain('font-size: 30px')
  expect(again.instance.data.careMode).toBe(true)
  again.instance.onCareMode({ detail: { value: false } })
  expect(again.instance.data.careClass).toBe('')
  expect(loadPage('home').instance.data.careClass).toBe('')
})

test.each(PAGES)('%s carries the care class, the system-following size and the care variables on its root when care mode is on', (name) => {
  wx.__control.use(`care-${name}`)
  wx.__control.current.fontSizeSetting = 18
  care.set(true)
  const page = loadPage(name)
  expect(page.instance.data.careClass).toBe('care')
  expect(root(page).className).toMatch(/(^|\s|--)care(\s|$)/)
  const style = root(page).getAttribute('style')
  // 18 px on the phone × 1.25, rounded
  expect(style).toContain('font-size: 23px')
  // (the simulator writes rpx as px)
  for (const [name, value] of Object.entries(care.VARS)) expect(style).toContain(`${name}: ${value.replace(/(\d+)rpx/, '$1px')}`)
  care.set(false)
  const normal = loadPage(name)
  expect(normal.instance.data.careClass).toBe('')
  expect(root(normal).getAttribute('style') || '').not.toContain('--care-')
})

// The shared components are style-isolated from app.wxss (a `.care .x` rule never reaches inside
// them): they follow care mode only through the inherited --care-* variables.
test.each(['empty-state', 'error-state', 'paged-list'])('%s reads the care variables for contrast, text size and touch targets', (name) => {
  const wxss = fs.readFileSync(path.join(__dirname, '..', 'components', name, `${name}.wxss`), 'utf8')
  const used = new Set([...wxss.matchAll(/var\((--care-[\w-]+)/g)].map((m) => m[1]))
  for (const v of used) expect(Object.keys(care.VARS)).toContain(v)
  const wanted = { 'empty-state': ['--care-muted', '--care-text', '--care-font'], 'error-state': ['--care-error', '--care-weight', '--care-font', '--care-touch'], 'paged-list': ['--care-font', '--care-touch', '--care-muted'] }[name]
  expect([...used].sort()).toEqual([...wanted].sort())
  // no fixed grey or small size left that care mode could not reach
  expect(wxss.replace(/var\([^)]*\)/g, '')).not.toMatch(/#999|#c8161d/)
})

describe('点单 in care mode', () => {
  const categories = () => ({ needCategories: [{ id: '1', name: '生活服务' }, { id: '2', name: '助老助残' }] })

  test('three short steps, each checked before the next, and the station’s call button', async () => {
    signIn('grandma')
    care.set(true)
    let submitted = null
    const server = fakeServer({
      NeedCategories: categories,
      StationContact: (v) => ({ orgUnit: { id: v.id, name: '东珠站', phone: '0571-88886666' } }),
      SubmitNeed: (v) => {
        submitted = v.input
        return { submitNeed: { id: '5', status: 'SUBMITTED', stationName: '东珠站', contentHold: false } }
      },
      SubscriptionTemplates: () => ({ subscriptionTemplates: [] }),
    })
    wx.__control.setTransport(server.transport)
    const page = loadPage('need-new')
    await page.instance.onLoad({ stationId: '30' })
    expect(exists(page, '.care-step-1')).toBe(true)
    expect(exists(page, '.title-input')).toBe(false)
    expect(texts(page, '.category-choice')).toEqual(['生活服务', '助老助残'])

    page.instance.callStation()
    expect(text(page, '.call-station')).toBe('拨打东珠站电话')
    expect(wx.__control.phoneCalls).toEqual(['0571-88886666'])

    expect(page.instance.next()).toBe(false)
    expect(text(page, '.error')).toBe('请选择要办的事')
    page.instance.pickCategory({ currentTarget: { dataset: { id: '2' } } })
    page.instance.onInput({ currentTarget: { dataset: { field: 'description' } }, detail: { value: '老伴腿脚不便，想请人陪同去医院复查' } })
    wx.__control.setUploadTransport(async () => ({ statusCode: 201, data: JSON.stringify({ id: '77', status: 'PENDING' }) }))
    wx.__control.current.media = ['wxfile://tmp/leg.jpg']
    await page.instance.addPhotos()
    expect(texts(page, '.care-photo')[0]).toContain('审核中')
    expect(page.instance.next()).toBe(true)
    expect(exists(page, '.care-step-2')).toBe(true)
    page.instance.onInput({ currentTarget: { dataset: { field: 'address' } }, detail: { value: '幸福里3号' } })
    page.instance.onInput({ currentTarget: { dataset: { field: 'contactName' } }, detail: { value: '张阿姨' } })
    page.instance.onInput({ currentTarget: { dataset: { field: 'contactPhone' } }, detail: { value: '12345' } })
    expect(page.instance.next()).toBe(false)
    expect(text(page, '.error')).toBe('请填写正确的联系电话')
    page.instance.onInput({ currentTarget: { dataset: { field: 'contactPhone' } }, detail: { value: '13800138000' } })
    expect(page.instance.next()).toBe(true)
    expect(text(page, '.care-summary')).toBe('老伴腿脚不便，想请人陪同去医院复查')
    page.instance.back()
    expect(exists(page, '.care-step-2')).toBe(true)
    page.instance.next()
    await page.instance.submit()
    expect(submitted).toMatchObject({ categoryId: '2', title: '老伴腿脚不便，想请人陪同去医院复查', description: '老伴腿脚不便，想请人陪同去医院复查', address: '幸福里3号', contactName: '张阿姨', contactPhone: '13800138000', stationId: '30', photoIds: ['77'] })
    expect(wx.__control.navigations).toContain('/pages/need/need?id=5')
  })

  test('the nearest station’s phone when none is chosen; no call button without a phone', async () => {
    signIn('grandpa')
    care.set(true)
    let phone = '13900001111'
    const server = fakeServer({
      NeedCategories: categories,
      NearbyStations: () => ({ nearbyStations: [{ distanceMeters: 100, station: { id: '31', name: '西湖站', phone } }] }),
    })
    wx.__control.setTransport(server.transport)
    const page = loadPage('need-new')
    await page.instance.onLoad({})
    expect(text(page, '.call-station')).toBe('拨打西湖站电话')
    phone = null
    const none = loadPage('need-new')
    await none.instance.onLoad({})
    expect(exists(none, '.call-station')).toBe(false)
    care.set(false)
    const normal = loadPage('need-new')
    await normal.instance.onLoad({})
    expect(exists(normal, '.title-input')).toBe(true)
    expect(exists(normal, '.care-order')).toBe(false)
  })
})
