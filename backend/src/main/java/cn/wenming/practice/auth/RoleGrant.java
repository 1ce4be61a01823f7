package cn.wenming.practice.auth;

/**
 * One role a user holds; for admin roles, the unit it was granted on and that unit's
 * materialised path (see {@code org_unit.path}), which is what scope checks compare.
 */
public record RoleGrant(Role role, Long orgUnitId, String unitPath) {

	/** Whether this grant is an admin role whose subtree contains the unit at {@code targetPath}. */
	public boolean coversPath(String targetPath) {
		return this.role.isAdmin() && this.unitPath != null && targetPath != null && targetPath.startsWith(this.unitPath);
	}

}
