package cn.wenming.practice.leaderboard;

/**
 * One board: a kind, a concrete period and a scope (an org unit's subtree or a team). Its Redis key
 * is {@code lb:{kind}:{period}:{value}:{ORG|TEAM}:{scopeId}}, e.g.
 * {@code lb:VOLUNTEER_POINTS:WEEK:2026-W48:ORG:12}.
 */
record Board(LeaderboardKind kind, LeaderboardPeriod.Window window, Scope scope) {

	static final String PREFIX = "lb:";

	String key() {
		return PREFIX + this.kind + ":" + this.window.period() + ":" + this.window.value() + ":" + this.scope.type()
				+ ":" + this.scope.id();
	}

	/** Where scores of the members changed during a rebuild are noted, to be recomputed after it. */
	String dirtyKey() {
		return "lbdirty:" + key();
	}

	String lockKey() {
		return "lblock:" + key();
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
