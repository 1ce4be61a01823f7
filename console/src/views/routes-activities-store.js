// The 活动 and 爱心超市 screens' routes, kept beside their folders so router.js takes them in one line.
// Each screen is its own chunk, fetched when first opened.
const ActivityList = () => import('./activities/ActivityList.vue')
const ActivityRoster = () => import('./activities/ActivityRoster.vue')
const CheckInScreen = () => import('./activities/CheckInScreen.vue')
const StoreFulfil = () => import('./store/StoreFulfil.vue')
const StoreRedemptions = () => import('./store/StoreRedemptions.vue')
const StoreRewards = () => import('./store/StoreRewards.vue')
const MpMenuView = () => import('./activities/MpMenuView.vue')
const PointsReconcileView = () => import('./store/PointsReconcileView.vue')

/** Inside the console's frame (menu and header). */
export const ACTIVITY_ROUTES = [
  { path: 'activities', name: 'activities', component: ActivityList, meta: { title: '活动管理' } },
  { path: 'activities/mp-menu', name: 'mp-menu', component: MpMenuView, meta: { title: '公众号菜单' } },
  { path: 'activities/:id/roster', name: 'activity-roster', component: ActivityRoster, meta: { title: '报名名单与时长' } },
]

/** Full screen, without the frame: the check-in code on a tablet or projector at the site. */
export const ACTIVITY_SCREEN_ROUTES = [
  { path: '/activities/:id/check-in', name: 'activity-check-in', component: CheckInScreen, meta: { title: '现场签到码' } },
]

export const STORE_ROUTES = [
  { path: 'store/rewards', name: 'store-rewards', component: StoreRewards, meta: { title: '爱心超市礼品' } },
  { path: 'store/fulfil', name: 'store-fulfil', component: StoreFulfil, meta: { title: '爱心超市核销' } },
  { path: 'store/redemptions', name: 'store-redemptions', component: StoreRedemptions, meta: { title: '兑换记录' } },
  { path: 'store/reconcile', name: 'points-reconcile', component: PointsReconcileView, meta: { title: '积分对账' } },
]
