package cn.wenming.practice.auth;

import java.time.Instant;

/**
 * One line of the 角色变更记录 (table {@code user_role_event}): a role granted to or revoked from a
 * user, by whom (null: the system), why and when. Public so that the feature naming people on staff
 * screens can resolve the names of the user and the actor.
 */
public class RoleEvent {

	private Long id;

	private Long userId;

	private Role role;

	private Long orgUnitId;

	private RoleEventKind kind;

	private Long actorUserId;

	private RoleChangeCause cause;

	private String reason;

	private Instant occurredAt;

	public Long getId() {
		return this.id;
	}

	public Long getUserId() {
		return this.userId;
	}

	public Role getRole() {
		return this.role;
	}

	/** The role's unit; for TEAM_LEADER the team's unit the change was filed under. */
	public Long getOrgUnitId() {
		return this.orgUnitId;
	}

	public RoleEventKind getKind() {
		return this.kind;
	}

	public Long getActorUserId() {
		return this.actorUserId;
	}

	public RoleChangeCause getCause() {
		return this.cause;
	}

	public String getReason() {
		return this.reason;
	}

	public Instant getOccurredAt() {
		return this.occurredAt;
	}

}
