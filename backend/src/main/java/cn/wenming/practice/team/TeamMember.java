package cn.wenming.practice.team;

import java.time.Instant;

/** A current member of a team; GraphQL {@code TeamMember}. */
class TeamMember {

	private Long teamId;

	private Long userId;

	private Long volunteerId;

	private TeamRole role;

	private Instant joinedAt;

	public Long getTeamId() {
		return this.teamId;
	}

	public void setTeamId(Long teamId) {
		this.teamId = teamId;
	}

	public Long getUserId() {
		return this.userId;
	}

	public void setUserId(Long userId) {
		this.userId = userId;
	}

	public Long getVolunteerId() {
		return this.volunteerId;
	}

	public void setVolunteerId(Long volunteerId) {
		this.volunteerId = volunteerId;
	}

	public TeamRole getRole() {
		return this.role;
	}

	public void setRole(TeamRole role) {
		this.role = role;
	}

	public Instant getJoinedAt() {
		return this.joinedAt;
	}

	public void setJoinedAt(Instant joinedAt) {
		this.joinedAt = joinedAt;
	}
}
