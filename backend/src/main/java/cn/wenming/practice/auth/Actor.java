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

	/** Holds 中心管理员 or 市级管理员 somewhere (the county-wide tasks; a city admin does what a center admin does). */
	public boolean isCenterAdminOrAbove() {
		return this.grants.stream().anyMatch(grant -> grant.role().isCenterOrAbove());
	}

	/** Holds 中心管理员 or 市级管理员 on the unit at {@code unitPath} or on one of its ancestors. */
	public boolean isCenterAdminOrAboveOver(String unitPath) {
		return this.grants.stream().anyMatch(grant -> grant.role().isCenterOrAbove() && grant.coversPath(unitPath));
	}

	public boolean isAnyAdmin() {
		return this.grants.stream().anyMatch(grant -> grant.role().isAdmin());
	}

}
