/**
 * A need's photos as the drawer's grids show them. A grid loads the server's small JPEG
 * (`thumbnailUrl`, 320 px) and only opens the full photo when someone clicks one; photos without a
 * thumbnail (uploads from before thumbnails, images the server could not decode) show the full one.
 * Photos without a url (not passed, or held) are left out. Each item carries the grid's full-size
 * list and its own place in it, so the viewer opens at the clicked photo and pages through the rest.
 */
export function photoGrid(photos) {
  const shown = (photos || []).filter((p) => p.url)
  const previews = shown.map((p) => p.url)
  return shown.map((p, index) => ({ id: p.id, thumb: p.thumbnailUrl || p.url, full: p.url, previews, index }))
}
