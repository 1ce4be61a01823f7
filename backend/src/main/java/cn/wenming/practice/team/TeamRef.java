package cn.wenming.practice.team;

/** What other features need to know about a team: its home unit, its current leader and whether it is active. */
public record TeamRef(long id, long orgUnitId, String name, long leaderUserId, boolean active) {
}
