package cn.wenming.practice.auth;

/**
 * One role a user holds; for admin roles, the unit it was granted on and that unit's
 * materialised path (see {@code org_unit.path}), which is what scope checks compare.
 */
public record RoleGrant(Role role, Long orgUnitId, String unitPath) {

	private static final java.util.regex.Pattern ROOT_PATH = java.util.regex.Pattern.compile("/\\d+/");

	/** Whether this grant is an admin role whose subtree contains the unit at {@code targetPath}. */
	public boolean coversPath(String targetPath) {
		return this.role.isAdmin() && this.unitPath != null && targetPath != null && targetPath.startsWith(this.unitPath);
	}

	/**
	 * Whether the grant is on a root of the unit tree (a unit without a parent, whose path is one
	 * segment such as {@code /1/}): the 中心 of a county-only deployment, or the city above the counties.
	 */
	public boolean onRootUnit() {
		return this.unitPath != null && ROOT_PATH.matcher(this.unitPath).matches();
	}

}
