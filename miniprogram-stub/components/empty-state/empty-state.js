// 暂无内容: the one empty state of the app, with an optional hint (what to do to fill it).
Component({
  properties: {
    text: { type: String, value: '暂无内容' },
    hint: { type: String, value: '' },
  },
})
