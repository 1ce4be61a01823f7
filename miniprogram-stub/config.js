/**
 * Where the backend is. In WeChat DevTools set `serverUrl` here (or, at run time, store
 * `serverUrl` in storage from a debug page); "不校验合法域名" must be ticked for http://localhost.
 * Tests set it through storage as well.
 */
module.exports = {
  serverUrl: 'http://localhost:8080/graphql',
}
