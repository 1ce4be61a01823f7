// What both browser scripts need before a browser opens: where the server, the screenshots and
// Debian's chromium are, GraphQL over fetch, logins through the built-in WeChat stub, and the demo
// county's center with its 东珠社区 station (in a shared test database the demo admin may hold other
// centers too).
import fs from 'node:fs'

export const BASE = process.env.BASE_URL || 'http://127.0.0.1:8080'
export const SHOTS = process.env.SCREENSHOT_DIR || 'test-results'
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium'
fs.mkdirSync(SHOTS, { recursive: true })

export async function gql(query, variables = {}, token) {
  const headers = { 'Content-Type': 'application/json' }
  if (token) headers.Authorization = `Bearer ${token}`
  const res = await fetch(`${BASE}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) })
  const body = await res.json()
  if (body.errors) throw new Error(`${query.slice(0, 60)}…: ${JSON.stringify(body.errors)}`)
  return body.data
}

export const login = async (code) =>
  (await gql('mutation($c: String!) { wxLogin(code: $c) { accessToken user { id } } }', { c: code })).wxLogin

export function assert(condition, message) {
  if (!condition) throw new Error(message)
}

/** The demo center the admin covers that holds the 东珠社区 station: `{ centerId, station }`. */
export async function demoCenter(admin) {
  // One request for every unit the admin covers (in the shared test database the demo admin is the
  // bootstrap admin of hundreds of test centers); the station's center is the one above it in the walk.
  const nodes = (await gql('{ myOrgTree { depth unit { id name level } } }', {}, admin.accessToken)).myOrgTree
  const above = [] // the walk's current ancestors, by depth
  for (const node of nodes) {
    above.length = node.depth
    const center = above.find((unit) => unit.level === 'CENTER')
    if (center && node.unit.level === 'STATION' && node.unit.name.startsWith('东珠社区')) {
      return { centerId: center.id, station: node.unit }
    }
    above.push(node.unit)
  }
  throw new Error('the demo county has 东珠社区 station')
}
