package cn.wenming.practice.auth;

import java.time.Instant;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way roles are granted and revoked — by an admin ({@code grantRole}) or by the system:
 * {@code VOLUNTEER} on registration, {@code TEAM_LEADER} when someone leads a team,
 * {@code CENTER_ADMIN} for the creator of a center. Idempotent: granting twice leaves one row.
 * Each change that happened adds its line to the 角色变更记录 ({@code user_role_event}) in the same
 * transaction, while the user_role row's lock is held, so the history's order is the order in which
 * the row changed and a role cannot change without its line.
 */
@Component
public class RoleGrants {

	private final UserRoleMapper roles;

	private final UserRoleEventMapper events;

	RoleGrants(UserRoleMapper roles, UserRoleEventMapper events) {
		this.roles = roles;
		this.events = events;
	}

	/**
	 * Who made a change ({@code actorUserId}; null for the system), why, where the history files it
	 * when the role has no unit of its own (a team's unit for {@code TEAM_LEADER}; null for none), and
	 * the actor's reason (optional).
	 */
	public record Change(Long actorUserId, RoleChangeCause cause, Long filedUnder, String reason) {

		public static Change by(Long actorUserId, RoleChangeCause cause) {
			return new Change(actorUserId, cause, null, null);
		}

		public Change filedUnder(Long unitId) {
			return new Change(this.actorUserId, this.cause, unitId, this.reason);
		}

	}

	/** True when this call granted the role; false when the user already held it (no event then). */
	@Transactional
	public boolean grant(long userId, Role role, Long orgUnitId, Change change) {
		Instant now = Instant.now();
		if (this.roles.grant(userId, role.name(), orgUnitId, change.actorUserId(), now) == 0) {
			return false;
		}
		record(userId, role, orgUnitId, RoleEventKind.GRANTED, change, now);
		return true;
	}

	/** True when this call revoked the role; false when the user did not hold it (no event then). */
	@Transactional
	public boolean revoke(long userId, Role role, Long orgUnitId, Change change) {
		if (this.roles.revoke(userId, role.name(), orgUnitId) == 0) {
			return false;
		}
		record(userId, role, orgUnitId, RoleEventKind.REVOKED, change, Instant.now());
		return true;
	}

	private void record(long userId, Role role, Long orgUnitId, RoleEventKind kind, Change change, Instant now) {
		this.events.insert(userId, role.name(), (orgUnitId != null) ? orgUnitId : change.filedUnder(), kind.name(),
				change.actorUserId(), change.cause().name(), change.reason(), now);
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
