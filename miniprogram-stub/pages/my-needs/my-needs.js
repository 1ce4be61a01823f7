// 我的需求: what I ordered, newest first.
const client = require('../../api/client')
const { run, shortTime } = require('../../utils/page')
const paging = require('../../utils/paging')
const careMode = require('../../utils/care-behavior')
const { STATUS } = require('../need/status')

const needView = (n) => ({ ...n, statusText: STATUS[n.status], when: shortTime(n.createdAt) })

Component({
  behaviors: [careMode],
  data: { needs: paging.emptyList(), loading: false, error: '', errorCode: '' },
  methods: {
    ...paging.handlers({ needs: function (reset) { return this.loadNeeds(reset) } }),
    onLoad() {
      return this.loadNeeds(true)
    },
    loadNeeds(reset) {
      return run(this, () => paging.load(this, 'needs', async (after) => paging.fromConnection((await client.call('MyNeeds', { first: paging.PAGE_SIZE, after })).myNeeds), { reset, view: needView }))
    },
    open(event) {
      wx.navigateTo({ url: `/pages/need/need?id=${event.currentTarget.dataset.id}` })
    },
    postNeed() {
      wx.navigateTo({ url: '/pages/need-new/need-new' })
    },
  },
})
