// 照片: chosen with wx.chooseMedia, uploaded with wx.uploadFile to POST /media/photos (Bearer), sent
// as photoIds when ordering (点单) and completing a need; pending until WeChat's check passes.
const client = require('../api/client')
const { loadPage, fakeServer, text, texts, exists, simulate } = require('./helpers')

function signIn(name, userId = '1') {
  wx.__control.use(name)
  wx.setStorageSync(client.SESSION_KEY, { accessToken: `a-${name}`, refreshToken: 'r', user: { id: userId, roles: ['RESIDENT'], roleGrants: [] } })
}

/** The server's photo endpoint: 201 {id, status} for jpg/png, 400 PHOTO_TOO_LARGE for "big" files. */
function photoServer() {
  let next = 100
  wx.__control.setUploadTransport(async (options) => {
    if (options.filePath.includes('big')) return { statusCode: 400, data: JSON.stringify({ code: 'PHOTO_TOO_LARGE', message: '照片过大' }) }
    next += 1
    return { statusCode: 201, data: JSON.stringify({ id: String(next), status: 'PENDING' }) }
  })
}

test('点单 with photos: each is uploaded at once with the token and shown 审核中; the ids go with the need', async () => {
  signIn('resident')
  photoServer()
  let submitted = null
  const server = fakeServer({
    NeedCategories: () => ({ needCategories: [{ id: '1', name: '生活服务' }] }),
    SubmitNeed: (v) => {
      submitted = v.input
      return { submitNeed: { id: '5', status: 'SUBMITTED', stationName: '东珠站', contentHold: false } }
    },
    SubscriptionTemplates: () => ({ subscriptionTemplates: [] }),
  })
  wx.__control.setTransport(server.transport)
  const page = loadPage('need-new')
  await page.instance.onLoad({ stationId: '30' })
  wx.__control.current.media = ['wxfile://tmp/a.jpg', 'wxfile://tmp/b.png']
  await page.instance.addPhotos()
  expect(wx.__control.uploads.slice(-2)).toEqual([
    { url: 'http://localhost:8080/media/photos', filePath: 'wxfile://tmp/a.jpg', name: 'file', header: { Authorization: 'Bearer a-resident' } },
    { url: 'http://localhost:8080/media/photos', filePath: 'wxfile://tmp/b.png', name: 'file', header: { Authorization: 'Bearer a-resident' } },
  ])
  expect(page.instance.data.photos.map((p) => [p.id, p.status])).toEqual([['101', 'PENDING'], ['102', 'PENDING']])
  expect(texts(page, '.photo-status')).toEqual(['审核中', '审核中'])
  page.instance.removePhoto({ currentTarget: { dataset: { index: 1 } } })
  page.instance.onCategory({ detail: { value: 0 } })
  for (const [field, value] of Object.entries({ title: '修灯', description: '客厅灯不亮', address: '幸福里', contactName: '张阿姨', contactPhone: '13800138000' })) {
    page.instance.onInput({ currentTarget: { dataset: { field } }, detail: { value } })
  }
  await page.instance.submit()
  expect(submitted.photoIds).toEqual(['101'])
})

test('a refused upload says why, stays as 上传失败 and is not sent; a cancelled pick uploads nothing', async () => {
  signIn('resident2')
  photoServer()
  let submitted = null
  const server = fakeServer({
    NeedCategories: () => ({ needCategories: [{ id: '1', name: '生活服务' }] }),
    SubmitNeed: (v) => {
      submitted = v.input
      return { submitNeed: { id: '6', status: 'SUBMITTED', stationName: '东珠站', contentHold: false } }
    },
    SubscriptionTemplates: () => ({ subscriptionTemplates: [] }),
  })
  wx.__control.setTransport(server.transport)
  const page = loadPage('need-new')
  await page.instance.onLoad({})
  const before = wx.__control.uploads.length
  wx.__control.current.media = []
  await page.instance.addPhotos()
  expect(wx.__control.uploads.length).toBe(before)
  wx.__control.current.media = ['wxfile://tmp/big.jpg', 'wxfile://tmp/ok.jpg']
  await page.instance.addPhotos()
  expect(page.instance.data.errorCode).toBe('PHOTO_TOO_LARGE')
  expect(text(page, '.error')).toBe('图片不能超过 5 MB')
  expect(texts(page, '.photo-status')).toEqual(['上传失败', '审核中'])
  page.instance.onCategory({ detail: { value: 0 } })
  await page.instance.submit()
  expect(submitted.photoIds).toEqual([page.instance.data.photos[1].id])
})

test('the need page shows a pending photo as 审核中 and sends completion photos with 完成服务', async () => {
  signIn('volunteer', '9')
  photoServer()
  let completed = null
  let status = 'IN_PROGRESS'
  const server = fakeServer({
    NeedDetail: () => ({
      need: {
        id: '5', title: '修灯', description: 'd', status, stationName: '东珠站', category: { name: '生活服务' }, assignedTeamId: null, assignedUserId: '9',
        timeline: [], participants: [],
        photos: [{ id: '1', status: 'PENDING', url: 'http://localhost:8080/media/photos/1?sig=a' }, { id: '2', status: 'PASSED', url: 'http://localhost:8080/media/photos/2?sig=b' }],
        completionPhotos: completed ? [{ id: completed.photoIds[0], status: 'PENDING', url: 'http://localhost:8080/media/photos/x' }] : [],
      },
    }),
    CompleteNeed: (v) => {
      completed = v.input
      status = 'COMPLETED'
      return { completeNeed: { id: '5', status, completedAt: '2026-12-01T01:00:00Z', participants: [{ userId: '9', hours: 2 }] } }
    },
  })
  wx.__control.setTransport(server.transport)
  const page = loadPage('need')
  await page.instance.onLoad({ id: '5' })
  expect(texts(page, '.need-photo')).toEqual(['审核中', ''])
  wx.__control.current.media = ['wxfile://tmp/done.jpg']
  await page.instance.addCompletionPhotos()
  expect(texts(page, '.new-completion-photo')[0]).toContain('审核中')
  page.instance.onCompletion({ currentTarget: { dataset: { field: 'note' } }, detail: { value: '已修好' } })
  await page.instance.complete()
  expect(completed).toMatchObject({ needId: '5', note: '已修好', photoIds: [page.instance.data.completionPhotos[0].id] })
  expect(exists(page, '.new-completion-photo')).toBe(false)
  expect(texts(page, '.completion-photo')).toEqual(['审核中'])
})

test('the need page shows thumbnails in its grids and opens the full photos on tap', async () => {
  signIn('neighbour', '3')
  const full = (id) => `http://localhost:8080/media/photos/${id}?sig=f${id}`
  const thumb = (id) => `http://localhost:8080/media/photos/${id}/thumbnail?sig=t${id}`
  const server = fakeServer({
    NeedDetail: () => ({
      need: {
        id: '6', title: '送药', description: 'd', status: 'COMPLETED', stationName: '东珠站', category: { name: '生活服务' }, assignedTeamId: null, assignedUserId: '9',
        timeline: [], participants: [],
        // An early upload has no thumbnail: its grid shows the full photo.
        photos: [{ id: '1', status: 'PASSED', url: full(1), thumbnailUrl: thumb(1) }, { id: '2', status: 'PASSED', url: full(2), thumbnailUrl: null }, { id: '3', status: 'PASSED', url: full(3), thumbnailUrl: thumb(3) }],
        completionPhotos: [{ id: '8', status: 'PASSED', url: full(8), thumbnailUrl: thumb(8) }],
      },
    }),
  })
  wx.__control.setTransport(server.transport)
  const page = loadPage('need')
  await page.instance.onLoad({ id: '6' })
  expect(server.requests[0].name).toBe('NeedDetail')

  // The simulator keeps no attributes of built-in <image>, so what each grid shows is read from the
  // data its src binds to, and the binding itself from the WXML.
  const images = page.querySelectorAll('.photo-image')
  expect(images).toHaveLength(4)
  expect(page.instance.data.photos.concat(page.instance.data.completionPhotos).map((p) => p.thumb)).toEqual([thumb(1), full(2), thumb(3), thumb(8)])
  const wxml = require('fs').readFileSync(require('path').join(__dirname, '..', 'pages', 'need', 'need.wxml'), 'utf8')
  const shown = wxml.match(/<image[^>]*class="photo-image"[^>]*>/g).filter((tag) => tag.includes('previewPhoto'))
  expect(shown).toHaveLength(2)
  shown.forEach((tag) => expect(tag).toContain('src="{{item.thumb}}"'))

  images[2].dispatchEvent('tap')
  await simulate.sleep(0)
  images[3].dispatchEvent('tap')
  await simulate.sleep(0)
  expect(wx.__control.previews).toEqual([
    { current: full(3), urls: [full(1), full(2), full(3)] },
    { current: full(8), urls: [full(8)] },
  ])
})

test("the need document asks for thumbnails: the grids' small images come from the server", () => {
  const document = require('fs').readFileSync(require('path').join(__dirname, '..', 'graphql', 'NeedDetail.graphql'), 'utf8')
  expect(document).toMatch(/photos \{[^}]*thumbnailUrl[^}]*\}/)
  expect(document).toMatch(/completionPhotos \{[^}]*thumbnailUrl[^}]*\}/)
})

test('an expired login is refreshed once for an upload', async () => {
  signIn('stale')
  const tokens = []
  wx.__control.setUploadTransport(async (options) => {
    tokens.push(options.header.Authorization)
    if (options.header.Authorization === 'Bearer a-stale') return { statusCode: 401, data: '' }
    return { statusCode: 201, data: JSON.stringify({ id: '7', status: 'PENDING' }) }
  })
  const server = fakeServer({ RefreshToken: () => ({ refreshToken: { accessToken: 'a2', refreshToken: 'r2', user: { id: '1', roles: ['RESIDENT'], roleGrants: [] } } }) })
  wx.__control.setTransport(server.transport)
  const photos = require('../utils/photos')
  expect(await photos.upload('wxfile://tmp/c.jpg')).toEqual({ id: '7', status: 'PENDING' })
  expect(tokens).toEqual(['Bearer a-stale', 'Bearer a2'])
})
