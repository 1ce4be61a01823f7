// 心愿墙: published needs of a station (or the nearest one) waiting to be claimed. Public data only.
const client = require('../../api/client')
const { run, location, nodes, shortTime } = require('../../utils/page')

Component({
  data: { orgUnitId: null, stationName: '', wishes: [], endCursor: null, hasNextPage: false, loading: false, error: '', errorCode: '' },
  methods: {
    async onLoad(query) {
      let orgUnitId = query && query.orgUnitId
      await run(this, async () => {
        if (!orgUnitId) {
          const here = await location()
          const nearby = await client.call('NearbyStations', { ...here, radiusMeters: 20000 })
          if (!nearby.nearbyStations.length) return
          orgUnitId = nearby.nearbyStations[0].station.id
          this.setData({ stationName: nearby.nearbyStations[0].station.name })
        }
        this.setData({ orgUnitId })
        await this.loadMore()
      })
    },
    async loadMore() {
      const data = await client.call('WishWall', { orgUnitId: this.data.orgUnitId, first: 20, after: this.data.endCursor }, { anonymous: true })
      const wishes = nodes(data.wishWall).map((w) => ({ ...w, categoryName: w.category.name, when: shortTime(w.publishedAt) }))
      this.setData({
        wishes: this.data.wishes.concat(wishes),
        endCursor: data.wishWall.pageInfo.endCursor,
        hasNextPage: data.wishWall.pageInfo.hasNextPage,
      })
    },
    onReachBottom() {
      if (this.data.hasNextPage) return run(this, () => this.loadMore())
      return undefined
    },
    postNeed() {
      wx.navigateTo({ url: `/pages/need-new/need-new?stationId=${this.data.orgUnitId || ''}` })
    },
  },
})
