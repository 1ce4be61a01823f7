/**
 * 关怀模式 (适老化): larger text that also follows the phone's font size setting, high contrast and
 * big touch targets. Switched by the user on 我的 and remembered on the phone; pages read `classes()`
 * into a `careClass` on their root view.
 */
const KEY = 'careMode'

function enabled() {
  return !!wx.getStorageSync(KEY)
}

function set(on) {
  wx.setStorageSync(KEY, !!on)
  return !!on
}

/**
 * The page's root classes: `care` when on, and `care-xl` when the phone's own font size is already
 * large (WeChat reports fontSizeSetting in px; 16 is standard), so care mode never shrinks text.
 */
function classes() {
  if (!enabled()) return ''
  let size = 16
  try {
    size = (wx.getSystemInfoSync() || {}).fontSizeSetting || 16
  } catch (e) {
    size = 16
  }
  return size >= 20 ? 'care care-xl' : 'care'
}

/**
 * What care mode sets on a component's host through inherited CSS variables: the shared components'
 * styles are isolated from app.wxss, so `.care .x` never reaches inside them, but a custom property
 * does. Each component reads these with its normal-mode value as the fallback.
 */
const VARS = {
  '--care-text': '#000',
  '--care-muted': '#222',
  '--care-error': '#b00000',
  '--care-weight': 'bold',
  '--care-font': '1em',
  '--care-touch': '96rpx',
}

/**
 * The page root's inline style in care mode: a font size of 1.25 × the phone's own setting (never
 * below 20 px), so text grows with the system font size (the .care rules size everything else in
 * em), and the VARS above for the shared components.
 */
function style() {
  if (!enabled()) return ''
  let size = 16
  try {
    size = (wx.getSystemInfoSync() || {}).fontSizeSetting || 16
  } catch (e) {
    size = 16
  }
  const vars = Object.entries(VARS).map(([name, value]) => `${name}: ${value};`).join(' ')
  return `font-size: ${Math.max(20, Math.round(size * 1.25))}px; ${vars}`
}

module.exports = { enabled, set, classes, style, KEY, VARS }
