// Prints one hash of the console's build inputs (scripts/maven-build.sh rebuilds when it changes).
const crypto = require('crypto')
const fs = require('fs')
const path = require('path')

const root = path.join(__dirname, '..')
const hash = crypto.createHash('sha256')
const add = (file) => {
  hash.update(path.relative(root, file))
  hash.update(fs.readFileSync(file))
}
const walk = (dir) => {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const file = path.join(dir, entry.name)
    if (entry.isDirectory()) walk(file)
    else add(file)
  }
}
;['index.html', 'vite.config.js', 'package-lock.json'].forEach((f) => add(path.join(root, f)))
;['src', 'public'].map((d) => path.join(root, d)).filter(fs.existsSync).forEach(walk)
process.stdout.write(hash.digest('hex'))
