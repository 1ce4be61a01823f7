package cn.wenming.practice.leaderboard;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import cn.wenming.practice.activity.ActivityHoursRollup;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.HeavyTest;
import cn.wenming.practice.testinfra.MutableClock;
import cn.wenming.practice.testinfra.ThreeInstances;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 排行榜 on three instances and a 3-master Redis Cluster ({@link ThreeInstances}): boards are built
 * on a miss, updated after commits on whichever instance the change happened, rebuilt by
 * {@code rebuildLeaderboards} and served from Redis by every instance, always equal to the ranking
 * an independent SQL query computes. Each board's keys share a hash tag, so its Lua scripts run on
 * one node, while the boards themselves spread over the masters.
 */
@HeavyTest
class LeaderboardScaleOutTest {

	ThreeInstances instances;

	StringRedisTemplate redis;

	LeaderboardScenario s;

	Session centerAdmin;

	@BeforeEach
	void setUp() {
		this.instances = ThreeInstances.get();
		this.redis = this.instances.redis();
		// Events are published on instance 0 unless a step says otherwise; its listeners update the boards.
		this.s = new LeaderboardScenario(this.instances.api(0), this.instances.jdbc(), this.instances.context(0),
				new MutableClock(), this.instances.context(0).getBean(ActivityHoursRollup.class));
		this.centerAdmin = this.instances.api(1).login(Fixtures.unique("lb-scale-center"));
		this.s.fixtures.grant(this.centerAdmin.userId(), "CENTER_ADMIN", this.s.center);
	}

	@Test
	void everyInstanceServesTheSameBoardsFromTheClusterAndTheyMatchSql() {
		this.s.volunteers("张三丰", this.s.s1, "李四", this.s.s1, "王五", this.s.s2, "赵六", this.s.s3);
		this.s.team1 = this.s.team(this.s.s1, 0, 0, 1, 2);
		long p1 = this.s.project(this.s.s1, this.s.team1);
		long p0 = this.s.project(this.s.s2, null);
		long now = this.s.clock.millis();
		long a1 = this.s.activity(p1, this.s.s1, java.time.Instant.ofEpochMilli(now - 3_600_000), true);
		this.s.serve(0, a1, "2");
		this.s.serve(1, a1, "3");
		long a2 = this.s.activity(p0, this.s.s2, java.time.Instant.ofEpochMilli(now - 1_800_000), true);
		this.s.serve(2, a2, "2");

		// First reads: every board is built on a miss, by whichever instance is asked.
		List<String> keys = assertEveryBoardMatchesSql("built");
		Set<Integer> masters = new HashSet<>();
		keys.forEach(key -> masters.add(this.instances.cluster().portOf(key)));
		assertThat(masters).as("masters holding the %s boards", keys.size()).hasSizeGreaterThan(1);

		// A change on instance 2 reaches the boards every instance serves (after-commit listeners there).
		LeaderboardScenario onTwo = new LeaderboardScenario(this.instances.api(2), this.instances.jdbc(),
				this.instances.context(2), this.s.clock, this.instances.context(2).getBean(ActivityHoursRollup.class));
		onTwo.volunteers.addAll(this.s.volunteers);
		onTwo.volunteerIds.addAll(this.s.volunteerIds);
		long a3 = onTwo.activity(p0, this.s.s3, java.time.Instant.ofEpochMilli(now - 600_000), true);
		onTwo.serve(3, a3, "5.5");
		onTwo.serve(2, a3, "1");
		assertEveryBoardMatchesSql("after updates on instance 2");

		// rebuildLeaderboards through instance 1: every board rebuilt on the cluster, none lost.
		var rebuilt = this.instances.api(1).as(this.centerAdmin).documentName("rebuildLeaderboards").execute();
		assertThat(ApiErrors.codeOf(rebuilt)).isNull();
		assertThat(rebuilt.path("rebuildLeaderboards.boards").entity(Integer.class).get()).isGreaterThan(0);
		assertEveryBoardMatchesSql("after rebuildLeaderboards");

		// Lost keys (a flush of one master's boards) are built again on the next read.
		keys.forEach(this.redis::delete);
		assertEveryBoardMatchesSql("after the boards were deleted");
	}

	/** Reads each board through instance (i mod 3) and compares it with SQL; returns the board keys. */
	private List<String> assertEveryBoardMatchesSql(String when) {
		List<String> keys = new ArrayList<>();
		int i = 0;
		for (String kind : List.of("VOLUNTEER_POINTS", "VOLUNTEER_HOURS", "TEAM_HOURS", "STATION_ACTIVITIES")) {
			for (String period : List.of("WEEK", "MONTH", "YEAR", "ALL")) {
				List<Object[]> scopes = new ArrayList<>();
				scopes.add(new Object[] { "ORG", this.s.center });
				scopes.add(new Object[] { "ORG", this.s.i1 });
				if (kind.startsWith("VOLUNTEER")) {
					scopes.add(new Object[] { "ORG", this.s.s1 });
					scopes.add(new Object[] { "TEAM", this.s.team1 });
				}
				for (Object[] scope : scopes) {
					String scopeType = (String) scope[0];
					long scopeId = (Long) scope[1];
					int instance = i++ % 3;
					LeaderboardService service = this.instances.context(instance).getBean(LeaderboardService.class);
					LeaderboardService.View view = service.read(this.centerAdmin.userId(), LeaderboardKind.valueOf(kind),
							LeaderboardPeriod.valueOf(period), Board.ScopeType.valueOf(scopeType), scopeId, 100);
					String what = when + " " + kind + " " + period + " " + scopeType + " " + scopeId + " on instance "
							+ instance;
					assertThat(view.fromRedis()).as("%s from Redis", what).isTrue();
					List<LeaderboardScenario.Rank> ranks = view.entries().stream()
						.map(r -> new LeaderboardScenario.Rank(r.rank(), r.id(),
								java.math.BigDecimal.valueOf(r.score()).setScale(2, java.math.RoundingMode.HALF_UP)))
						.toList();
					assertThat(ranks).as(what).isEqualTo(this.s.expected(kind, period, scopeType, scopeId));
					keys.add("lb:{" + kind + ":" + period + ":" + view.periodValue() + ":" + scopeType + ":" + scopeId
							+ "}");
				}
			}
		}
		assertThat(keys).allSatisfy(key -> assertThat(this.redis.hasKey(key)).as(key).isTrue());
		return keys;
	}

}
