// 随手拍: a volunteer reports an uncivil behaviour or an urban problem with photos and the place
// (wx.getLocation); the nearest station takes it. Faces and plates are never published: staff mark
// photos publishable only after checking them.
const civic = require('../../api/civic')
const { run, location } = require('../../utils/page')
const photos = require('../../utils/photos')
const careMode = require('../../utils/care-behavior')

Component({
  behaviors: [careMode],
  data: {
    categories: civic.CATEGORIES,
    categoryIndex: -1,
    form: { description: '', address: '' },
    photos: [],
    here: null,
    station: null,
    stationLoaded: false,
    submitted: null,
    loading: false,
    error: '',
    errorCode: '',
  },
  methods: {
    onLoad() {
      this.report = civic.reportForm()
      return this.loadStation()
    },
    /** Where I am and which station will take the report; 重试 on the error state asks again. */
    loadStation() {
      return run(this, async () => {
        const here = await location()
        const station = await civic.nearestStation(here)
        this.setData({ here, station, stationLoaded: true })
      })
    },
    onCategory(event) {
      this.setData({ categoryIndex: Number(event.detail.value) })
    },
    onInput(event) {
      this.setData({ [`form.${event.currentTarget.dataset.field}`]: event.detail.value })
    },
    addPhotos() {
      return run(this, () => photos.addTo(this, 'photos'))
    },
    removePhoto(event) {
      const index = Number(event.currentTarget.dataset.index)
      this.setData({ photos: this.data.photos.filter((_, i) => i !== index) })
    },
    /** Checked here as the server checks it, so a missing field is said before anything is sent. */
    missing() {
      const form = this.data.form
      if (this.data.categoryIndex < 0) return '请选择问题类别'
      if (!String(form.description).trim()) return '请描述看到的问题'
      if (String(form.description).trim().length > 500) return '问题描述不能超过 500 字'
      if (!String(form.address).trim()) return '请填写位置（如 XX 路与 XX 街交叉口）'
      if (this.data.photos.some((p) => p.status === 'UPLOADING')) return '照片还在上传，请稍候'
      return ''
    },
    async submit() {
      this.report = this.report || civic.reportForm()
      // A second tap while the report is on its way: that send answers it (one report, one redirect).
      if (this.report.busy) return undefined
      const missing = this.missing()
      if (missing) {
        this.setData({ error: missing, errorCode: 'BAD_REQUEST', retryable: false })
        return undefined
      }
      const report = await run(this, async () => {
        const here = this.data.here || (await location())
        const input = {
          category: this.data.categories[this.data.categoryIndex].value,
          description: String(this.data.form.description).trim(),
          address: String(this.data.form.address).trim(),
          latitude: here.latitude,
          longitude: here.longitude,
        }
        const photoIds = photos.ids(this.data.photos)
        if (photoIds.length) input.photoIds = photoIds
        // The report's key stays the same until it was made: a resend is answered that report.
        return this.report.submit(input)
      })
      if (!report) return undefined
      this.setData({ submitted: report })
      wx.redirectTo({ url: '/pages/my-civic/my-civic' })
      return report
    },
  },
})
