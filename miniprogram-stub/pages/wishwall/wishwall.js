// 心愿墙: published needs of a station (or the nearest one) waiting to be claimed. Public data only.
const client = require('../../api/client')
const { run, location, shortTime } = require('../../utils/page')
const paging = require('../../utils/paging')
const careMode = require('../../utils/care-behavior')

const wishView = (w) => ({ ...w, categoryName: w.category.name, when: shortTime(w.publishedAt) })

Component({
  behaviors: [careMode],
  data: { orgUnitId: null, stationName: '', wishes: paging.emptyList(), loading: false, error: '', errorCode: '' },
  methods: {
    ...paging.handlers({ wishes: function (reset) { return this.loadWishes(reset) } }),
    async onLoad(query) {
      this.query = query
      let orgUnitId = query && query.orgUnitId
      await run(this, async () => {
        if (!orgUnitId) {
          const here = await location()
          const nearby = await client.call('NearbyStations', { ...here, radiusMeters: 20000 })
          if (!nearby.nearbyStations.length) {
            this.setData({ wishes: { ...paging.emptyList(), loaded: true } })
            return
          }
          orgUnitId = nearby.nearbyStations[0].station.id
          this.setData({ stationName: nearby.nearbyStations[0].station.name })
        }
        this.setData({ orgUnitId })
        await this.fetchWishes(true)
      })
    },
    /** 重试 on the error state: the station again (when it was the failure), then the wall. */
    reload() {
      return this.data.orgUnitId ? this.loadWishes(true) : this.onLoad(this.query)
    },
    fetchWishes(reset) {
      const fetch = async (after) => paging.fromConnection((await client.call('WishWall', { orgUnitId: this.data.orgUnitId, first: paging.PAGE_SIZE, after }, { anonymous: true })).wishWall)
      return paging.load(this, 'wishes', fetch, { reset, view: wishView })
    },
    loadWishes(reset) {
      return run(this, () => this.fetchWishes(reset))
    },
    postNeed() {
      wx.navigateTo({ url: `/pages/need-new/need-new?stationId=${this.data.orgUnitId || ''}` })
    },
  },
})
