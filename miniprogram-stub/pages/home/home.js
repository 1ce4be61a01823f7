// 首页: activities and stations near the user, my points and my next activity.
const client = require('../../api/client')
const { run, location, nodes, shortTime } = require('../../utils/page')

Component({
  data: { activities: [], stations: [], balance: null, nextActivity: null, loading: false, error: '', errorCode: '' },
  methods: {
    onLoad() {
      return this.refresh()
    },
    onPullDownRefresh() {
      return this.refresh().then(() => wx.stopPullDownRefresh())
    },
    async refresh() {
      await run(this, async () => {
        const here = await location()
        const [nearby, stations, points, mine] = await Promise.all([
          client.call('NearbyActivities', { ...here, radiusMeters: 20000, first: 10 }),
          client.call('NearbyStations', { ...here, radiusMeters: 5000 }),
          client.call('MyPoints'),
          client.call('MyActivities', { first: 50 }),
        ])
        const now = Date.now()
        const upcoming = nodes(mine.myActivities)
          .filter((s) => s.status === 'CONFIRMED' && new Date(s.activity.endsAt).getTime() > now)
          .sort((a, b) => new Date(a.activity.startsAt) - new Date(b.activity.startsAt))
        this.setData({
          activities: nearby.nearbyActivities.map((n) => ({
            ...n.activity,
            when: shortTime(n.activity.startsAt),
            distance: Math.round(n.distanceMeters),
          })),
          stations: stations.nearbyStations.map((n) => ({ ...n.station, distance: Math.round(n.distanceMeters) })),
          balance: points.me.points ? points.me.points.balance : 0,
          nextActivity: upcoming.length ? { ...upcoming[0].activity, when: shortTime(upcoming[0].activity.startsAt) } : null,
        })
      })
    },
    openActivity(event) {
      wx.navigateTo({ url: `/pages/activity/activity?id=${event.currentTarget.dataset.id}&source=home` })
    },
    openWishWall(event) {
      wx.navigateTo({ url: `/pages/wishwall/wishwall?orgUnitId=${event.currentTarget.dataset.id}` })
    },
  },
})
