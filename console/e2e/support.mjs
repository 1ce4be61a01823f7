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
  const me = (await gql('{ me { roleGrants { role orgUnitId } } }', {}, admin.accessToken)).me
  for (const grant of me.roleGrants.filter((g) => g.role === 'CENTER_ADMIN')) {
    const tree = (await gql('query($r: ID!) { orgTree(rootId: $r) { unit { id name level } } }', { r: grant.orgUnitId }, admin.accessToken)).orgTree
    const station = tree.map((n) => n.unit).find((u) => u.name.startsWith('东珠社区'))
    if (station) {
      return { centerId: grant.orgUnitId, station }
    }
  }
  throw new Error('the demo county has 东珠社区 station')
}
