// The 人员与组织 screens of the org folder, kept beside it so router.js takes them in one line.
import OrgTreeView from './org/OrgTreeView.vue'
import RolesView from './org/RolesView.vue'
import TeamsView from './org/TeamsView.vue'
import TrainingView from './org/TrainingView.vue'
import PairingsView from './org/PairingsView.vue'

export const ORG_ROUTES = [
  { path: 'people/org', name: 'org-tree', component: OrgTreeView, meta: { title: '组织架构' } },
  { path: 'people/roles', name: 'roles', component: RolesView, meta: { title: '角色' } },
  { path: 'people/teams', name: 'teams', component: TeamsView, meta: { title: '队伍' } },
  { path: 'people/training', name: 'training', component: TrainingView, meta: { title: '培训记录' } },
  { path: 'people/pairings', name: 'pairings', component: PairingsView, meta: { title: '文明单位结对' } },
]
