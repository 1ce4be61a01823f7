package cn.wenming.practice.auth;

/**
 * What a user may do. {@code RESIDENT} is every logged-in user; {@code VOLUNTEER} and
 * {@code TEAM_LEADER} are granted by the system (registration, leading a team); the admin roles
 * are granted on one org unit and cover its whole subtree.
 */
public enum Role {

	RESIDENT, VOLUNTEER, TEAM_LEADER, STATION_ADMIN, INSTITUTE_ADMIN, CENTER_ADMIN;

	public boolean isAdmin() {
		return this == STATION_ADMIN || this == INSTITUTE_ADMIN || this == CENTER_ADMIN;
	}

	/** The org-unit level an admin role is granted on, or {@code null} for other roles. */
	public String adminLevel() {
		return switch (this) {
			case STATION_ADMIN -> "STATION";
			case INSTITUTE_ADMIN -> "INSTITUTE";
			case CENTER_ADMIN -> "CENTER";
			default -> null;
		};
	}

}
