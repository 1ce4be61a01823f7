package cn.wenming.practice.team;

/** What other features need to know about a team: its org unit, its name and whether it is still active. */
public record TeamRef(long id, long orgUnitId, String name, boolean active) {
}
