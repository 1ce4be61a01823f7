// 随手拍: the categories, statuses and calls the volunteer's pages use.
const client = require('./client')
const { keyedSubmission } = require('./keyed')

/** Same order and names as the server's CivicCategory. */
const CATEGORIES = [
  { value: 'PARKING', label: '乱停乱放' },
  { value: 'LITTER', label: '垃圾乱扔乱堆' },
  { value: 'FACILITY', label: '公共设施损坏' },
  { value: 'ROAD', label: '道路交通隐患' },
  { value: 'ENVIRONMENT', label: '环境卫生与噪声' },
  { value: 'BEHAVIOUR', label: '不文明行为' },
  { value: 'OTHER', label: '其他' },
]

const STATUS = {
  SUBMITTED: '待分拣',
  ACCEPTED: '已受理',
  REJECTED: '未受理',
  ROUTED: '已转交办理',
  RESOLVED: '已办结，待核验',
  VERIFIED: '已核验',
}

/** The station that will take a report made here: the nearest open one (the server decides again). */
async function nearestStation(here) {
  const data = await client.call('NearbyStations', { ...here, radiusMeters: 30000 }, { anonymous: true })
  return data.nearbyStations.length ? data.nearbyStations[0].station : null
}

/** One report per filled-in form (see keyed.js): `submit(input)` resolves to the report. */
function reportForm(makeKey) {
  return keyedSubmission(async (input) => (await client.call('SubmitCivicReport', { input })).submitCivicReport, makeKey)
}

async function mine(first, after) {
  return (await client.call('MyCivicReports', { first, after })).myCivicReports
}

module.exports = { CATEGORIES, STATUS, nearestStation, reportForm, mine }
