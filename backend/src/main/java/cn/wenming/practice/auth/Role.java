package cn.wenming.practice.auth;

/**
 * What a user may do. {@code RESIDENT} is every logged-in user; {@code VOLUNTEER} and
 * {@code TEAM_LEADER} are granted by the system (registration, leading a team); the admin roles
 * are granted on one org unit and cover its whole subtree.
 */
public enum Role {

	RESIDENT, VOLUNTEER, TEAM_LEADER, STATION_ADMIN, INSTITUTE_ADMIN, CENTER_ADMIN, CITY_ADMIN;

	public boolean isAdmin() {
		return this == STATION_ADMIN || this == INSTITUTE_ADMIN || this == CENTER_ADMIN || this == CITY_ADMIN;
	}

	/**
	 * Whether this is a county-wide or wider admin role (中心管理员, 市级管理员): the roles that run
	 * what a deployment has once (need categories, the public-account menu, rebuilds, reconciliations).
	 */
	public boolean isCenterOrAbove() {
		return this == CENTER_ADMIN || this == CITY_ADMIN;
	}

	/** The org-unit level an admin role is granted on, or {@code null} for other roles. */
	public String adminLevel() {
		return switch (this) {
			case STATION_ADMIN -> "STATION";
			case INSTITUTE_ADMIN -> "INSTITUTE";
			case CENTER_ADMIN -> "CENTER";
			case CITY_ADMIN -> "CITY";
			default -> null;
		};
	}

}
