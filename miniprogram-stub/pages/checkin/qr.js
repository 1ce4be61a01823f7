/**
 * What the organiser's rotating QR code holds: `wmcheckin:<activityId>:<token>`. The token is the
 * server's signed, 60-second check-in code; the activity id lets the scanner refuse a code for
 * another activity before asking the server.
 */
const PREFIX = 'wmcheckin:'

function encode(activityId, token) {
  return `${PREFIX}${activityId}:${token}`
}

function decode(text) {
  if (typeof text !== 'string' || !text.startsWith(PREFIX)) return null
  const rest = text.slice(PREFIX.length)
  const colon = rest.indexOf(':')
  if (colon <= 0) return null
  return { activityId: rest.slice(0, colon), token: rest.slice(colon + 1) }
}

module.exports = { encode, decode }
