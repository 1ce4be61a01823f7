package cn.wenming.practice.leaderboard;

/** What a board ranks, and by what. GraphQL {@code LeaderboardKind}; stored in Redis keys by name. */
enum LeaderboardKind {

	/** Volunteers (by user id) by points earned (awards minus their reversals; spending does not lower it). */
	VOLUNTEER_POINTS,
	/** Volunteers (by user id) by confirmed credit hours. */
	VOLUNTEER_HOURS,
	/** Teams by confirmed credit hours of activities of their projects. */
	TEAM_HOURS,
	/** Stations by FINISHED activities held at the station. */
	STATION_ACTIVITIES;

	boolean ranksVolunteers() {
		return this == VOLUNTEER_POINTS || this == VOLUNTEER_HOURS;
	}

}
