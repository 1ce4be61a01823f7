import { computed, ref } from 'vue'
import { workspace } from '../../workspace.js'

// Chinese names of the store schema's enums.
export const REWARD_KIND = { GOODS: '实物', SERVICE: '服务' }
export const REDEMPTION_STATUS = { ISSUED: '待领取', FULFILLED: '已领取', CANCELLED: '已取消', EXPIRED: '逾期已退回' }
export const REDEMPTION_STATUS_TYPE = { ISSUED: 'warning', FULFILLED: 'success', CANCELLED: 'info', EXPIRED: 'info' }

const STORE_KEY = 'wenming.console.store'

/**
 * A 爱心超市 belongs to a station: the stations among the units the admin may pick (the header's
 * unit when it is one), and the one chosen, remembered in the browser.
 */
export function useStation() {
  const stations = computed(() => workspace.units.filter((u) => u.level === 'STATION'))
  const header = workspace.units.find((u) => u.id === workspace.unitId)
  const saved = localStorage.getItem(STORE_KEY)
  const initial = header && header.level === 'STATION' ? header.id : stations.value.some((s) => s.id === saved) ? saved : (stations.value[0] || {}).id || null
  const stationId = ref(initial)
  function choose(id) {
    stationId.value = id
    localStorage.setItem(STORE_KEY, id)
  }
  return { stations, stationId, choose }
}
