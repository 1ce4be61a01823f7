import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// Served by the backend under /console/ (same origin as /graphql). `npm run dev` proxies the API to a
// backend started with `./mvnw -pl backend spring-boot:test-run`.
export default defineConfig({
  base: '/console/',
  plugins: [vue()],
  build: {
    // The Maven build passes the backend's classes folder (static/console) as --outDir.
    outDir: 'dist',
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // Element Plus and Vue change less often than our screens: a separate, long-cached chunk.
        codeSplitting: {
          // ECharts (the results screens) apart, so the other screens' vendor chunk stays as it was.
          groups: [
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 2 },
            { name: 'vendor', test: /node_modules/, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/graphql': 'http://localhost:8080',
      '/exports': 'http://localhost:8080',
      '/console/dev-login': 'http://localhost:8080',
    },
  },
  test: {
    environment: 'node',
    include: ['test/**/*.test.js'],
  },
})
