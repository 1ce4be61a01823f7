package cn.wenming.practice.auth;

/** Which path granted or revoked a role: the 角色变更记录 tells an admin's act from the system's. */
public enum RoleChangeCause {

	/** {@code grantRole} / {@code revokeRole} by an admin. */
	ADMIN,

	/** Registering as a volunteer grants {@code VOLUNTEER}. */
	REGISTRATION,

	/** A team was created with its leader. */
	TEAM_CREATED,

	/** A team was handed over to another leader. */
	TEAM_LEADER_CHANGED,

	/** A team was disbanded; its leader leads nothing else. */
	TEAM_DISBANDED,

	/** The creator of a city or center became its admin. */
	UNIT_CREATED,

	/** A configured bootstrap admin's login made them a center's admin. */
	BOOTSTRAP_ADMIN,

	/** A grant standing when the history began (V61): who granted it and when, as its row recorded. */
	BEFORE_HISTORY

}
