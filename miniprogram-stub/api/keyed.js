// The creating calls that count (点单, 随手拍) take one idempotency key per filled-in form: the server
// makes one record per (user, key), so the key goes with every send of the form — the client's own retry
// of a 503 whose commit went through, a second tap while the first is on its way, 重试 after an error —
// and a resend with other input is refused (IDEMPOTENCY_KEY_REUSED). Only a success starts the next
// record, with a new key.
const { idempotencyKey } = require('../utils/page')

/** `send(inputWithKey, ...rest)` once at a time; a second submit while one is on its way gets that one. */
function keyedSubmission(send, makeKey = idempotencyKey) {
  let key = makeKey()
  let inFlight = null
  return {
    get key() {
      return key
    },
    get busy() {
      return inFlight !== null
    },
    submit(input, ...rest) {
      if (!inFlight) {
        const sent = key
        inFlight = Promise.resolve()
          .then(() => send({ ...input, idempotencyKey: sent }, ...rest))
          .then((result) => {
            key = makeKey()
            return result
          })
          .finally(() => {
            inFlight = null
          })
      }
      return inFlight
    },
  }
}

module.exports = { keyedSubmission }
