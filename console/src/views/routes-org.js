// The 人员与组织 screens of the org folder, kept beside it so router.js takes them in one line.
// Each screen is its own chunk, fetched when first opened.
const OrgTreeView = () => import('./org/OrgTreeView.vue')
const RolesView = () => import('./org/RolesView.vue')
const TeamsView = () => import('./org/TeamsView.vue')
const TrainingView = () => import('./org/TrainingView.vue')
const PairingsView = () => import('./org/PairingsView.vue')
const StaffTrainingView = () => import('./org/StaffTrainingView.vue')

export const ORG_ROUTES = [
  { path: 'people/org', name: 'org-tree', component: OrgTreeView, meta: { title: '组织架构' } },
  { path: 'people/roles', name: 'roles', component: RolesView, meta: { title: '角色' } },
  { path: 'people/teams', name: 'teams', component: TeamsView, meta: { title: '队伍' } },
  { path: 'people/training', name: 'training', component: TrainingView, meta: { title: '培训记录' } },
  { path: 'people/staff-training', name: 'staff-training', component: StaffTrainingView, meta: { title: '骨干培训' } },
  { path: 'people/pairings', name: 'pairings', component: PairingsView, meta: { title: '文明单位结对' } },
]
