// 点单: a resident posts a need. The station is the chosen one or, when none, the nearest (server side).
const client = require('../../api/client')
const subscribe = require('../../utils/subscribe')
const { run, location } = require('../../utils/page')

const BENEFICIARIES = [
  { value: 'ELDERLY', label: '老年人' },
  { value: 'LEFT_BEHIND_CHILDREN', label: '留守儿童' },
  { value: 'DISABLED', label: '残疾人' },
  { value: 'NEEDY', label: '困难群众' },
  { value: 'OTHER', label: '其他' },
]

Component({
  data: {
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
    async submit() {
      const need = await run(this, async () => {
        const here = await location()
        const form = this.data.form
        const input = { ...form, latitude: here.latitude, longitude: here.longitude, desiredDate: form.desiredDate || null }
        if (this.data.stationId) input.stationId = this.data.stationId
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
