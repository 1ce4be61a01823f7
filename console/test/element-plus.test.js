import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'

// src/element.js registers Element Plus components one by one (the whole library made the vendor
// chunk ~1 MB). A screen using an <el-*> tag that is not registered would render nothing: every tag
// in src/ must be there, and its style imported.
const SRC = path.resolve(__dirname, '../src')
const files = (dir) => fs.readdirSync(dir, { withFileTypes: true })
  .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]))
const pascal = (tag) => tag.replace(/(^|-)([a-z])/g, (_, __, c) => c.toUpperCase())

describe('Element Plus on demand', () => {
  const plugin = fs.readFileSync(path.join(SRC, 'element.js'), 'utf8')
  const registered = new Set(/export const COMPONENTS = \[([^\]]*)\]/.exec(plugin)[1].split(',').map((s) => s.trim()).filter(Boolean))
  const used = new Set()
  for (const file of files(SRC).filter((f) => f.endsWith('.vue'))) {
    for (const m of fs.readFileSync(file, 'utf8').matchAll(/<el-([a-z-]+)/g)) used.add(m[1])
  }

  test('every <el-*> tag the screens use is registered, with its style', () => {
    expect(used.size).toBeGreaterThan(20)
    const missing = [...used].filter((tag) => !registered.has(pascal(`el-${tag}`)))
    expect(missing, `add to src/element.js: ${missing.join(', ')}`).toEqual([])
    const unstyled = [...used].filter((tag) => !plugin.includes(`element-plus/es/components/${tag}/style/css`))
    expect(unstyled, `import the style of: ${unstyled.join(', ')}`).toEqual([])
  })

  test('nothing pulls the whole library back in', () => {
    for (const file of files(SRC).filter((f) => /\.(vue|js)$/.test(f))) {
      const text = fs.readFileSync(file, 'utf8')
      expect(text, file).not.toMatch(/import ElementPlus from 'element-plus'|element-plus\/dist\/index\.css/)
    }
  })
})
