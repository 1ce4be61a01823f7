/**
 * The 内容审核 tab's held photos come from two queues (needs: heldNeedPhotos, 随手拍: heldCivicPhotos),
 * each paged on its own. A card is the same for both: what the photo is (随手拍 vs 群众照片 / 完成照片),
 * what it belongs to and where, and the mutation that decides it.
 */

const NEED_PARTS = { NEED: '群众照片', NEED_COMPLETION: '完成照片' }
const CIVIC_PARTS = { CIVIC_REPORT: '上报照片', CIVIC_RESOLUTION: '办结照片' }

/** The longest description shown as a 随手拍 card's title (the card is narrow; the tooltip has all). */
export const TITLE_MAX = 40

function clip(text) {
  const t = (text || '').trim()
  return t.length > TITLE_MAX ? `${t.slice(0, TITLE_MAX)}…` : t
}

/** A card of a held need photo (a node of heldNeedPhotos). */
export function needPhotoCard(row) {
  return {
    source: 'need',
    key: `need-${row.photo.id}`,
    photo: row.photo,
    hold: row.hold,
    label: NEED_PARTS[row.part] || '需求照片',
    part: '',
    title: row.needTitle,
    fullTitle: row.needTitle,
    stationName: row.stationName,
    uploadedAt: row.uploadedAt,
  }
}

/** A card of a held 随手拍 photo (a node of heldCivicPhotos): labelled 随手拍, titled by category and description. */
export function civicPhotoCard(row) {
  const full = `${row.categoryLabel}：${(row.description || '').trim()}`
  return {
    source: 'civic',
    key: `civic-${row.photo.id}`,
    photo: row.photo,
    hold: row.hold,
    label: '随手拍',
    part: CIVIC_PARTS[row.part] || '',
    title: `${row.categoryLabel}：${clip(row.description)}`,
    fullTitle: full,
    stationName: row.stationName,
    uploadedAt: row.uploadedAt,
  }
}

/** The operation deciding the card's photo, with its variables. */
export function reviewCall(card, approve) {
  return {
    operation: card.source === 'civic' ? 'ReviewCivicPhoto' : 'ReviewNeedPhoto',
    variables: { photoId: card.photo.id, approve },
  }
}

/** The confirmation asked before 不通过: what "shown to nobody" means for this kind of photo. */
export function rejectWarning(card) {
  return card.source === 'civic'
    ? '不通过的随手拍照片将不再对任何人展示（上报人只看到“未通过”），确定吗？'
    : '不通过的照片将不再对任何人展示（包括上传者以外的所有人），确定吗？'
}
