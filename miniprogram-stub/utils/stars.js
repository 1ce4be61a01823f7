/**
 * 星级 of a volunteer by credit hours (信用时长): 1 star from 100 h, then 300, 600, 1000 and 1500 h
 * (五星). The server computes the star itself; this only says how far the next one is.
 */
const THRESHOLDS = [100, 300, 600, 1000, 1500]

/** { star, next (hours of the next star, null at five), toGo (hours), percent (0–100 of this step) }. */
function progress(creditHours) {
  const hours = Math.max(0, Number(creditHours) || 0)
  const star = THRESHOLDS.filter((t) => hours >= t).length
  if (star >= THRESHOLDS.length) return { star, next: null, toGo: 0, percent: 100 }
  const from = star === 0 ? 0 : THRESHOLDS[star - 1]
  const next = THRESHOLDS[star]
  return { star, next, nextStar: star + 1, toGo: Math.round((next - hours) * 10) / 10, percent: Math.floor(((hours - from) / (next - from)) * 100) }
}

module.exports = { THRESHOLDS, progress }
