import QRCode from 'qrcode'

/**
 * The login QR as an SVG data URL: sharp at any zoom, and the same text in a browser and under Node,
 * so the browser test can check that the page draws exactly the ticket it was given.
 */
export async function qrDataUrl(text) {
  const svg = await QRCode.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M', width: 240 })
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
}
