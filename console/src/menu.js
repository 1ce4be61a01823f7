/**
 * The sidebar. A screen joins this list only once it is built: a menu entry never leads to an
 * empty page.
 */
export const MENU = [
  {
    title: '派单台',
    icon: 'Promotion',
    items: [
      { title: '需求派单', route: 'dispatch' },
      { title: '内容审核', route: 'content-review' },
      { title: '服务时长确认', route: 'need-hours' },
      { title: '电话代录', route: 'need-entry' },
      { title: '随手拍', route: 'civic' },
      { title: '需求类别', route: 'need-categories' },
    ],
  },
  {
    title: '活动',
    icon: 'Calendar',
    items: [
      { title: '活动管理', route: 'activities' },
      { title: '服务项目', route: 'projects' },
      { title: '公众号菜单', route: 'mp-menu' },
    ],
  },
  {
    title: '爱心超市',
    icon: 'Present',
    items: [
      { title: '礼品', route: 'store-rewards' },
      { title: '核销', route: 'store-fulfil' },
      { title: '兑换记录', route: 'store-redemptions' },
      { title: '积分对账', route: 'points-reconcile' },
    ],
  },
  {
    title: '成果与考核',
    icon: 'DataAnalysis',
    items: [
      { title: '落实清单', route: 'fulfilment' },
      { title: '考核指标', route: 'assessment' },
      { title: '理论宣讲', route: 'lectures' },
      { title: '站互评', route: 'peer-reviews' },
      { title: '抽查评估', route: 'spot-checks' },
      { title: '工作报告', route: 'reports' },
      { title: '排行榜', route: 'leaderboards' },
      { title: '报名来源', route: 'sign-up-sources' },
    ],
  },
  {
    title: '礼遇嘉许',
    icon: 'Trophy',
    items: [
      { title: '礼遇与嘉许', route: 'recognition' },
    ],
  },
  {
    title: '人员与组织',
    icon: 'User',
    items: [
      { title: '志愿者', route: 'volunteers' },
      { title: '荣誉时长审批', route: 'honor-hours' },
      { title: '组织架构', route: 'org-tree' },
      { title: '角色', route: 'roles' },
      { title: '队伍', route: 'teams' },
      { title: '培训记录', route: 'training' },
      { title: '骨干培训', route: 'staff-training' },
      { title: '文明单位结对', route: 'pairings' },
    ],
  },
]
