// 我的需求: what I ordered, newest first.
const client = require('../../api/client')
const { run, nodes, shortTime } = require('../../utils/page')
const { STATUS } = require('../need/status')

Component({
  data: { needs: [], loading: false, error: '', errorCode: '' },
  methods: {
    onLoad() {
      return run(this, async () => {
        const data = await client.call('MyNeeds', { first: 50 })
        this.setData({ needs: nodes(data.myNeeds).map((n) => ({ ...n, statusText: STATUS[n.status], when: shortTime(n.createdAt) })) })
      })
    },
    open(event) {
      wx.navigateTo({ url: `/pages/need/need?id=${event.currentTarget.dataset.id}` })
    },
  },
})
