// The installation's console settings (the map's tile provider), from the GraphQL API.
import { api } from '../../api/index.js'

let settings = null

/** consoleSettings, asked once per page load; a failure is not remembered, so the next screen asks again. */
export function consoleSettings() {
  if (!settings) {
    settings = api.call('ConsoleSettings').then((d) => d.consoleSettings).catch((e) => {
      settings = null
      throw e
    })
  }
  return settings
}
