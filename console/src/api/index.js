import { createClient } from './client.js'
import { documents } from './documents.js'
import { ApiError, messageFor } from './errors.js'

let onLoggedOut = null

/** The console's one client; the router registers what happens when the session is gone. */
export const api = createClient({ documents, onLoggedOut: (e) => onLoggedOut && onLoggedOut(e) })

export function setLoggedOutHandler(handler) {
  onLoggedOut = handler
}

export { ApiError, messageFor }
