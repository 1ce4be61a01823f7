// Two projects: `unit` runs offline (schema validation, client logic, pages with a fake network);
// `journey` drives the pages against a running backend named by GRAPHQL_URL.
module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/test/**/*.test.js'],
      setupFiles: ['<rootDir>/test/setup.js'],
    },
    {
      displayName: 'journey',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/journey/**/*.test.js'],
      setupFiles: ['<rootDir>/test/setup.js'],
      testTimeout: 120000,
    },
  ],
}
