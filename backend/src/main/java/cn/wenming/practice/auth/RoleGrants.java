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

}
