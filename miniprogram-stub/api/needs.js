// 点单: one order per filled-in form (see keyed.js). The order's place goes with its key: it is located
// once per order, since a resend from where the phone has moved since would be other input.
const client = require('./client')
const { keyedSubmission } = require('./keyed')

function orderForm(makeKey) {
  let place = null
  return keyedSubmission(async (input, locate) => {
    if (!place) place = await locate()
    const need = (await client.call('SubmitNeed', { input: { ...input, latitude: place.latitude, longitude: place.longitude } })).submitNeed
    place = null
    return need
  }, makeKey)
}

module.exports = { orderForm }
