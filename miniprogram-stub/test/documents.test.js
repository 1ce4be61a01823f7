// api/documents.js is generated from graphql/*.graphql; it must not drift from its source.
const fs = require('fs')
const path = require('path')
const { collect, render } = require('../scripts/gen-documents')

test('api/documents.js is up to date (run `npm run gen`)', () => {
  const generated = fs.readFileSync(path.join(__dirname, '..', 'api', 'documents.js'), 'utf8')
  expect(generated).toBe(render(collect()))
})

test('every document used by the code exists', () => {
  const documents = collect()
  const roots = ['api', 'pages', 'utils'].map((d) => path.join(__dirname, '..', d)).filter(fs.existsSync)
  const used = new Set()
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(file)
      else if (file.endsWith('.js') && !file.endsWith('documents.js')) {
        for (const m of fs.readFileSync(file, 'utf8').matchAll(/(?:call|documents)\(?\s*['.]([A-Z]\w+)/g)) used.add(m[1])
      }
    }
  }
  roots.forEach(walk)
  const missing = [...used].filter((name) => !documents[name])
  expect(missing).toEqual([])
})
