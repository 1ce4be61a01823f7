// 关怀模式 on every page: each page uses this behavior and wraps its markup in
// <view class="page {{careClass}}">, so app.wxss's .care rules (larger text, high contrast, big
// touch targets) apply. The class is read when the page opens; 我的 switches it and re-reads.
const care = require('./care')

module.exports = Behavior({
  data: { careClass: '' },
  lifetimes: {
    attached() {
      this.setData({ careClass: care.classes() })
    },
  },
})
