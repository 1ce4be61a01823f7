// 公众号菜单: the buttons of an MpMenu (the server builds them; mpMenuPreview before, publishMpMenu
// after) as rows people read: where each button leads, not WeChat's field names.

/** The pages the menu opens, by path (without the query); anything else is shown as its path. */
const PAGES = {
  'pages/home/home': '小程序首页（附近的活动）',
  'pages/wishwall/wishwall': '心愿墙',
  'pages/points/points': '我的积分',
  'pages/activity/activity': '活动报名页',
}

const CLICKS = { UPCOMING_ACTIVITIES: '公众号回复关注者附近的近期活动' }

/** What pressing a button does. */
export function buttonAction(button) {
  if (button.subButtons && button.subButtons.length) return `展开 ${button.subButtons.length} 个子菜单`
  if (button.type === 'miniprogram') {
    const path = (button.pagePath || '').split('?')[0]
    return `打开小程序：${PAGES[path] || path}`
  }
  if (button.type === 'click') return CLICKS[button.key] || `点击事件 ${button.key}`
  if (button.type === 'view') return `打开网页 ${button.url}`
  return button.type || ''
}

/** Rows in menu order: each top-level button, then its sub-buttons (`sub` true), for one table. */
export function menuRows(menu) {
  const rows = []
  ;(menu ? menu.buttons : []).forEach((button, i) => {
    rows.push({ key: `${i}`, name: button.name, action: buttonAction(button), sub: false })
    ;(button.subButtons || []).forEach((child, j) => {
      rows.push({ key: `${i}.${j}`, name: child.name, action: buttonAction(child), sub: true })
    })
  })
  return rows
}
