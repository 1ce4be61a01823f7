/**
 * A `<canvas type="2d">` node: its 2d context paints fillRect calls into an RGBA pixel buffer, so a
 * test can decode what a page drew (e.g. a QR code, with jsQR) instead of trusting its data.
 */
function createCanvas(id) {
  const canvas = {
    id,
    width: 300,
    height: 150,
    pixels: null,
    getContext(kind) {
      if (kind !== '2d') throw new Error(`canvas ${id}: only the 2d context is simulated`)
      return context
    },
    /** The painted image: { width, height, data } with RGBA data, as ImageData. */
    image() {
      return { width: canvas.width, height: canvas.height, data: canvas.buffer() }
    },
    buffer() {
      if (!canvas.pixels || canvas.pixels.length !== canvas.width * canvas.height * 4) {
        canvas.pixels = new Uint8ClampedArray(canvas.width * canvas.height * 4) // transparent black
      }
      return canvas.pixels
    },
  }
  const parse = (style) => {
    const hex = /^#([0-9a-f]{6})$/i.exec(String(style))
    if (!hex) throw new Error(`canvas ${id}: unsupported fillStyle ${style}`)
    const n = parseInt(hex[1], 16)
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255, 255]
  }
  const context = {
    fillStyle: '#000000',
    fillRect(x, y, w, h) {
      const data = canvas.buffer()
      const rgba = parse(context.fillStyle)
      const x0 = Math.max(0, Math.round(x))
      const y0 = Math.max(0, Math.round(y))
      const x1 = Math.min(canvas.width, Math.round(x + w))
      const y1 = Math.min(canvas.height, Math.round(y + h))
      for (let row = y0; row < y1; row += 1) {
        for (let col = x0; col < x1; col += 1) data.set(rgba, (row * canvas.width + col) * 4)
      }
    },
    clearRect(x, y, w, h) {
      const saved = context.fillStyle
      canvas.buffer()
      const data = canvas.pixels
      for (let row = Math.max(0, y); row < Math.min(canvas.height, y + h); row += 1) {
        for (let col = Math.max(0, x); col < Math.min(canvas.width, x + w); col += 1) data.set([0, 0, 0, 0], (row * canvas.width + col) * 4)
      }
      context.fillStyle = saved
    },
  }
  return canvas
}

/**
 * A `wx` global for Node. Storage is per "device" so one test can act as several people in turn
 * (resident, admin, volunteer); login codes, location, scan results and subscribe answers are set
 * by the test. `request` is pluggable: unit tests answer from a function, the journey does real
 * HTTP with Node's fetch.
 */
function createWx() {
  const devices = new Map()
  let current = null
  const toasts = []
  const navigations = []
  const phoneCalls = []
  const previews = []
  let transport = null
  // Canvases by owner (page instance) and id, as `wx.createSelectorQuery().in(owner)` finds them.
  const canvases = new WeakMap()
  const downloads = []
  const openedDocuments = []
  const uploads = []
  let uploadTransport = null
  let downloadTransport = null

  function canvasOf(owner, id) {
    if (!canvases.has(owner)) canvases.set(owner, new Map())
    const mine = canvases.get(owner)
    if (!mine.has(id)) mine.set(id, createCanvas(id))
    return mine.get(id)
  }

  function device(name) {
    if (!devices.has(name)) {
      devices.set(name, {
        name,
        storage: new Map(),
        loginCode: name,
        location: { latitude: 31.3403, longitude: 119.8233 },
        scanResult: null,
        subscribeAnswers: {},
        // What wx.chooseMedia picks (temp file paths), and the phone code getPhoneNumber hands out.
        media: [],
        phoneCode: null,
        fontSizeSetting: 16,
      })
    }
    return devices.get(name)
  }

  function done(options, method, value) {
    if (typeof options[method] === 'function') options[method](value)
    if (typeof options.complete === 'function') options.complete(value)
  }

  const wx = {
    __control: {
      use(name) {
        current = device(name)
        return current
      },
      device,
      get current() {
        return current
      },
      setTransport(fn) {
        transport = fn
      },
      setUploadTransport(fn) {
        uploadTransport = fn
      },
      setDownloadTransport(fn) {
        downloadTransport = fn
      },
      /** The canvas with this id on this page instance (what the page drew on it). */
      canvasOf,
      toasts,
      navigations,
      phoneCalls,
      previews,
      downloads,
      uploads,
      openedDocuments,
    },
    login(options) {
      done(options, 'success', { code: current.loginCode, errMsg: 'login:ok' })
    },
    request(options) {
      if (!transport) throw new Error('wx.request has no transport in this test')
      Promise.resolve()
        .then(() => transport(options))
        .then(
          (res) => done(options, 'success', res),
          (err) => done(options, 'fail', { errMsg: `request:fail ${err && err.message}` }),
        )
      return { abort() {} }
    },
    getStorageSync(key) {
      const value = current.storage.get(key)
      return value === undefined ? '' : JSON.parse(value)
    },
    setStorageSync(key, value) {
      current.storage.set(key, JSON.stringify(value))
    },
    removeStorageSync(key) {
      current.storage.delete(key)
    },
    getLocation(options) {
      done(options, 'success', { ...current.location, errMsg: 'getLocation:ok' })
    },
    scanCode(options) {
      if (current.scanResult == null) {
        done(options, 'fail', { errMsg: 'scanCode:fail cancel' })
      } else {
        done(options, 'success', { result: current.scanResult, scanType: 'QR_CODE', errMsg: 'scanCode:ok' })
      }
    },
    requestSubscribeMessage(options) {
      const answer = { errMsg: 'requestSubscribeMessage:ok' }
      for (const id of options.tmplIds || []) {
        answer[id] = current.subscribeAnswers[id] || 'reject'
      }
      done(options, 'success', answer)
    },
    createSelectorQuery() {
      let owner = null
      const selected = []
      const query = {
        in(component) {
          owner = component
          return query
        },
        select(selector) {
          const step = {
            fields(options, callback) {
              selected.push({ selector, options, callback })
              return query
            },
            node(callback) {
              return step.fields({ node: true }, callback)
            },
          }
          return step
        },
        exec(callback) {
          const results = selected.map(({ selector, options, callback: own }) => {
            const id = selector.replace(/^#/, '')
            if (!owner) return null
            const canvas = canvasOf(owner, id)
            const result = { id, width: 240, height: 240 }
            if (options.node) result.node = canvas
            if (own) own(result)
            return result
          })
          Promise.resolve().then(() => callback && callback(results))
        },
      }
      return query
    },
    getWindowInfo() {
      return { pixelRatio: 2, windowWidth: 375, windowHeight: 667, screenWidth: 375, screenHeight: 667 }
    },
    getSystemInfoSync() {
      return { pixelRatio: 2, windowWidth: 375, windowHeight: 667, fontSizeSetting: current.fontSizeSetting, platform: 'devtools' }
    },
    chooseMedia(options) {
      if (!current.media.length) {
        done(options, 'fail', { errMsg: 'chooseMedia:fail cancel' })
        return
      }
      const picked = current.media.slice(0, options.count || 9)
      done(options, 'success', { type: 'image', tempFiles: picked.map((tempFilePath) => ({ tempFilePath, size: 1024, fileType: 'image' })), errMsg: 'chooseMedia:ok' })
    },
    uploadFile(options) {
      uploads.push({ url: options.url, filePath: options.filePath, name: options.name, header: options.header })
      if (!uploadTransport) throw new Error('wx.uploadFile has no transport in this test')
      Promise.resolve()
        .then(() => uploadTransport(options))
        .then(
          (res) => done(options, 'success', res),
          (err) => done(options, 'fail', { errMsg: `uploadFile:fail ${err && err.message}` }),
        )
      return { abort() {}, onProgressUpdate() {} }
    },
    downloadFile(options) {
      downloads.push(options.url)
      if (!downloadTransport) throw new Error('wx.downloadFile has no transport in this test')
      Promise.resolve()
        .then(() => downloadTransport(options))
        .then(
          (res) => done(options, 'success', res),
          (err) => done(options, 'fail', { errMsg: `downloadFile:fail ${err && err.message}` }),
        )
      return { abort() {} }
    },
    openDocument(options) {
      openedDocuments.push({ filePath: options.filePath, fileType: options.fileType })
      done(options, 'success', { errMsg: 'openDocument:ok' })
    },
    saveImageToPhotosAlbum(options) {
      done(options, 'success', { errMsg: 'saveImageToPhotosAlbum:ok' })
    },
    setClipboardData(options) {
      done(options, 'success', {})
    },
    showToast(options) {
      toasts.push(options.title)
    },
    showModal(options) {
      done(options, 'success', { confirm: true, cancel: false })
    },
    showLoading() {},
    hideLoading() {},
    stopPullDownRefresh() {},
    navigateTo(options) {
      navigations.push(options.url)
      done(options, 'success', {})
    },
    redirectTo(options) {
      navigations.push(options.url)
      done(options, 'success', {})
    },
    navigateBack() {},
    previewImage(options) {
      previews.push({ current: options.current, urls: options.urls })
      done(options, 'success', {})
    },
    makePhoneCall(options) {
      phoneCalls.push(options.phoneNumber)
      done(options, 'success', {})
    },
  }
  wx.__control.use('default')
  return wx
}

/**
 * A plain HTTP exchange with Node's http module (jsdom, which the page simulator needs, has no
 * fetch). Resolves to { statusCode, headers, text }.
 */
function httpExchange(url, method, headers, body) {
  const target = new URL(url)
  const transport = target.protocol === 'https:' ? require('https') : require('http')
  return new Promise((resolve, reject) => {
    const request = transport.request(target, { method, headers }, (response) => {
      const chunks = []
      response.on('data', (chunk) => chunks.push(chunk))
      response.on('end', () => {
        const body = Buffer.concat(chunks)
        resolve({ statusCode: response.statusCode, headers: response.headers, body, text: body.toString('utf8') })
      })
    })
    request.on('error', reject)
    if (body !== undefined) request.write(body)
    request.end()
  })
}

/** Real HTTP for the journey: wx.request's options onto the network, answered as wx.request answers. */
async function fetchTransport(options) {
  const body = options.data === undefined ? undefined : JSON.stringify(options.data)
  const response = await httpExchange(options.url, options.method || 'GET', options.header || {}, body)
  let data = response.text
  try {
    data = JSON.parse(response.text)
  } catch (e) {
    // non-JSON bodies stay text, as wx.request leaves them
  }
  return { statusCode: response.statusCode, data, header: response.headers }
}

/**
 * Real HTTP for wx.downloadFile: the body goes to a temp file, as WeChat keeps it (for any status;
 * the caller checks statusCode).
 */
async function fetchDownload(options) {
  const fs = require('fs')
  const os = require('os')
  const path = require('path')
  const response = await httpExchange(options.url, 'GET', options.header || {})
  const tempFilePath = path.join(os.tmpdir(), `wxfile-${Date.now()}-${Math.floor(Math.random() * 1e9)}`)
  fs.writeFileSync(tempFilePath, response.body)
  return { statusCode: response.statusCode, tempFilePath, header: response.headers, data: response.text }
}

/** Real multipart HTTP for wx.uploadFile: the file at filePath under options.name, plus formData. */
async function fetchUpload(options) {
  const fs = require('fs')
  const boundary = `----wxshim${Date.now()}`
  const parts = []
  for (const [key, value] of Object.entries(options.formData || {})) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${key}"\r\n\r\n${value}\r\n`))
  }
  const file = fs.readFileSync(options.filePath)
  const type = file[0] === 0x89 ? 'image/png' : 'image/jpeg'
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${options.name}"; filename="photo"\r\nContent-Type: ${type}\r\n\r\n`))
  parts.push(file)
  parts.push(Buffer.from(`\r\n--${boundary}--\r\n`))
  const body = Buffer.concat(parts)
  const headers = { ...(options.header || {}), 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': body.length }
  const response = await httpExchange(options.url, 'POST', headers, body)
  return { statusCode: response.statusCode, data: response.text }
}

module.exports = { createWx, fetchTransport, fetchDownload, fetchUpload, httpExchange }
