/**
 * QR codes on the mini-program canvas. The encoding is the maintained `qrcode-generator` package
 * (npm, through the mini-program's 构建 npm into miniprogram_npm); this file only paints its module
 * matrix on a `<canvas type="2d">`, so nothing of the QR standard is hand-written here.
 *
 * Error correction M (15 %) keeps a 60-character check-in code at version 4 (33×33 modules): large
 * modules on a phone screen scan quickly from another phone, which is how check-in and 核销 happen
 * at a station.
 */
const qrcode = require('qrcode-generator')

// A quiet zone of 4 modules is what the standard asks for; scanners fail on codes drawn edge to edge.
const QUIET_ZONE = 4

/** The module matrix for `text` (UTF-8 bytes): `rows[r][c]` is true for a dark module. */
function matrix(text) {
  const code = qrcode(0, 'M')
  code.addData(String(text), 'Byte')
  code.make()
  const size = code.getModuleCount()
  const rows = []
  for (let r = 0; r < size; r += 1) {
    const row = []
    for (let c = 0; c < size; c += 1) row.push(code.isDark(r, c))
    rows.push(row)
  }
  return { size, rows }
}

/**
 * Paints `text` as a QR code on a 2d context of a `px`×`px` canvas (device pixels): white
 * background, whole-pixel modules centred (fractional modules blur under the camera).
 */
function paint(ctx, text, px) {
  const { size, rows } = matrix(text)
  const cell = Math.max(1, Math.floor(px / (size + 2 * QUIET_ZONE)))
  const offset = Math.floor((px - cell * size) / 2)
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, px, px)
  ctx.fillStyle = '#000000'
  for (let r = 0; r < size; r += 1) {
    for (let c = 0; c < size; c += 1) {
      if (rows[r][c]) ctx.fillRect(offset + c * cell, offset + r * cell, cell, cell)
    }
  }
  return { size, cell }
}

function pixelRatio() {
  try {
    const info = wx.getWindowInfo ? wx.getWindowInfo() : wx.getSystemInfoSync()
    return info.pixelRatio || 1
  } catch (e) {
    return 1
  }
}

/**
 * Draws `text` on the `<canvas type="2d" id="...">` of a page or component (`owner`). Resolves to
 * true when drawn, false when the canvas is not on screen (e.g. hidden by wx:if).
 */
function draw(owner, canvasId, text) {
  return new Promise((resolve) => {
    wx.createSelectorQuery()
      .in(owner)
      .select(`#${canvasId}`)
      .fields({ node: true, size: true })
      .exec((res) => {
        const found = res && res[0]
        if (!found || !found.node) {
          resolve(false)
          return
        }
        const canvas = found.node
        const px = Math.floor(Math.min(found.width, found.height) * pixelRatio())
        canvas.width = px
        canvas.height = px
        paint(canvas.getContext('2d'), text, px)
        resolve(true)
      })
  })
}

module.exports = { matrix, paint, draw, QUIET_ZONE }
