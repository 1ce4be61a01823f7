import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

// Issue 16: screens load lazily, so the first load does not carry every screen's code. Read from the
// sources (the router needs a browser history): a screen imported statically lands in the entry chunk.
const FILES = ['src/router.js', 'src/views/routes-org.js', 'src/views/routes-activities-store.js']

describe('routes', () => {
  for (const file of FILES) {
    const source = readFileSync(new URL(`../${file}`, import.meta.url), 'utf8')

    it(`${file}: no screen is imported statically (only the frame)`, () => {
      const vueImports = [...source.matchAll(/^import\s+(\w+)\s+from\s+'([^']+\.vue)'/gm)].map((m) => m[1])
      expect(vueImports.filter((name) => name !== 'AppLayout')).toEqual([])
    })

    it(`${file}: every route component is a lazy import`, () => {
      const components = [...source.matchAll(/component:\s*(\w+)/g)].map((m) => m[1])
      expect(components.length).toBeGreaterThan(0)
      const lazy = new Set([...source.matchAll(/const\s+(\w+)\s*=\s*\(\)\s*=>\s*import\(/g)].map((m) => m[1]))
      expect(components.filter((c) => c !== 'AppLayout' && !lazy.has(c))).toEqual([])
    })
  }
})
