// 关怀模式 on every page: each page uses this behavior and wraps its markup in
// <view class="page {{careClass}}" style="{{careStyle}}">, so app.wxss's .care rules (larger text, high contrast, big
// touch targets) apply. The class is read when the page opens; 我的 switches it and re-reads.
const care = require('./care')

module.exports = Behavior({
  data: { careClass: '', careStyle: '' },
  lifetimes: {
    attached() {
      this.applyCare()
    },
  },
  // Tab pages stay alive while 我的 switches the mode: read it again when shown.
  pageLifetimes: {
    show() {
      this.applyCare()
    },
  },
  methods: {
    /** Reads the switch again (我的 calls it right after switching; tab pages on show). */
    applyCare() {
      this.setData({ careClass: care.classes(), careStyle: care.style() })
    },
  },
})
