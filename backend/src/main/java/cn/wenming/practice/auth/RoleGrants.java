package cn.wenming.practice.auth;

import java.time.Instant;

import org.springframework.stereotype.Component;

/**
 * Grants made by the system rather than by an admin: {@code VOLUNTEER} on registration,
 * {@code TEAM_LEADER} when someone leads a team, {@code CENTER_ADMIN} for the creator of a center.
 * Idempotent: granting twice leaves one row.
 */
@Component
public class RoleGrants {

	private final UserRoleMapper roles;

	RoleGrants(UserRoleMapper roles) {
		this.roles = roles;
	}

	public void grant(long userId, Role role, Long orgUnitId, Long grantedBy) {
		this.roles.grant(userId, role.name(), orgUnitId, grantedBy, Instant.now());
	}

	public void revoke(long userId, Role role, Long orgUnitId) {
		this.roles.revoke(userId, role.name(), orgUnitId);
	}

	/**
	 * Locks the user for the rest of the current transaction. A feature that derives a role from
	 * its own data (e.g. "still leads a team?" → {@code TEAM_LEADER}) takes this lock before reading
	 * that data and granting or revoking, so two such transactions for one user cannot interleave.
	 * Must run inside a transaction.
	 */
	public void lockForRoleChange(long userId) {
		this.roles.lockUser(userId);
	}

}
