// Three projects: `unit` runs offline (schema validation, client logic, pages with a fake network);
// `journey` drives the pages against a running backend named by GRAPHQL_URL; `render` draws pages
// in Chromium in normal and care mode (screenshots in test-output/, npm run render).
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
    {
      displayName: 'render',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/test/render/*.render.js'],
      setupFiles: ['<rootDir>/test/setup.js'],
      testTimeout: 60000,
    },
  ],
}
