/**
 * The local run's developer shortcut: `/console/?dev=admin` asks the local-only endpoint (test
 * sources, `local` profile) for a session of the WeChat stub's user `dev-admin`. The production jar
 * has no such endpoint: the call fails and the console shows the login QR as always.
 */
export async function devLogin(code, fetchImpl = (...a) => globalThis.fetch(...a)) {
  try {
    const res = await fetchImpl('/dev/console-login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code }),
    })
    if (res.status !== 200) return null
    const body = await res.json()
    return body && body.accessToken && body.refreshToken ? body : null
  } catch {
    return null
  }
}
