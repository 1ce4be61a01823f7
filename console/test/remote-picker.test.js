import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { readFileSync } from 'node:fs'
import { loadAllPages, useRemotePicker } from '../src/remotePicker.js'

const team = (id, name) => ({ id, name })

function server(pages) {
  const calls = []
  const fetch = vi.fn(async (search, first) => {
    calls.push({ search, first })
    return pages[search ?? ''] || []
  })
  return { fetch, calls }
}

describe('remote-search pickers', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  test('opening shows a first page at once, before anyone types', async () => {
    const { fetch, calls } = server({ '': [team('1', '一队'), team('2', '二队')] })
    const picker = useRemotePicker(fetch, { first: 20 })
    await picker.open()
    expect(calls).toEqual([{ search: null, first: 20 }])
    expect(picker.options.value.map((t) => t.id)).toEqual(['1', '2'])
    expect(picker.loading.value).toBe(false)
  })

  test('typing is debounced: one request for the last text, trimmed; a blank text is the first page', async () => {
    const { fetch, calls } = server({ 新: [team('4190', '新成立分队')] })
    const picker = useRemotePicker(fetch, { wait: 300 })
    picker.search('x')
    vi.advanceTimersByTime(200)
    const done = picker.search(' 新 ')
    vi.advanceTimersByTime(299)
    expect(calls).toEqual([])
    vi.advanceTimersByTime(1)
    await done
    expect(calls).toEqual([{ search: '新', first: 20 }])
    expect(picker.options.value.map((t) => t.id)).toEqual(['4190'])
    const blank = picker.search('  ')
    vi.advanceTimersByTime(300)
    await blank
    expect(calls[1]).toEqual({ search: null, first: 20 })
  })

  test('the value being edited keeps its label though the first page does not hold it', async () => {
    const { fetch } = server({ '': [team('1', '一队')] })
    const picker = useRemotePicker(fetch)
    await picker.open(team('4000', '远处的队伍'))
    expect(picker.options.value).toEqual([team('4000', '远处的队伍'), team('1', '一队')])
    // Opened again for a record without a value: the earlier one is not carried over.
    await picker.open(null)
    expect(picker.options.value).toEqual([team('1', '一队')])
  })

  test('a chosen option keeps its label when a later search does not find it, and is not listed twice', async () => {
    const { fetch } = server({ 新: [team('4190', '新成立分队')], 一: [team('1', '一队')], '': [team('1', '一队')] })
    const picker = useRemotePicker(fetch, { wait: 10 })
    await picker.open()
    const found = picker.search('新')
    vi.advanceTimersByTime(10)
    await found
    picker.choose('4190')
    const other = picker.search('一')
    vi.advanceTimersByTime(10)
    await other
    expect(picker.options.value.map((t) => t.id)).toEqual(['4190', '1'])
    const again = picker.search('新')
    vi.advanceTimersByTime(10)
    await again
    expect(picker.options.value.map((t) => t.id)).toEqual(['4190'])
  })

  test('a slow answer does not overwrite a later one, and a failure goes to onError', async () => {
    let release
    const slow = new Promise((resolve) => { release = resolve })
    const fetch = vi.fn((search) => (search === '旧' ? slow : Promise.resolve([team('2', '新队')])))
    const errors = []
    const picker = useRemotePicker(fetch, { wait: 0, onError: (e) => errors.push(e.message) })
    const first = picker.search('旧')
    vi.advanceTimersByTime(0)
    const second = picker.search('新')
    vi.advanceTimersByTime(0)
    await second
    release([team('1', '旧队')])
    await first
    expect(picker.options.value.map((t) => t.id)).toEqual(['2'])

    const failing = useRemotePicker(() => Promise.reject(new Error('网络异常')), { onError: (e) => errors.push(e.message) })
    await failing.open()
    expect(errors).toEqual(['网络异常'])
    expect(failing.loading.value).toBe(false)
  })

  test('the team, task-owner and featured-activity pickers search remotely instead of loading one page of 100', () => {
    for (const view of ['views/projects/ProjectsView.vue', 'views/projects/ProjectTasksDrawer.vue', 'views/civic/CivicView.vue',
      'views/activities/MpMenuView.vue', 'views/org/TeamsView.vue']) {
      const source = readFileSync(new URL(`../src/${view}`, import.meta.url), 'utf8')
      expect(source, view).toMatch(/useRemotePicker/)
      expect(source, view).toMatch(/:remote-method=/)
      expect(source, view).not.toMatch(/first: 100/)
    }
  })

  test('short registries are loaded whole, page after page, bounded', async () => {
    const pages = { null: { edges: [{ node: { id: '1' } }], pageInfo: { hasNextPage: true, endCursor: 'c1' } },
      c1: { edges: [{ node: { id: '2' } }], pageInfo: { hasNextPage: false, endCursor: 'c2' } } }
    const asked = []
    const fetchPage = async ({ first, after }) => { asked.push({ first, after }); return pages[after] }
    expect((await loadAllPages(fetchPage)).map((n) => n.id)).toEqual(['1', '2'])
    expect(asked).toEqual([{ first: 100, after: null }, { first: 100, after: 'c1' }])
    const endless = vi.fn(async () => ({ edges: [{ node: { id: 'x' } }], pageInfo: { hasNextPage: true, endCursor: 'c' } }))
    expect(await loadAllPages(endless, { maxPages: 3 })).toHaveLength(3)
    expect(endless).toHaveBeenCalledTimes(3)
  })

  test('the lecture pickers load every lecturer and group of the subtree, not the first 100', () => {
    const source = readFileSync(new URL('../src/views/results/LecturesView.vue', import.meta.url), 'utf8')
    expect(source).toMatch(/loadAllPages/)
    expect(source).not.toMatch(/first: 100/)
  })
})
