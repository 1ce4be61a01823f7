// 志愿者注册登记: real name, ID number (stored encrypted, shown masked), skills, service categories
// (五大平台) and the home station, picked among the stations near the user (15-minute circle).
// Training comes next (先培训再上岗): a station admin records it, the profile page shows it.
const client = require('../../api/client')
const { ApiError } = require('../../api/errors')
const { run, location } = require('../../utils/page')
const careMode = require('../../utils/care-behavior')

const CATEGORIES = [
  { value: 'THEORY_LECTURE', label: '理论宣讲' },
  { value: 'EDUCATION', label: '教育服务' },
  { value: 'CULTURE', label: '文化服务' },
  { value: 'SCIENCE_TECH', label: '科技与科普服务' },
  { value: 'HEALTH_SPORTS', label: '健康促进与体育服务' },
]
const ID_NUMBER = /^\d{17}[\dXx]$/

Component({
  behaviors: [careMode],
  data: {
    form: { realName: '', idNumber: '', skills: '', partyMember: false, inServicePartyMember: false },
    categories: CATEGORIES.map((c) => ({ ...c, checked: false })),
    stations: [],
    stationIndex: -1,
    registered: null,
    loading: false,
    error: '',
    errorCode: '',
  },
  methods: {
    onLoad() {
      return run(this, async () => {
        const here = await location()
        const [mine, nearby] = await Promise.all([client.call('MyProfile'), client.call('NearbyStations', { ...here, radiusMeters: 20000 })])
        const stations = nearby.nearbyStations.map((n) => ({ id: n.station.id, name: n.station.name, distance: Math.round(n.distanceMeters) }))
        this.setData({ registered: mine.myVolunteer, stations, stationIndex: stations.length ? 0 : -1 })
        return stations
      })
    },
    onInput(event) {
      this.setData({ [`form.${event.currentTarget.dataset.field}`]: event.detail.value })
    },
    onStation(event) {
      this.setData({ stationIndex: Number(event.detail.value) })
    },
    onCategories(event) {
      const chosen = event.detail.value
      this.setData({ categories: this.data.categories.map((c) => ({ ...c, checked: chosen.includes(c.value) })) })
    },
    onParty(event) {
      const on = !!event.detail.value
      // 在职党员 are party members: switching 党员 off clears the declaration too.
      this.setData({ 'form.partyMember': on, ...(on ? {} : { 'form.inServicePartyMember': false }) })
    },
    /** 在职党员 (到站报到): declared here, counted once a station admin confirms it. */
    onInServiceParty(event) {
      this.setData({ 'form.inServicePartyMember': !!event.detail.value && this.data.form.partyMember })
    },
    /** Checks what can be checked here (the server checks again, including the ID's check digit). */
    input() {
      const { form, stations, stationIndex } = this.data
      const realName = form.realName.trim()
      const idNumber = form.idNumber.trim().toUpperCase()
      if (realName.length < 2 || realName.length > 30) throw new ApiError('BAD_REQUEST', '请填写真实姓名（2–30 字）', 'realName')
      if (!ID_NUMBER.test(idNumber)) throw new ApiError('ID_NUMBER_INVALID', '请填写 18 位身份证号码', 'idNumber')
      if (stationIndex < 0 || !stations[stationIndex]) throw new ApiError('BAD_REQUEST', '请选择所属站点', 'homeStationId')
      const skills = [...new Set(form.skills.split(/[,，、\s]+/).map((s) => s.trim()).filter(Boolean))].slice(0, 20)
      return {
        realName,
        idNumber,
        homeStationId: stations[stationIndex].id,
        skills,
        categories: this.data.categories.filter((c) => c.checked).map((c) => c.value),
        partyMember: !!form.partyMember,
        inServicePartyMember: !!form.partyMember && !!form.inServicePartyMember,
      }
    },
    async submit() {
      const done = await run(this, async () => {
        const data = await client.call('RegisterVolunteer', { input: this.input() })
        return data.registerVolunteer
      })
      if (!done) return undefined
      this.setData({ registered: done })
      wx.redirectTo({ url: '/pages/profile/profile' })
      return done
    },
  },
})
