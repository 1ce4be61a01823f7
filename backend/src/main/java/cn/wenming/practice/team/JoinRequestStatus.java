package cn.wenming.practice.team;

/** Life of a request to join: PENDING until the leader or an admin decides, or the team is disbanded. */
enum JoinRequestStatus {

	PENDING, APPROVED, DECLINED, CANCELLED

}
