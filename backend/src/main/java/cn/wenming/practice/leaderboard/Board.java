package cn.wenming.practice.leaderboard;

/**
 * One board: a kind, a concrete period and a scope (an org unit's subtree or a team). Its Redis key
 * is {@code lb:{<kind>:<period>:<value>:<ORG|TEAM>:<scopeId>}}, e.g.
 * {@code lb:{VOLUNTEER_POINTS:WEEK:2026-W48:ORG:12}}. The braces are a Redis Cluster hash tag: the
 * board, its lock, its dirty set and its build's temporary key share the board's identity as a tag,
 * so they live in one slot and one Lua script may touch them all; different boards spread over the
 * cluster.
 */
record Board(LeaderboardKind kind, LeaderboardPeriod.Window window, Scope scope) {

	static final String PREFIX = "lb:";

	String key() {
		return PREFIX + tag();
	}

	/** Where scores of the members changed during a rebuild are noted, to be recomputed after it. */
	String dirtyKey() {
		return "lbdirty:" + tag();
	}

	String lockKey() {
		return "lblock:" + tag();
	}

	/** A build's temporary key: in the board's slot, so the build can RENAME it over the board. */
	String tempKey(String token) {
		return "lbtmp:" + tag() + ":" + token;
	}

	/** Where an install moves the previous copy to free it in the background (UNLINK). */
	String oldKey(String token) {
		return "lbold:" + tag() + ":" + token;
	}

	/**
	 * The board a key names, or null if it is not a board key of the current labels ({@code
	 * lb:{<kind>:<period>:<value>:<type>:<id>}}); {@code window} must be the period's current window.
	 */
	static Scope scopeOf(String key, LeaderboardKind kind, LeaderboardPeriod.Window window) {
		String prefix = PREFIX + "{" + kind + ":" + window.period() + ":" + window.value() + ":";
		if (!key.startsWith(prefix) || !key.endsWith("}")) {
			return null;
		}
		String[] rest = key.substring(prefix.length(), key.length() - 1).split(":");
		if (rest.length != 2) {
			return null;
		}
		try {
			return new Scope(ScopeType.valueOf(rest[0]), Long.parseLong(rest[1]));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** The board keys of every scope of one kind and period value, as a SCAN pattern. */
	static String keysOf(LeaderboardKind kind, LeaderboardPeriod.Window window) {
		return PREFIX + "{" + kind + ":" + window.period() + ":" + window.value() + ":*";
	}

	private String tag() {
		return "{" + this.kind + ":" + this.window.period() + ":" + this.window.value() + ":" + this.scope.type() + ":"
				+ this.scope.id() + "}";
	}

	/** The org unit subtree or the team a board is limited to. */
	record Scope(ScopeType type, long id) {
	}

	/** GraphQL {@code LeaderboardScopeType}. */
	enum ScopeType {

		/** An org unit and everything below it (中心 = the county, 所, 站). */
		ORG,
		/** A team's current members (volunteer boards only). */
		TEAM

	}

}
