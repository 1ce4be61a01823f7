import { createRouter, createWebHistory } from 'vue-router'
import { api, setLoggedOutHandler } from './api/index.js'
import AppLayout from './layout/AppLayout.vue'
import { MENU } from './menu.js'
import { ACTIVITY_ROUTES, ACTIVITY_SCREEN_ROUTES, STORE_ROUTES } from './views/routes-activities-store.js'
import { ORG_ROUTES } from './views/routes-org.js'

// Every screen is its own chunk, fetched when first opened: the first load carries the frame, the
// router and the libraries, not every screen's code (test/router.test.js keeps it that way).
const LoginView = () => import('./views/LoginView.vue')
const DispatchDesk = () => import('./views/DispatchDesk.vue')
const ContentReview = () => import('./views/ContentReview.vue')
const NeedHours = () => import('./views/NeedHours.vue')
const NeedEntry = () => import('./views/NeedEntry.vue')
const NeedCategories = () => import('./views/NeedCategories.vue')
const FulfilmentView = () => import('./views/results/FulfilmentView.vue')
const AssessmentView = () => import('./views/results/AssessmentView.vue')
const LeaderboardView = () => import('./views/results/LeaderboardView.vue')
const SignUpSourcesView = () => import('./views/results/SignUpSourcesView.vue')
const VolunteersView = () => import('./views/people/VolunteersView.vue')
const HonorHoursView = () => import('./views/people/HonorHoursView.vue')
const ProjectsView = () => import('./views/projects/ProjectsView.vue')
const LecturesView = () => import('./views/results/LecturesView.vue')
const CivicView = () => import('./views/civic/CivicView.vue')
const PeerReviewView = () => import('./views/results/PeerReviewView.vue')
const SpotCheckView = () => import('./views/results/SpotCheckView.vue')
const RecognitionView = () => import('./views/recognition/RecognitionView.vue')
const ReportsView = () => import('./views/results/ReportsView.vue')
const ReportPrint = () => import('./views/results/ReportPrint.vue')

// History mode under /console/: the backend answers index.html for any /console/ path that is not a
// built asset, so a reload or a shared link opens the same screen.
export const router = createRouter({
  history: createWebHistory('/console/'),
  routes: [
    { path: '/login', name: 'login', component: LoginView, meta: { public: true, title: '扫码登录' } },
    {
      path: '/',
      component: AppLayout,
      children: [
        { path: '', redirect: { name: 'dispatch' } },
        { path: 'dispatch', name: 'dispatch', component: DispatchDesk, meta: { title: '派单台' } },
        { path: 'dispatch/review', name: 'content-review', component: ContentReview, meta: { title: '内容审核' } },
        { path: 'dispatch/hours', name: 'need-hours', component: NeedHours, meta: { title: '服务时长确认' } },
        ...ACTIVITY_ROUTES,
        ...STORE_ROUTES,
        // 成果与考核
        { path: 'results/fulfilment', name: 'fulfilment', component: FulfilmentView, meta: { title: '落实清单' } },
        { path: 'results/assessment', name: 'assessment', component: AssessmentView, meta: { title: '考核指标' } },
        { path: 'results/leaderboards', name: 'leaderboards', component: LeaderboardView, meta: { title: '排行榜' } },
        // 人员与组织
        { path: 'people/volunteers', name: 'volunteers', component: VolunteersView, meta: { title: '志愿者' } },
        { path: 'people/honor-hours', name: 'honor-hours', component: HonorHoursView, meta: { title: '荣誉时长审批' } },
        ...ORG_ROUTES,
        { path: 'projects', name: 'projects', component: ProjectsView, meta: { title: '服务项目' } },
        { path: 'dispatch/new', name: 'need-entry', component: NeedEntry, meta: { title: '电话代录需求' } },
        { path: 'dispatch/categories', name: 'need-categories', component: NeedCategories, meta: { title: '需求类别' } },
        { path: 'results/sign-up-sources', name: 'sign-up-sources', component: SignUpSourcesView, meta: { title: '报名来源' } },
        { path: 'lectures', name: 'lectures', component: LecturesView, meta: { title: '理论宣讲' } },
        { path: 'civic', name: 'civic', component: CivicView, meta: { title: '随手拍' } },
        { path: 'results/peer-reviews', name: 'peer-reviews', component: PeerReviewView, meta: { title: '站互评' } },
        { path: 'results/spot-checks', name: 'spot-checks', component: SpotCheckView, meta: { title: '抽查评估' } },
        { path: 'recognition', name: 'recognition', component: RecognitionView, meta: { title: '礼遇嘉许' } },
        { path: 'results/reports', name: 'reports', component: ReportsView, meta: { title: '工作报告' } },
      ],
    },
    ...ACTIVITY_SCREEN_ROUTES,
    // A report as a printable page, without the frame (opened in a new tab).
    { path: '/reports/:id/print', name: 'report-print', component: ReportPrint, meta: { title: '工作报告' } },
    { path: '/:rest(.*)*', redirect: { name: 'dispatch' } },
  ],
})

router.beforeEach((to) => {
  if (!to.meta.public && !api.session()) {
    const query = {}
    // The local run's shortcut (/console/?dev=admin) survives the detour through the login screen.
    if (typeof to.query.dev === 'string') query.dev = to.query.dev
    if (to.path !== '/') query.next = query.dev ? to.path : to.fullPath
    return { name: 'login', query }
  }
  return true
})

router.afterEach((to) => {
  document.title = `${to.meta.title || '管理后台'} · 新时代文明实践中心`
})

setLoggedOutHandler(() => {
  if (router.currentRoute.value.name !== 'login') {
    router.push({ name: 'login', query: { next: router.currentRoute.value.fullPath } })
  }
})

export { MENU }
