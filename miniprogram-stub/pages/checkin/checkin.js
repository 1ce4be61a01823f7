// 现场签到/签退: scan the organiser's rotating QR code; the server checks the token, the geofence
// and the time window with the phone's location.
const client = require('../../api/client')
const { ApiError, messageFor } = require('../../api/errors')
const { run, location, shortTime } = require('../../utils/page')
const qr = require('./qr')
const careMode = require('../../utils/care-behavior')

function scan() {
  return new Promise((resolve, reject) => {
    wx.scanCode({
      onlyFromCamera: true,
      scanType: ['qrCode'],
      success: (res) => resolve(res.result),
      fail: () => reject(new ApiError('SCAN_CANCELLED', '已取消扫码')),
    })
  })
}

Component({
  behaviors: [careMode],
  data: { activityId: null, checkedInAt: '', checkedOutAt: '', hours: null, loading: false, error: '', errorCode: '' },
  methods: {
    onLoad(query) {
      this.setData({ activityId: query.id })
    },
    checkIn() {
      return this.scanAnd('CheckIn')
    },
    checkOut() {
      return this.scanAnd('CheckOut')
    },
    /** 重试 on the error state: scan again for what failed (签到 or 签退). */
    retryScan() {
      return this.scanAnd(this.lastOperation || 'CheckIn')
    },
    scanAnd(operation) {
      this.lastOperation = operation
      return run(this, async () => {
        const code = qr.decode(await scan())
        if (!code || code.activityId !== String(this.data.activityId)) {
          throw new ApiError('CHECK_IN_TOKEN_INVALID', messageFor('CHECK_IN_TOKEN_INVALID'))
        }
        const here = await location()
        const data = await client.call(operation, { activityId: code.activityId, token: code.token, ...here })
        const signUp = data.checkIn || data.checkOut
        this.setData({
          checkedInAt: signUp.checkedInAt ? shortTime(signUp.checkedInAt) : this.data.checkedInAt,
          checkedOutAt: signUp.checkedOutAt ? shortTime(signUp.checkedOutAt) : this.data.checkedOutAt,
          hours: signUp.hours === undefined ? this.data.hours : signUp.hours,
        })
        return signUp
      })
    },
  },
})
