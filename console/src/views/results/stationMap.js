// The station map's logic, kept out of the components so it is tested without a browser: which map
// to draw, the colour of a station for the selected figure, and the datum of its coordinates. No imports:
// the browser script (e2e/map.browser.mjs) loads it in Node to compute the colours it expects.

// Low → high: the scatter's visualMap and the tile map's circle markers share these stops.
export const COLOR_STOPS = ['#f56c6c', '#e6a23c', '#67c23a']

/** 'tiles' when the installation configured a tile provider (consoleSettings.mapTiles), else 'scatter'. */
export function mapMode(settings) {
  return settings && settings.mapTiles && settings.mapTiles.urlTemplate ? 'tiles' : 'scatter'
}

/** The top of the colour scale: the largest value shown, at least 1 so all-zero stations are red, not NaN. */
export function colourMax(values) {
  return Math.max(1, ...values.filter((v) => v != null))
}

/**
 * The colour ECharts' continuous visualMap gives `value` on [0, max] with COLOR_STOPS: linear in RGB
 * between evenly spaced stops, clamped at both ends.
 */
export function figureColor(value, max) {
  const t = Math.min(1, Math.max(0, (value ?? 0) / (max || 1)))
  const span = t * (COLOR_STOPS.length - 1)
  const i = Math.min(COLOR_STOPS.length - 2, Math.floor(span))
  const [a, b] = [rgb(COLOR_STOPS[i]), rgb(COLOR_STOPS[i + 1])]
  const f = span - i
  return '#' + a.map((c, k) => Math.round(c + (b[k] - c) * f).toString(16).padStart(2, '0')).join('')
}

function rgb(hex) {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16))
}

// GCJ-02 (国测局) is WGS-84 shifted by a published, deliberately nonlinear offset of a few hundred
// metres, applied inside China only. The forward formula is the well-known one (Krasovsky ellipsoid);
// the inverse has no closed form and is solved by iterating the forward one (centimetres after a few rounds).
const A = 6378245.0
const EE = 0.00669342162296594323

function outOfChina(lng, lat) {
  return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271
}

function offset(lng, lat) {
  const x = lng - 105.0
  const y = lat - 35.0
  let dLat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x))
  dLat += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0
  dLat += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0
  dLat += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0
  let dLng = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x))
  dLng += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0
  dLng += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0
  dLng += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0
  const radLat = (lat / 180.0) * Math.PI
  let magic = Math.sin(radLat)
  magic = 1 - EE * magic * magic
  const sqrtMagic = Math.sqrt(magic)
  return [
    (dLng * 180.0) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI),
    (dLat * 180.0) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI),
  ]
}

export function wgs84ToGcj02(lng, lat) {
  if (outOfChina(lng, lat)) return [lng, lat]
  const [dLng, dLat] = offset(lng, lat)
  return [lng + dLng, lat + dLat]
}

export function gcj02ToWgs84(lng, lat) {
  if (outOfChina(lng, lat)) return [lng, lat]
  let [x, y] = [lng, lat]
  for (let i = 0; i < 10; i++) {
    const [gx, gy] = wgs84ToGcj02(x, y)
    const [ex, ey] = [gx - lng, gy - lat]
    x -= ex
    y -= ey
    if (Math.abs(ex) < 1e-9 && Math.abs(ey) < 1e-9) break
  }
  return [x, y]
}

/**
 * A station's coordinates for tiles drawn in `datum`. Stations are located in GCJ-02 (the
 * mini-program's wx.getLocation and 选点 give GCJ-02, and nearbyStations compares them with it), so
 * 高德's GCJ02 tiles take them as they are and WGS84 tiles (OSM, 天地图) need them converted back.
 */
export function toTileDatum({ latitude, longitude }, datum) {
  if (datum !== 'WGS84') return [latitude, longitude]
  const [lng, lat] = gcj02ToWgs84(longitude, latitude)
  return [lat, lng]
}
