package cn.wenming.practice.team;

/** A member's role in a team: the one leader (队长) or a member (队员). */
enum TeamRole {

	LEADER, MEMBER

}
