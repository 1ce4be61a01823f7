// 我的随手拍: what I reported, newest first, with where each stands.
const civic = require('../../api/civic')
const { run, shortTime } = require('../../utils/page')
const paging = require('../../utils/paging')
const careMode = require('../../utils/care-behavior')

const reportView = (r) => ({
  ...r,
  statusText: civic.STATUS[r.status] || r.status,
  when: shortTime(r.createdAt),
  detail: r.status === 'REJECTED' ? r.rejectReason : r.resolutionNote || (r.deadlineOn ? `办理期限 ${r.deadlineOn}` : ''),
})

Component({
  behaviors: [careMode],
  data: { reports: paging.emptyList(), loading: false, error: '', errorCode: '' },
  methods: {
    ...paging.handlers({ reports: function (reset) { return this.loadReports(reset) } }),
    onLoad() {
      return this.loadReports(true)
    },
    loadReports(reset) {
      return run(this, () => paging.load(this, 'reports', async (after) => paging.fromConnection(await civic.mine(paging.PAGE_SIZE, after)), { reset, view: reportView }))
    },
    report() {
      wx.navigateTo({ url: '/pages/civic-new/civic-new' })
    },
  },
})
