package cn.wenming.practice.team;

/**
 * A volunteer joined a team (as a member or its new leader) or left it (left or was removed),
 * published in the transaction of the change and consumed after its commit. It only says who and
 * which team: listeners read the current membership ({@link TeamStandings#isMember}), so a late or
 * repeated delivery does no harm.
 */
public record TeamMembershipChanged(long teamId, long userId) {
}
