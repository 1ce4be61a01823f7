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

	/**
	 * Holds 中心管理员 or 市级管理员 somewhere, whatever the county. Only for reads that reveal nothing of
	 * a county (e.g. the disabled entries of a shared dictionary); what changes what every county gets
	 * asks {@link #coversWholeDeployment()}.
	 */
	public boolean isCenterAdminOrAbove() {
		return this.grants.stream().anyMatch(grant -> grant.role().isCenterOrAbove());
	}

	/** Holds 中心管理员 or 市级管理员 on the unit at {@code unitPath} or on one of its ancestors. */
	public boolean isCenterAdminOrAboveOver(String unitPath) {
		return this.grants.stream().anyMatch(grant -> grant.role().isCenterOrAbove() && grant.coversPath(unitPath));
	}

	/**
	 * Holds 中心管理员 or 市级管理员 on a root of the unit tree: the admin of the whole deployment, who
	 * alone changes what every county of it shares (the 点单 categories, the 公众号 menu, the 站互评
	 * items, reconciliation over every account). In a county-only deployment the root is the 中心, so
	 * its admins; under a city, the city's admins and not a county's, whose grant stops at the county.
	 * Read from the grant's path, so attaching a county under a city ends it at once.
	 */
	public boolean coversWholeDeployment() {
		return this.grants.stream().anyMatch(grant -> grant.role().isCenterOrAbove() && grant.onRootUnit());
	}

	public boolean isAnyAdmin() {
		return this.grants.stream().anyMatch(grant -> grant.role().isAdmin());
	}

}
