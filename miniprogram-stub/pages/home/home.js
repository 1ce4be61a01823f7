// 首页: activities and stations near the user, my points and my next activity.
const client = require('../../api/client')
const { run, location, nodes, shortTime } = require('../../utils/page')
const paging = require('../../utils/paging')
const careMode = require('../../utils/care-behavior')

function activityView(n) {
  return { ...n.activity, when: shortTime(n.activity.startsAt), distance: Math.round(n.distanceMeters) }
}

Component({
  behaviors: [careMode],
  data: { activities: paging.emptyList(), stations: [], stationsLoaded: false, balance: null, nextActivity: null, loading: false, error: '', errorCode: '' },
  methods: {
    ...paging.handlers({ activities: function (reset) { return this.loadActivities(reset) } }),
    onLoad() {
      return this.refresh()
    },
    onPullDownRefresh() {
      return this.refresh().then(() => wx.stopPullDownRefresh())
    },
    async refresh() {
      await run(this, async () => {
        this.here = await location()
        const [stations, points, mine] = await Promise.all([
          client.call('NearbyStations', { ...this.here, radiusMeters: 5000 }),
          client.call('MyPoints'),
          // The first page of my sign-ups (oldest first): enough for the next one of most volunteers;
          // 我的活动 pages through them all.
          client.call('MyActivities', { first: paging.PAGE_SIZE }),
          this.loadActivities(true),
        ])
        const now = Date.now()
        const upcoming = nodes(mine.myActivities)
          .filter((s) => s.status === 'CONFIRMED' && new Date(s.activity.endsAt).getTime() > now)
          .sort((a, b) => new Date(a.activity.startsAt) - new Date(b.activity.startsAt))
        this.setData({
          stations: stations.nearbyStations.map((n) => ({ ...n.station, distance: Math.round(n.distanceMeters) })),
          stationsLoaded: true,
          balance: points.me.points ? points.me.points.balance : 0,
          nextActivity: upcoming.length ? { ...upcoming[0].activity, when: shortTime(upcoming[0].activity.startsAt) } : null,
        })
      })
    },
    /** Nearby activities, nearest first; 加载更多 asks the server for the next ones further away. */
    loadActivities(reset = true) {
      const fetch = (cursor) => paging.fromTop(async (first) => (await client.call('NearbyActivities', { ...this.here, radiusMeters: 20000, first })).nearbyActivities, cursor)
      const loading = paging.load(this, 'activities', fetch, { reset, view: activityView })
      return reset ? loading : run(this, () => loading)
    },
    openActivity(event) {
      wx.navigateTo({ url: `/pages/activity/activity?id=${event.currentTarget.dataset.id}&source=home` })
    },
    openWishWall(event) {
      wx.navigateTo({ url: `/pages/wishwall/wishwall?orgUnitId=${event.currentTarget.dataset.id}` })
    },
  },
})
