/**
 * Set-up the mini-program itself never does (creating a county, teams, projects, rewards) goes
 * straight to the backend as GraphQL over HTTP, as the admin web console would. Everything a
 * resident, volunteer or station admin does in the journey goes through the client and its pages.
 */
const { httpExchange } = require('../test/wx-shim')

const url = process.env.GRAPHQL_URL

async function gql(token, query, variables) {
  const headers = { 'content-type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) }
  const response = await httpExchange(url, 'POST', headers, JSON.stringify({ query, variables: variables || {} }))
  const body = JSON.parse(response.text)
  if (body.errors) {
    const e = body.errors[0]
    throw new Error(`${(e.extensions || {}).code}: ${e.message} in ${query.slice(0, 80)}`)
  }
  return body.data
}

async function login(code) {
  const data = await gql(null, 'mutation($c: String!) { wxLogin(code: $c) { accessToken user { id } } }', { c: code })
  return { token: data.wxLogin.accessToken, userId: data.wxLogin.user.id }
}

/** A valid 18-digit resident ID number (GB 11643 check digit) born in 1990 with a random sequence. */
function idNumber() {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const checks = '10X98765432'
  const seq = String(Math.floor(Math.random() * 1000)).padStart(3, '0')
  const body = `32028219900${1 + Math.floor(Math.random() * 9)}1${Math.floor(Math.random() * 9) + 1}${seq}`
  const sum = body.split('').reduce((acc, d, i) => acc + Number(d) * weights[i], 0)
  return body + checks[sum % 11]
}

module.exports = { gql, login, idNumber, url }
