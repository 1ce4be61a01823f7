import { reactive } from 'vue'
import { api } from './api/index.js'

const UNIT_KEY = 'wenming.console.unit'

const ROLE_NAMES = {
  STATION_ADMIN: '站长',
  INSTITUTE_ADMIN: '所长',
  CENTER_ADMIN: '中心管理员',
  CITY_ADMIN: '市级管理员',
}

/**
 * What every screen works on: the signed-in staff member and the org unit chosen in the header
 * (one of the units their admin roles cover, or a unit below one of them).
 */
export const workspace = reactive({
  user: null,
  /** Units the admin may pick: each granted unit and its subtree, indented by depth. */
  units: [],
  unitId: localStorage.getItem(UNIT_KEY) || null,
  loaded: false,
})

export function roleName(role) {
  return ROLE_NAMES[role] || role
}

export function chooseUnit(id) {
  workspace.unitId = id
  localStorage.setItem(UNIT_KEY, id)
}

export async function loadWorkspace() {
  const { me } = await api.call('Me')
  workspace.user = me
  // Every granted unit's subtree in one request (a tree per grant cost an admin of many units as
  // many requests on every page load).
  const { myOrgTree } = await api.call('MyOrgTree')
  const seen = new Set()
  const units = []
  myOrgTree.forEach((node) => {
    if (!seen.has(node.unit.id) && node.unit.level !== 'POINT' && node.unit.status === 'OPEN') {
      seen.add(node.unit.id)
      units.push({ id: node.unit.id, name: node.unit.name, level: node.unit.level, depth: node.depth })
    }
  })
  workspace.units = units
  if (!units.some((u) => u.id === workspace.unitId)) {
    chooseUnit(units.length ? units[0].id : null)
  }
  workspace.loaded = true
  return workspace
}

export function resetWorkspace() {
  workspace.user = null
  workspace.units = []
  workspace.loaded = false
}
