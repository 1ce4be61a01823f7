// 内容审核 → 待审照片: held need photos and held 随手拍 photos, each decided by its own mutation.
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { TITLE_MAX, civicPhotoCard, needPhotoCard, rejectWarning, reviewCall } from '../src/views/held-photos.js'
import { documents } from '../src/api/documents.js'

const photo = (id) => ({ id, status: 'PENDING', url: `/media/photos/${id}?sig=f`, thumbnailUrl: `/media/photos/${id}/thumbnail?sig=t` })

const civicRow = {
  hold: 'RISKY', part: 'CIVIC_REPORT', reportId: '31', categoryLabel: '乱停乱放',
  description: ' 消防通道被私家车占用 ', stationName: '东珠社区', uploadedAt: '2026-12-01T01:00:00Z', photo: photo('7'),
}
const needRow = { hold: 'CHECKING', part: 'NEED_COMPLETION', needId: '5', needTitle: '门锁维修', stationName: '东珠社区', uploadedAt: '2026-12-01T00:00:00Z', photo: photo('8') }

describe('held photo cards', () => {
  test('a 随手拍 photo is labelled 随手拍, titled by its category and description, with its station', () => {
    const card = civicPhotoCard(civicRow)
    expect(card).toMatchObject({ source: 'civic', key: 'civic-7', label: '随手拍', part: '上报照片', title: '乱停乱放：消防通道被私家车占用', stationName: '东珠社区', hold: 'RISKY' })
    expect(civicPhotoCard({ ...civicRow, part: 'CIVIC_RESOLUTION' }).part).toBe('办结照片')
    // A long description is cut on the card, whole in the tooltip.
    const long = civicPhotoCard({ ...civicRow, description: '路'.repeat(TITLE_MAX + 5) })
    expect(long.title).toBe(`乱停乱放：${'路'.repeat(TITLE_MAX)}…`)
    expect(long.fullTitle).toBe(`乱停乱放：${'路'.repeat(TITLE_MAX + 5)}`)
  })

  test('a need photo keeps its 群众照片 / 完成照片 label and the need title', () => {
    expect(needPhotoCard(needRow)).toMatchObject({ source: 'need', key: 'need-8', label: '完成照片', title: '门锁维修' })
    expect(needPhotoCard({ ...needRow, part: 'NEED' }).label).toBe('群众照片')
    // The same photo id in both queues is two cards (the keys differ).
    expect(needPhotoCard({ ...needRow, photo: photo('7') }).key).not.toBe(civicPhotoCard(civicRow).key)
  })

  test('通过 / 不通过 go to the mutation of the queue the photo came from', () => {
    expect(reviewCall(civicPhotoCard(civicRow), false)).toEqual({ operation: 'ReviewCivicPhoto', variables: { photoId: '7', approve: false } })
    expect(reviewCall(needPhotoCard(needRow), true)).toEqual({ operation: 'ReviewNeedPhoto', variables: { photoId: '8', approve: true } })
    expect(rejectWarning(civicPhotoCard(civicRow))).toContain('随手拍')
    for (const name of ['HeldCivicPhotos', 'ReviewCivicPhoto', 'HeldNeedPhotos', 'ReviewNeedPhoto']) {
      expect(documents[name], name).toBeTruthy()
    }
    expect(documents.HeldCivicPhotos).toContain('categoryLabel')
    expect(documents.HeldCivicPhotos).toContain('stationName')
  })

  test('the 待审照片 tab loads both queues', () => {
    const source = readFileSync(new URL('../src/views/ContentReview.vue', import.meta.url), 'utf8')
    expect(source).toContain("api.call('HeldCivicPhotos'")
    expect(source).toContain("api.call('HeldNeedPhotos'")
    expect(source).toContain('data-test="held-photo-source"')
  })
})
