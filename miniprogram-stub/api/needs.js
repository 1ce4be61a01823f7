// 点单: one order per filled-in form. The server makes one need per (resident, idempotencyKey), so the
// key goes with every send of the order — the client's own retry of a 503 whose commit went through, a
// second tap while the first is on its way, 重试 after an error — and with it the place it was located
// at, since a resend with other input is refused (IDEMPOTENCY_KEY_REUSED). Only a success starts the next
// order, with a new key.
const client = require('./client')
const { idempotencyKey } = require('../utils/page')

function orderForm(makeKey = idempotencyKey) {
  let key = makeKey()
  let place = null
  let inFlight = null
  return {
    get key() {
      return key
    },
    get busy() {
      return inFlight !== null
    },
    /** Sends `input` (the form) from the place `locate()` finds, located once per order; resolves to the need. */
    submit(input, locate) {
      if (!inFlight) {
        inFlight = (async () => {
          if (!place) place = await locate()
          const sent = { ...input, latitude: place.latitude, longitude: place.longitude, idempotencyKey: key }
          const need = (await client.call('SubmitNeed', { input: sent })).submitNeed
          key = makeKey()
          place = null
          return need
        })().finally(() => {
          inFlight = null
        })
      }
      return inFlight
    },
  }
}

module.exports = { orderForm }
