// The 报名来源 report's labels and its dates: whole days in Beijing time, sent as the instants the
// API's [from, to) takes.
export const SIGN_UP_SOURCE = {
  poster: '海报小程序码', menu: '公众号菜单', mp_upcoming: '公众号近期活动', article: '公众号文章', qr: '二维码', direct: '小程序内直接报名',
}

const pad = (n) => String(n).padStart(2, '0')

/** The last 30 days up to today (Beijing), as yyyy-MM-dd. */
export function defaultRange(now) {
  const day = (ms) => {
    const d = new Date(ms + 8 * 3600 * 1000)
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
  }
  return [day(now.getTime() - 29 * 86400000), day(now.getTime())]
}

/** From the start of the first day to the end of the last, both Beijing dates (yyyy-MM-dd). */
export function beijingDayRange(first, last) {
  const start = Date.parse(`${first}T00:00:00+08:00`)
  const end = Date.parse(`${last}T00:00:00+08:00`) + 86400000
  return { from: new Date(start).toISOString(), to: new Date(end).toISOString() }
}
