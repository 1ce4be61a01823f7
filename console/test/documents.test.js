// Every document the console sends must be valid against the backend's schema (the only copy, in
// ../graphql-schema), so a schema change that breaks the console fails the build.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildSchema, parse, validate } from 'graphql'
import { describe, expect, test } from 'vitest'
import { documents } from '../src/api/documents.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const schemaDir = path.join(here, '..', '..', 'graphql-schema')

function schemaText() {
  return fs
    .readdirSync(schemaDir)
    .filter((f) => f.endsWith('.graphqls'))
    .sort((a, b) => (a === 'shared.graphqls' ? -1 : b === 'shared.graphqls' ? 1 : a.localeCompare(b)))
    .map((f) => fs.readFileSync(path.join(schemaDir, f), 'utf8'))
    .join('\n')
}

const schema = buildSchema(schemaText())

describe('GraphQL documents', () => {
  test('every file in src/graphql is loaded, named after its operation', () => {
    const files = fs.readdirSync(path.join(here, '..', 'src', 'graphql')).filter((f) => f.endsWith('.graphql'))
    expect(Object.keys(documents).sort()).toEqual(files.map((f) => f.replace('.graphql', '')).sort())
    for (const [name, text] of Object.entries(documents)) {
      expect(parse(text).definitions[0].name.value).toBe(name)
    }
  })

  test.each(Object.entries(documents))('%s is valid against graphql-schema/', (name, text) => {
    expect(validate(schema, parse(text)).map((e) => e.message)).toEqual([])
  })

  test('a document using a field the schema lacks is refused', () => {
    expect(validate(schema, parse('query X { me { id noSuchField } }')).length).toBe(1)
  })

  test('every document the code calls exists', () => {
    const used = new Set()
    const walk = (dir) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name)
        if (entry.isDirectory()) walk(file)
        else if (/\.(js|vue)$/.test(file)) {
          for (const m of fs.readFileSync(file, 'utf8').matchAll(/(?:call|documents\.)\(?\s*'?([A-Z]\w+)/g)) used.add(m[1])
        }
      }
    }
    walk(path.join(here, '..', 'src'))
    expect(used.size).toBeGreaterThan(10)
    expect([...used].filter((name) => !documents[name])).toEqual([])
  })
})
