import { describe, expect, test } from 'vitest'
import { archiveWarning, loadOpenProjects, openProjects, projectForm, projectUpdateInput, validateProject } from '../src/views/projects/labels.js'
import { buttonAction, menuRows } from '../src/views/activities/mp-menu.js'
import { defaultSince, reconciliationSummary, repairRow, sinceError } from '../src/views/store/reconcile.js'
import { revocationRow } from '../src/views/people/revocations.js'
import { MESSAGES } from '../src/api/errors.js'

describe('服务项目: edit and archive', () => {
  const project = { id: '7', name: '银龄课堂', category: 'EDUCATION', teamId: '3', description: null, brand: true, status: 'ACTIVE' }

  test('the edit form is the create form, prefilled', () => {
    const form = projectForm(project)
    expect(form).toEqual({ name: '银龄课堂', category: 'EDUCATION', teamId: '3', description: '', brand: true })
    expect(validateProject(form)).toEqual({})
  })

  test('an update replaces the texts and the team, and leaves the brand flag to 标为品牌 (with its reason)', () => {
    expect(projectUpdateInput({ name: ' 银龄课堂（秋季） ', category: 'CULTURE', teamId: null, description: '  ', brand: false }))
      .toEqual({ name: '银龄课堂（秋季）', category: 'CULTURE', teamId: null, description: null })
  })

  test('archiving says what it stops, what it keeps, and that it is final', () => {
    const text = archiveWarning(project)
    expect(text).toContain('银龄课堂')
    expect(text).toContain('不能再在该项目下新建活动')
    expect(text).toContain('已有的活动')
    expect(text).toContain('不能恢复')
  })

  test('archived projects are not offered for a new activity', () => {
    expect(openProjects([project, { ...project, id: '8', status: 'ARCHIVED' }]).map((p) => p.id)).toEqual(['7'])
  })

  test('the refusals of an archived project and of an unconfigured account have Chinese messages', () => {
    expect(MESSAGES.PROJECT_ARCHIVED).toContain('已归档')
    expect(MESSAGES.MP_NOT_CONFIGURED).toContain('未配置微信公众号')
  })
})

describe('公众号菜单', () => {
  const menu = {
    buttons: [
      { name: '参与活动', type: null, subButtons: [
        { name: '活动列表', type: 'miniprogram', pagePath: 'pages/home/home?source=menu', subButtons: [] },
        { name: '重阳敬老', type: 'miniprogram', pagePath: 'pages/activity/activity?id=9&source=menu', subButtons: [] },
        { name: '近期活动', type: 'click', key: 'UPCOMING_ACTIVITIES', subButtons: [] },
      ] },
      { name: '心愿墙', type: 'miniprogram', pagePath: 'pages/wishwall/wishwall?source=menu', subButtons: [] },
      { name: '我的积分', type: 'miniprogram', pagePath: 'pages/points/points?source=menu', subButtons: [] },
    ],
  }

  test('each button says where it leads, sub-buttons under their parent', () => {
    expect(menuRows(menu)).toEqual([
      { key: '0', name: '参与活动', action: '展开 3 个子菜单', sub: false },
      { key: '0.0', name: '活动列表', action: '打开小程序：小程序首页（附近的活动）', sub: true },
      { key: '0.1', name: '重阳敬老', action: '打开小程序：活动报名页', sub: true },
      { key: '0.2', name: '近期活动', action: '公众号回复关注者附近的近期活动', sub: true },
      { key: '1', name: '心愿墙', action: '打开小程序：心愿墙', sub: false },
      { key: '2', name: '我的积分', action: '打开小程序：我的积分', sub: false },
    ])
    expect(menuRows(null)).toEqual([])
  })

  test('a page or key it does not know is shown as it is', () => {
    expect(buttonAction({ type: 'miniprogram', pagePath: 'pages/other/other?x=1' })).toBe('打开小程序：pages/other/other')
    expect(buttonAction({ type: 'click', key: 'K' })).toBe('点击事件 K')
  })
})

describe('积分对账', () => {
  const now = Date.parse('2026-12-07T08:00:00Z')

  test('by default it looks back a week; the server’s bounds are checked first', () => {
    expect(defaultSince(now).toISOString()).toBe('2026-11-30T08:00:00.000Z')
    expect(sinceError(defaultSince(now), now)).toBeNull()
    expect(sinceError(null, now)).toBe('请选择从何时起对账')
    expect(sinceError(new Date(now + 60000), now)).toBe('起始时间不能晚于现在')
    expect(sinceError(new Date(now - 367 * 24 * 3600 * 1000), now)).toBe('最多对账一年以内')
  })

  test('a clean run says nothing was missing', () => {
    expect(reconciliationSummary({ awardsReplayed: 0, driftedUserIds: [], accountsRepaired: 0 })).toEqual([
      '没有漏记的积分：每条已确认的时长、服务和评价都已记分。',
      '所有积分账户的余额与流水一致，无需修复。',
    ])
  })

  test('replays and repairs are counted in words, and accounts it could not repair are called out', () => {
    const lines = reconciliationSummary({ awardsReplayed: 3, driftedUserIds: ['1', '2'], accountsRepaired: 1 })
    expect(lines[0]).toContain('补记了 3 条漏记的积分')
    expect(lines[1]).toContain('2 个账户的余额与积分流水不一致，已按流水改正 1 个')
    expect(lines[2]).toContain('1 个账户的流水本身有缺失')
  })

  test('a repair row shows before → after, and the schedule when no admin ran it', () => {
    const row = repairRow({ id: '5', userName: '张三', balanceBefore: 17, balanceAfter: 10, debtBefore: 3, debtAfter: 0, operatorName: null, createdAt: '2026-12-07T02:00:00Z' })
    expect(row).toEqual({ id: '5', when: '2026-12-07 10:00', who: '张三', balance: '17 → 10', debt: '3 → 0', by: '定时对账' })
    expect(repairRow({ ...row, balanceBefore: 1, balanceAfter: 2, debtBefore: 0, debtAfter: 0, operatorName: '王主任' }))
      .toMatchObject({ debt: '0（未变）', by: '王主任' })
  })
})

describe('撤销的信用时长', () => {
  test('who, when, why and how many', () => {
    expect(revocationRow({ signUpId: '4', hours: 2.5, reason: '重复登记', revokedByName: '李站长', revokedAt: '2026-12-06T01:30:00Z', activity: { title: '河道巡查' } }))
      .toEqual({ id: '4', activity: '河道巡查', hours: '2.5 小时', reason: '重复登记', by: '李站长', when: '2026-12-06 09:30' })
  })
})

describe('the projects a new activity may go under', () => {
  // A county center's subtree holds about a thousand projects (the seeded county: 1,000): the form
  // offered the first 100 the server listed, oldest first, so newer projects could not be chosen.
  test('every page is read, archived projects dropped', async () => {
    const all = Array.from({ length: 250 }, (_, i) => ({ id: String(i + 1), name: `项目${i + 1}`, status: i % 50 === 0 ? 'ARCHIVED' : 'ACTIVE' }))
    const asked = []
    const fetchPage = async ({ first, after }) => {
      asked.push(after ?? null)
      const start = after ? Number(after) : 0
      const nodes = all.slice(start, start + first)
      return { edges: nodes.map((node) => ({ node })), pageInfo: { hasNextPage: start + first < all.length, endCursor: String(start + first) } }
    }
    const offered = await loadOpenProjects(fetchPage)
    expect(asked).toEqual([null, '100', '200'])
    expect(offered).toHaveLength(245)
    expect(offered.at(-1).id).toBe('250')
  })

  test('a runaway listing stops at its page limit', async () => {
    let pages = 0
    const endless = async () => {
      pages += 1
      return { edges: [{ node: { id: String(pages), name: 'x', status: 'ACTIVE' } }], pageInfo: { hasNextPage: true, endCursor: String(pages) } }
    }
    await loadOpenProjects(endless, { maxPages: 5 })
    expect(pages).toBe(5)
  })
})
