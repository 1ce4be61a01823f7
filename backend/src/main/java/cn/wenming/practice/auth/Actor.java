package cn.wenming.practice.auth;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The authenticated user behind a request and every role they hold right now (read from MySQL, not the token). */
public record Actor(long userId, List<RoleGrant> grants) {

	public Set<Role> roles() {
		Set<Role> roles = new LinkedHashSet<>();
		roles.add(Role.RESIDENT);
		this.grants.forEach(grant -> roles.add(grant.role()));
		return roles;
	}

	public boolean has(Role role) {
		return this.grants.stream().anyMatch(grant -> grant.role() == role);
	}

	/** Holds an admin role on the unit at {@code unitPath} or on one of its ancestors. */
	public boolean isAdminOver(String unitPath) {
		return this.grants.stream().anyMatch(grant -> grant.coversPath(unitPath));
	}

	/** Holds a given admin role on the unit at {@code unitPath} or on one of its ancestors. */
	public boolean hasRoleOver(Role role, String unitPath) {
		return this.grants.stream().anyMatch(grant -> grant.role() == role && grant.coversPath(unitPath));
	}

	public boolean isAnyAdmin() {
		return this.grants.stream().anyMatch(grant -> grant.role().isAdmin());
	}

}
