package cn.wenming.practice.leaderboard;

import java.time.Clock;
import java.time.Duration;

import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.org.OrgDirectory;
import cn.wenming.practice.team.TeamDirectory;

/**
 * A {@link LeaderboardService} wired by hand around a store on a private or a dead Redis (or a
 * source made to fail), with the application's other collaborators; display names are never
 * cached. Built for a test by {@code @Scenario}.
 */
final class HandWiredLeaderboards {

	final LeaderboardSource source;

	private final LeaderboardPreferenceMapper preferences;

	private final AccessControl access;

	private final OrgDirectory org;

	private final TeamDirectory teams;

	HandWiredLeaderboards(LeaderboardSource source, LeaderboardPreferenceMapper preferences, AccessControl access,
			OrgDirectory org, TeamDirectory teams) {
		this.source = source;
		this.preferences = preferences;
		this.access = access;
		this.org = org;
		this.teams = teams;
	}

	LeaderboardService service(LeaderboardStore store, Clock clock) {
		return service(this.source, store, clock);
	}

	LeaderboardService service(LeaderboardSource source, LeaderboardStore store, Clock clock) {
		return new LeaderboardService(source, store, this.preferences, this.access, this.org, this.teams, clock,
				Duration.ZERO);
	}

}
