/** Chinese labels for NeedStatus (see graphql-schema/need.graphqls). */
const STATUS = {
  SUBMITTED: '待审核',
  PUBLISHED: '已发布',
  REJECTED: '未通过',
  DISPATCHED: '已派单',
  CLAIMED: '已认领',
  ACCEPTED: '已接单',
  IN_PROGRESS: '服务中',
  COMPLETED: '已完成，待评价',
  RATED: '已评价',
  CANCELLED: '已撤销',
  CLOSED_UNRATED: '已关闭',
}
module.exports = { STATUS }
