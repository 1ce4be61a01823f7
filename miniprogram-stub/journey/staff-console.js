/**
 * The journey's side of the staff console: starts journey/staff-console.cjs (the browser, in a plain
 * node process) and sends it one step at a time.
 */
const path = require('path')
const { fork } = require('child_process')

function startConsole() {
  const child = fork(path.join(__dirname, 'staff-console.cjs'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  const waiting = new Map()
  let next = 0
  child.on('message', ({ id, ok, result, error }) => {
    const w = waiting.get(id)
    waiting.delete(id)
    if (ok) w.resolve(result)
    else w.reject(new Error(`staff console ${error}`))
  })
  child.on('exit', (code) => {
    for (const w of waiting.values()) w.reject(new Error(`the staff console's process ended (${code})`))
    waiting.clear()
  })
  const step = (name, args) =>
    new Promise((resolve, reject) => {
      next += 1
      waiting.set(next, { resolve, reject })
      child.send({ id: next, step: name, args })
    })
  return {
    step,
    async close() {
      try {
        return await step('close')
      } finally {
        child.kill()
      }
    },
  }
}

module.exports = { startConsole }
