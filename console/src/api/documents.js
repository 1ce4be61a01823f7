// Every GraphQL document the console sends is a file in src/graphql/, named after its operation
// (test/documents.test.js validates them against graphql-schema/).
const files = import.meta.glob('../graphql/*.graphql', { query: '?raw', import: 'default', eager: true })

export const documents = Object.fromEntries(
  Object.entries(files).map(([file, text]) => [file.replace(/^.*\/(\w+)\.graphql$/, '$1'), text]),
)
