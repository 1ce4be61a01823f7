// 点单: a resident posts a need. The station is the chosen one or, when none, the nearest (server side).
const client = require('../../api/client')
const subscribe = require('../../utils/subscribe')
const { run, location } = require('../../utils/page')
const photos = require('../../utils/photos')
const careMode = require('../../utils/care-behavior')
const care = require('../../utils/care')
const needs = require('../../api/needs')

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
    categoriesLoaded: false,
    beneficiaries: BENEFICIARIES,
    form: { categoryId: '', title: '', description: '', beneficiaryType: 'ELDERLY', urgency: 'NORMAL', address: '', contactName: '', contactPhone: '', desiredDate: '' },
    stationId: null,
    // 关怀模式: 点单 in three short steps (what, where and who, confirm), with the station's phone.
    careFlow: false,
    step: 1,
    station: null,
    submitted: null,
    loading: false,
    error: '',
    errorCode: '',
  },
  methods: {
    onLoad(query) {
      this.order = needs.orderForm()
      this.setData({ stationId: (query && query.stationId) || null, careFlow: care.enabled(), step: 1 })
      return this.loadCategories()
    },
    /** The categories to choose from (and the station to call); 重试 on the error state asks again. */
    loadCategories() {
      return run(this, async () => {
        const [data] = await Promise.all([client.call('NeedCategories', {}, { anonymous: true }), this.loadStation()])
        this.setData({ categories: data.needCategories.map((c) => ({ ...c, chosen: false })), categoriesLoaded: true })
      })
    },
    /** The station to call (值班电话): the chosen one, else the nearest; without a phone, no call button. */
    async loadStation() {
      try {
        if (this.data.stationId) {
          const data = await client.call('StationContact', { id: this.data.stationId }, { anonymous: true })
          this.setData({ station: data.orgUnit })
        } else {
          const here = await location()
          const data = await client.call('NearbyStations', { ...here, radiusMeters: 20000 }, { anonymous: true })
          this.setData({ station: data.nearbyStations.length ? data.nearbyStations[0].station : null })
        }
      } catch (e) {
        this.setData({ station: null }) // the order works without it; only the call button is missing
      }
    },
    callStation() {
      const phone = this.data.station && this.data.station.phone
      if (phone) wx.makePhoneCall({ phoneNumber: phone, fail: () => {} })
    },
    /** Care flow, step 1: a category is one big button. */
    pickCategory(event) {
      const id = event.currentTarget.dataset.id
      this.setData({ 'form.categoryId': id, categories: this.data.categories.map((c) => ({ ...c, chosen: c.id === id })) })
    },
    /** Care flow: on to the next step once this one is filled in (the title is made from the description). */
    next() {
      const form = this.data.form
      const missing = this.data.step === 1 ? (!form.categoryId ? '请选择要办的事' : !String(form.description).trim() ? '请说一说需要什么帮助' : '') : !String(form.address).trim() ? '请填写服务地址' : !String(form.contactName).trim() ? '请填写联系人' : !/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/.test(String(form.contactPhone).trim()) ? '请填写正确的联系电话' : ''
      if (missing) {
        this.setData({ error: missing, errorCode: 'BAD_REQUEST', retryable: false })
        return false
      }
      if (this.data.step === 1 && !String(form.title).trim()) this.setData({ 'form.title': String(form.description).trim().slice(0, 20) })
      this.setData({ step: Math.min(3, this.data.step + 1), error: '', errorCode: '' })
      return true
    },
    back() {
      this.setData({ step: Math.max(1, this.data.step - 1), error: '', errorCode: '' })
    },
    onInput(event) {
      this.setData({ [`form.${event.currentTarget.dataset.field}`]: event.detail.value })
    },
    onCategory(event) {
      this.setData({ 'form.categoryId': this.data.categories[event.detail.value].id })
    },
    categoryName() {
      const found = this.data.categories.find((c) => c.id === this.data.form.categoryId)
      return found ? found.name : ''
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
      this.order = this.order || needs.orderForm()
      // A second tap while the order is on its way: that send answers it (one need, one redirect).
      if (this.order.busy) return undefined
      if (this.data.photos.some((p) => p.status === 'UPLOADING')) {
        this.setData({ error: '照片还在上传，请稍候', errorCode: 'BAD_REQUEST', retryable: false })
        return undefined
      }
      const need = await run(this, async () => {
        const form = this.data.form
        const input = { ...form, desiredDate: form.desiredDate || null }
        if (this.data.stationId) input.stationId = this.data.stationId
        const photoIds = photos.ids(this.data.photos)
        if (photoIds.length) input.photoIds = photoIds
        // The order's key (and place) stay the same until it was made: a resend is answered that need.
        return this.order.submit(input, location)
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
