// 点单: a resident posts a need. The station is the chosen one or, when none, the nearest (server side).
const client = require('../../api/client')
const subscribe = require('../../utils/subscribe')
const { run, location } = require('../../utils/page')
const photos = require('../../utils/photos')
const careMode = require('../../utils/care-behavior')

const BENEFICIARIES = [
  { value: 'ELDERLY', label: '老年人' },
  { value: 'LEFT_BEHIND_CHILDREN', label: '留守儿童' },
  { value: 'DISABLED', label: '残疾人' },
  { value: 'NEEDY', label: '困难群众' },
  { value: 'OTHER', label: '其他' },
]

Component({
  behaviors: [careMode],
  data: {
    photos: [],
    categories: [],
    beneficiaries: BENEFICIARIES,
    form: { categoryId: '', title: '', description: '', beneficiaryType: 'ELDERLY', urgency: 'NORMAL', address: '', contactName: '', contactPhone: '', desiredDate: '' },
    stationId: null,
    submitted: null,
    loading: false,
    error: '',
    errorCode: '',
  },
  methods: {
    onLoad(query) {
      this.setData({ stationId: (query && query.stationId) || null })
      return run(this, async () => {
        const data = await client.call('NeedCategories', {}, { anonymous: true })
        this.setData({ categories: data.needCategories })
      })
    },
    onInput(event) {
      this.setData({ [`form.${event.currentTarget.dataset.field}`]: event.detail.value })
    },
    onCategory(event) {
      this.setData({ 'form.categoryId': this.data.categories[event.detail.value].id })
    },
    /** 添加照片: uploaded right away (POST /media/photos); 审核中 until WeChat's check passes. */
    addPhotos() {
      return run(this, () => photos.addTo(this, 'photos'))
    },
    removePhoto(event) {
      const index = Number(event.currentTarget.dataset.index)
      this.setData({ photos: this.data.photos.filter((_, i) => i !== index) })
    },
    async submit() {
      if (this.data.photos.some((p) => p.status === 'UPLOADING')) {
        this.setData({ error: '照片还在上传，请稍候', errorCode: 'BAD_REQUEST' })
        return undefined
      }
      const need = await run(this, async () => {
        const here = await location()
        const form = this.data.form
        const input = { ...form, latitude: here.latitude, longitude: here.longitude, desiredDate: form.desiredDate || null }
        if (this.data.stationId) input.stationId = this.data.stationId
        const photoIds = photos.ids(this.data.photos)
        if (photoIds.length) input.photoIds = photoIds
        const data = await client.call('SubmitNeed', { input })
        return data.submitNeed
      })
      if (!need) return undefined
      this.setData({ submitted: need })
      await this.askForUpdates()
      wx.redirectTo({ url: `/pages/need/need?id=${need.id}` })
      return need
    },
    /** 订阅消息: ask for need-progress messages right after posting (a user gesture is required). */
    askForUpdates() {
      return subscribe.askFor(subscribe.NEED_PROGRESS)
    },
  },
})
