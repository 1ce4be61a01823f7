/**
 * 照片: pick with wx.chooseMedia and upload each with wx.uploadFile to `POST /media/photos`
 * (multipart field `file`, Bearer token; jpeg/png up to 5 MB). The server answers `{ id, status }`;
 * the ids go into the need's `photoIds`. WeChat then checks each photo: until it passes it is
 * PENDING and only the uploader sees it, so the pages mark it 审核中.
 */
const client = require('../api/client')
const { ApiError, messageFor } = require('../api/errors')

const MAX = 9
const STATUS = { UPLOADING: '上传中', PENDING: '审核中', PASSED: '', REJECTED: '未通过审核', FAILED: '上传失败' }

/** Resolves to the picked images' temp paths (empty when the user cancels). */
function choose(count) {
  return new Promise((resolve) => {
    if (count <= 0) {
      resolve([])
      return
    }
    wx.chooseMedia({
      count,
      mediaType: ['image'],
      sourceType: ['album', 'camera'],
      // Compressed: a phone photo of several MB uploads slowly on a village network.
      sizeType: ['compressed'],
      success: (res) => resolve((res.tempFiles || []).map((f) => f.tempFilePath)),
      fail: () => resolve([]),
    })
  })
}

/** Uploads one file: `{ id, status }` from the server, or an ApiError (PHOTO_TOO_LARGE, …). */
async function upload(filePath) {
  const res = await client.withToken(
    (token) =>
      new Promise((resolve, reject) => {
        wx.uploadFile({
          url: `${client.baseUrl()}/media/photos`,
          filePath,
          name: 'file',
          header: { Authorization: `Bearer ${token}` },
          success: resolve,
          fail: () => reject(new ApiError('NETWORK_ERROR', messageFor('NETWORK_ERROR'))),
        })
      }),
  )
  if (res.statusCode !== 200 && res.statusCode !== 201) throw client.httpError(res)
  const body = typeof res.data === 'string' ? JSON.parse(res.data) : res.data
  return { id: String(body.id), status: body.status }
}

/**
 * A photo as the pages show it: `localPath` (or the server's url), status text, pending flag, and
 * `thumb`, what a grid shows: the server's small JPEG (320 px) when it has one, else the full
 * photo (uploads from before thumbnails, or images it could not decode).
 */
function view(photo) {
  return {
    ...photo,
    thumb: photo.thumbnailUrl || photo.url || null,
    statusText: STATUS[photo.status] || '',
    pending: photo.status === 'PENDING' || photo.status === 'UPLOADING',
  }
}

/**
 * Opens the full photos of a grid in WeChat's viewer at the tapped one: grids load thumbnails only,
 * the original is fetched when someone wants to look at it.
 */
function preview(list, index) {
  const shown = list.filter((p) => p.url)
  const tapped = list[index]
  if (!tapped || !tapped.url) return
  wx.previewImage({ current: tapped.url, urls: shown.map((p) => p.url) })
}

/**
 * 添加照片 for the list `data[key]` of a page: picks up to what is left of 9, shows each at once as
 * 上传中 and replaces it with the server's answer; a failed upload stays as 上传失败 (removable)
 * and its error is rethrown after the others finished.
 */
async function addTo(page, key) {
  const current = page.data[key]
  const paths = await choose(MAX - current.length)
  if (!paths.length) return page.data[key]
  const started = paths.map((localPath) => view({ localPath, status: 'UPLOADING' }))
  page.setData({ [key]: current.concat(started) })
  let failure = null
  for (const localPath of paths) {
    let next
    try {
      next = view({ localPath, ...(await upload(localPath)) })
    } catch (error) {
      failure = failure || error
      next = view({ localPath, status: 'FAILED' })
    }
    page.setData({ [key]: page.data[key].map((p) => (p.localPath === localPath && p.status === 'UPLOADING' ? next : p)) })
  }
  if (failure) throw failure
  return page.data[key]
}

/** The ids to send: uploaded and not rejected. */
function ids(list) {
  return list.filter((p) => p.id && p.status !== 'REJECTED' && p.status !== 'FAILED').map((p) => p.id)
}

module.exports = { MAX, STATUS, choose, upload, view, preview, addTo, ids }
