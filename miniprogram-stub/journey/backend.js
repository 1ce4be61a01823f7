/**
 * Where the journey's backend is (GRAPHQL_URL; `./mvnw verify` starts one in the `local` profile),
 * and the one thing a test person brings that the server never issues: a resident ID number.
 * Everything the journey does goes through the clients: the mini-program's pages and the staff
 * console's screens (journey/staff-console.cjs). No GraphQL is written here.
 */
const url = process.env.GRAPHQL_URL

/** A valid 18-digit resident ID number (GB 11643 check digit) born in 1990 with a random sequence. */
function idNumber() {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const checks = '10X98765432'
  const seq = String(Math.floor(Math.random() * 1000)).padStart(3, '0')
  const body = `32028219900${1 + Math.floor(Math.random() * 9)}1${Math.floor(Math.random() * 9) + 1}${seq}`
  const sum = body.split('').reduce((acc, d, i) => acc + Number(d) * weights[i], 0)
  return body + checks[sum % 11]
}

module.exports = { idNumber, url }
