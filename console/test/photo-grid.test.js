// The need drawer's photo grids: thumbnails in the grid, the full photos in the viewer.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { photoGrid } from '../src/views/photo-grid.js'
import { documents } from '../src/api/documents.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const full = (id) => `/media/photos/${id}?sig=f${id}`
const thumb = (id) => `/media/photos/${id}/thumbnail?sig=t${id}`

describe('need photo grid', () => {
  test('the grid shows thumbnails and the viewer opens the full photos at the clicked one', () => {
    const grid = photoGrid([
      { id: '1', status: 'PASSED', url: full(1), thumbnailUrl: thumb(1) },
      // Not passed: no url, not shown at all.
      { id: '2', status: 'PENDING', url: null, thumbnailUrl: null },
      // Uploaded before thumbnails existed: the grid falls back to the full photo.
      { id: '3', status: 'PASSED', url: full(3), thumbnailUrl: null },
      { id: '4', status: 'PASSED', url: full(4), thumbnailUrl: thumb(4) },
    ])
    expect(grid.map((p) => [p.id, p.thumb, p.index])).toEqual([
      ['1', thumb(1), 0],
      ['3', full(3), 1],
      ['4', thumb(4), 2],
    ])
    for (const p of grid) {
      expect(p.previews).toEqual([full(1), full(3), full(4)])
      expect(p.previews[p.index]).toBe(p.full)
    }
  })

  test('no photos, no grid', () => {
    expect(photoGrid(null)).toEqual([])
    expect(photoGrid([{ id: '9', status: 'REJECTED', url: null }])).toEqual([])
  })

  test('the drawer asks for thumbnails of both kinds of photo and binds the grids to them', () => {
    expect(documents.NeedDetail).toMatch(/photos \{[^}]*thumbnailUrl[^}]*\}/)
    expect(documents.NeedDetail).toMatch(/completionPhotos \{[^}]*thumbnailUrl[^}]*\}/)
    const drawer = fs.readFileSync(path.join(here, '..', 'src', 'views', 'NeedDrawer.vue'), 'utf8')
    const images = drawer.match(/<el-image[^>]*>/gs)
    expect(images).toHaveLength(2)
    for (const tag of images) {
      expect(tag).toContain(':src="p.thumb"')
      expect(tag).toContain(':preview-src-list="p.previews"')
      expect(tag).toContain(':initial-index="p.index"')
    }
  })
})
