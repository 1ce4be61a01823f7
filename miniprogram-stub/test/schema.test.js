// Every document the client sends must be valid against the backend's schema (the only copy, in
// ../graphql-schema), so a schema change that breaks the client breaks the build.
const fs = require('fs')
const path = require('path')
const { buildSchema, parse, validate } = require('graphql')
const { collect } = require('../scripts/gen-documents')

const schemaDir = path.join(__dirname, '..', '..', 'graphql-schema')

function schemaText() {
  return fs
    .readdirSync(schemaDir)
    .filter((f) => f.endsWith('.graphqls'))
    .sort((a, b) => (a === 'shared.graphqls' ? -1 : b === 'shared.graphqls' ? 1 : a.localeCompare(b)))
    .map((f) => fs.readFileSync(path.join(schemaDir, f), 'utf8'))
    .join('\n')
}

const schema = buildSchema(schemaText())
const documents = collect()

describe('GraphQL documents', () => {
  test('there are documents to check', () => {
    expect(Object.keys(documents).length).toBeGreaterThan(20)
  })

  test.each(Object.entries(documents))('%s is valid against graphql-schema/', (name, text) => {
    const errors = validate(schema, parse(text)).map((e) => e.message)
    expect(errors).toEqual([])
  })

  test('a document using a field the schema lacks is refused', () => {
    const errors = validate(schema, parse('query X { me { id noSuchField } }'))
    expect(errors.length).toBe(1)
  })

  test('removing a field the client reads from graphql-schema/ breaks the build', () => {
    // What happens when someone renames or drops Need.ratingStars on the server side.
    // The field goes with its description string, if it has one.
    const broken = schemaText().replace(/\n(\s+"[^"\n]*")?\s+ratingStars: Int\n/, '\n')
    expect(broken).not.toEqual(schemaText())
    const errors = validate(buildSchema(broken), parse(documents.NeedDetail)).map((e) => e.message)
    expect(errors.join()).toContain('ratingStars')
  })
})
