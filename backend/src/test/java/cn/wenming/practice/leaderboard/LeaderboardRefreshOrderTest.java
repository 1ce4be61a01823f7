package cn.wenming.practice.leaderboard;

import java.time.Clock;
import java.time.Duration;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.activity.HoursConfirmed;
import cn.wenming.practice.testinfra.AfterCommit;
import cn.wenming.practice.testinfra.MutableClock;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refresh that waited for a member's lock writes what MySQL held when it got the lock, not what it
 * saw before waiting: the design's "the later refresh reads the later state". The audit's case: a
 * listener refreshes the volunteer (its reads begin), queues for the team's lock, another
 * confirmation commits and its refresh writes the team's sum first; the first listener must not then
 * write its older sum over it. The test holds the team's lock in Redis itself, so the order is fixed.
 */
@IntegrationTest
class LeaderboardRefreshOrderTest {

	private static final String HOURS_LISTENER = "cn.wenming.practice.leaderboard.LeaderboardUpdates.on("
			+ "cn.wenming.practice.activity.HoursConfirmed)";

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	MutableClock clock;

	@Autowired
	Clock appClock;

	@Autowired
	LeaderboardService service;

	@Scenario
	HandWiredLeaderboards leaderboards;

	@Scenario
	LeaderboardScenario s;

	@Test
	void aTeamRefreshThatWaitedForTheLockDoesNotWriteAnOlderSumOverANewerOne() {
		this.s.volunteers("张三丰", this.s.s1, "李四", this.s.s1);
		long team = this.s.team(this.s.s1, 0, 0, 1);
		long project = this.s.project(this.s.s1, team);
		long activity = this.s.activity(project, this.s.s1, this.clock.instant().minusSeconds(3600), true);
		// Both boards are loaded (a read builds them), so refreshes write into them.
		assertThat(teamScore(team)).isNull();
		assertThat(volunteerScore(team, this.s.user(0))).isNull();

		String teamLock = "lbmember:" + LeaderboardKind.TEAM_HOURS + ":" + team;
		assertThat(this.redis.opsForValue().setIfAbsent(teamLock, "test", Duration.ofSeconds(30))).isTrue();
		HoursConfirmed x;
		try {
			// Confirmation X commits and is announced: its listener L1 refreshes the volunteer, then
			// queues for the team's lock, which this test holds.
			x = this.s.confirm(0, activity, "3");
			this.s.tx.executeWithoutResult(status -> this.s.events.publishEvent(x));
			AfterCommit.eventually(() -> assertThat(volunteerScore(team, this.s.user(0))).isEqualTo(3.0));

			// Confirmation Y commits; its refresh L2 has the team's lock first (held here on its
			// behalf) and writes X + Y.
			this.s.confirm(1, activity, "2");
			this.leaderboards.service(lockHeldByCaller(), this.appClock).refresh(LeaderboardKind.TEAM_HOURS, team);
			assertThat(teamScore(team)).isEqualTo(5.0);
			// L1 is still waiting for the lock (it gives up after 2 s and would have run by now).
			assertThat(pending(HOURS_LISTENER, x.signUpId())).as("L1 still queued for the team's lock").isEqualTo(1);
		}
		finally {
			this.redis.delete(teamLock);
		}
		// L1 gets the lock and refreshes the team: it must read Y too.
		this.s.settle();
		assertThat(pending(HOURS_LISTENER, x.signUpId())).isZero();
		assertThat(teamScore(team)).isEqualTo(5.0);
		assertThat(LeaderboardScenario.ranks(this.service.read(this.s.user(0), LeaderboardKind.TEAM_HOURS,
				LeaderboardPeriod.ALL, Board.ScopeType.ORG, this.s.s1, 100)))
			.isEqualTo(this.s.expected("TEAM_HOURS", "ALL", "ORG", this.s.s1));
	}

	/** A store whose member lock the caller already holds. */
	private LeaderboardStore lockHeldByCaller() {
		return new LeaderboardStore(this.redis) {
			@Override
			void withMemberLock(LeaderboardKind kind, long member, Runnable action) {
				action.run();
			}
		};
	}

	private int pending(String listener, long signUpId) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE LISTENER_ID = ? "
				+ "AND COMPLETION_DATE IS NULL AND SERIALIZED_EVENT LIKE ?", Integer.class, listener,
				"%\"signUpId\":" + signUpId + ",%");
	}

	private Double teamScore(long team) {
		return score(this.service.read(this.s.user(0), LeaderboardKind.TEAM_HOURS, LeaderboardPeriod.ALL,
				Board.ScopeType.ORG, this.s.s1, 100), team);
	}

	private Double volunteerScore(long team, long userId) {
		return score(this.service.read(this.s.user(0), LeaderboardKind.VOLUNTEER_HOURS, LeaderboardPeriod.ALL,
				Board.ScopeType.TEAM, team, 100), userId);
	}

	private static Double score(LeaderboardService.View view, long id) {
		assertThat(view.fromRedis()).isTrue();
		return view.entries().stream().filter(row -> row.id() == id).map(LeaderboardService.Row::score).findFirst()
			.orElse(null);
	}

}
