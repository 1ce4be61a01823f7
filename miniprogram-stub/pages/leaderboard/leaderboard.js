// 排行榜 (比学赶超): volunteers by points or hours, teams by hours, stations by activities held;
// this week / month / year / all time, within the volunteer's station (or a scope passed in the
// query, e.g. from a 公众号 article), with my own rank.
const client = require('../../api/client')
const { run } = require('../../utils/page')
const paging = require('../../utils/paging')
const careMode = require('../../utils/care-behavior')

const KINDS = [
  { value: 'VOLUNTEER_POINTS', label: '积分榜' },
  { value: 'VOLUNTEER_HOURS', label: '时长榜' },
  { value: 'TEAM_HOURS', label: '队伍榜' },
  { value: 'STATION_ACTIVITIES', label: '站点榜' },
]
const PERIODS = [
  { value: 'WEEK', label: '本周' },
  { value: 'MONTH', label: '本月' },
  { value: 'YEAR', label: '本年' },
  { value: 'ALL', label: '累计' },
]

Component({
  behaviors: [careMode],
  data: { kinds: KINDS, periods: PERIODS, kind: 'VOLUNTEER_POINTS', period: 'MONTH', scopeId: null, entries: paging.emptyList(), me: null, showName: false, loading: false, error: '', errorCode: '' },
  methods: {
    ...paging.handlers({ entries: function (reset) { return this.load(reset) } }),
    async onLoad(query) {
      this.query = query
      const q = query || {}
      this.setData({ kind: q.kind || this.data.kind, period: q.period || this.data.period })
      let scopeId = q.scopeId || null
      if (!scopeId) {
        const data = await run(this, () => client.call('MyVolunteer'))
        scopeId = data && data.myVolunteer ? data.myVolunteer.homeStationId : null
      }
      this.setData({ scopeId })
      // Not a volunteer and no scope given: nothing to rank in, shown as the empty board.
      if (!scopeId) this.setData({ entries: { ...paging.emptyList(), loaded: !this.data.error } })
      return scopeId ? this.load() : undefined
    },
    /** 重试 on the error state: the scope again when it failed to load, else the board. */
    reload() {
      return this.data.scopeId ? this.load() : this.onLoad(this.query)
    },
    /** The board's top (20 more per 加载更多, up to the server's 100) and my own rank. */
    load(reset = true) {
      return run(this, async () => {
        let board = null
        const fetch = (cursor) =>
          paging.fromTop(async (first) => {
            board = (await client.call('Leaderboard', { kind: this.data.kind, period: this.data.period, scopeId: this.data.scopeId, first })).leaderboard
            return board.entries
          }, cursor)
        await paging.load(this, 'entries', fetch, { reset })
        if (board) this.setData({ me: board.me })
        return board
      })
    },
    pickKind(event) {
      this.setData({ kind: event.currentTarget.dataset.value })
      return this.load()
    },
    pickPeriod(event) {
      this.setData({ period: event.currentTarget.dataset.value })
      return this.load()
    },
    /** 实名上榜 is opt-in; the default is a masked name. */
    async toggleShowName() {
      const show = !this.data.showName
      const done = await run(this, () => client.call('SetShowNameOnLeaderboard', { show }))
      if (done) {
        this.setData({ showName: show })
        await this.load()
      }
      return done
    },
  },
})
