// app.json names every page (main package and the staff subpackage), and each has its four files.
const fs = require('fs')
const path = require('path')

const root = path.join(__dirname, '..')
const app = JSON.parse(fs.readFileSync(path.join(root, 'app.json'), 'utf8'))
const pages = [...app.pages, ...(app.subpackages || []).flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))]

test('staff pages live in the staff subpackage, not the main package', () => {
  expect(app.subpackages.map((p) => p.root)).toEqual(['staff'])
  expect(pages).toContain('staff/admin/admin')
  expect(app.pages.filter((p) => p.includes('admin'))).toEqual([])
})

test.each(pages)('%s has js, json, wxml and wxss, and its components exist', (page) => {
  for (const ext of ['js', 'json', 'wxml', 'wxss']) {
    expect(fs.existsSync(path.join(root, `${page}.${ext}`))).toBe(true)
  }
  const json = JSON.parse(fs.readFileSync(path.join(root, `${page}.json`), 'utf8'))
  for (const target of Object.values(json.usingComponents || {})) {
    const file = target.startsWith('/') ? path.join(root, `${target}.js`) : path.join(root, path.dirname(page), `${target}.js`)
    expect(fs.existsSync(file)).toBe(true)
  }
})

test('the tab bar opens main-package pages only', () => {
  for (const item of app.tabBar.list) expect(app.pages).toContain(item.pagePath)
})
