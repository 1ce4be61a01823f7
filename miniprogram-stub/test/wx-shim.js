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
  let transport = null

  function device(name) {
    if (!devices.has(name)) {
      devices.set(name, {
        name,
        storage: new Map(),
        loginCode: name,
        location: { latitude: 31.3403, longitude: 119.8233 },
        scanResult: null,
        subscribeAnswers: {},
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
      toasts,
      navigations,
      phoneCalls,
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
      response.on('end', () => resolve({ statusCode: response.statusCode, headers: response.headers, text: Buffer.concat(chunks).toString('utf8') }))
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

module.exports = { createWx, fetchTransport, httpExchange }
