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
 * The page root's inline font size in care mode: 1.25 × the phone's own setting (never below 20 px),
 * so text grows with the system font size; the .care rules size everything else in em.
 */
function style() {
  if (!enabled()) return ''
  let size = 16
  try {
    size = (wx.getSystemInfoSync() || {}).fontSizeSetting || 16
  } catch (e) {
    size = 16
  }
  return `font-size: ${Math.max(20, Math.round(size * 1.25))}px;`
}

module.exports = { enabled, set, classes, style, KEY }
