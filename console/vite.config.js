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
    // Element Plus's used components are the largest chunk (~0.5 MB): warn if the vendor chunk grows past 700 kB.
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
        // Libraries change less often than our screens: separate, long-cached chunks. ECharts is only
        // reached through a dynamic import (a chart shown), Vue and Element Plus (registered on demand,
        // src/element.js) load with the console.
        codeSplitting: {
          groups: [
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 3 },
            // Only installations with a tile provider (app.console.map.tile-url) load it.
            { name: 'leaflet', test: /node_modules[\\/]leaflet[\\/]/, priority: 3 },
            { name: 'vue', test: /node_modules[\\/](vue|@vue|vue-router)[\\/]/, priority: 2 },
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
