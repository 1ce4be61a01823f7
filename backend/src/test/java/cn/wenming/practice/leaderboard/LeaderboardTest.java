package cn.wenming.practice.leaderboard;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.activity.HoursConfirmed;
import cn.wenming.practice.points.PointsEntryRecorded;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.MutableClock;
import cn.wenming.practice.testinfra.Scenario;
import cn.wenming.practice.testinfra.SqlCounter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Must-show 6: every board equals the ranking an independent SQL query computes on the same data —
 * when first built from MySQL on a miss, after after-commit updates, after {@code rebuildLeaderboards}
 * and after the board keys were deleted. Also: masking and the name opt-in, the caller's own rank,
 * period keys' expiry, replayed events, and who may rebuild.
 */
@IntegrationTest
class LeaderboardTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	MutableClock clock;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	SqlCounter counter;

	@Autowired
	LeaderboardService service;

	@Autowired
	LeaderboardJobs jobs;

	@Scenario
	LeaderboardScenario s;

	Session centerAdmin;

	@BeforeEach
	void setUp() {
		this.centerAdmin = this.s.api.login(Fixtures.unique("lb-center"));
		this.s.fixtures.grant(this.centerAdmin.userId(), "CENTER_ADMIN", this.s.center);
	}

	/**
	 * Every kind in every period at the county, and further scopes of every type (institute, station,
	 * team) for this week and all time.
	 */
	private List<Object[]> boards() {
		List<Object[]> boards = new ArrayList<>();
		for (String kind : List.of("VOLUNTEER_POINTS", "VOLUNTEER_HOURS", "TEAM_HOURS", "STATION_ACTIVITIES")) {
			for (String period : List.of("WEEK", "MONTH", "YEAR", "ALL")) {
				boards.add(new Object[] { kind, period, "ORG", this.s.center });
			}
			for (String period : List.of("WEEK", "ALL")) {
				boards.add(new Object[] { kind, period, "ORG", this.s.i1 });
				boards.add(new Object[] { kind, period, "ORG", this.s.i2 });
				if (kind.startsWith("VOLUNTEER")) {
					boards.add(new Object[] { kind, period, "ORG", this.s.s1 });
					boards.add(new Object[] { kind, period, "TEAM", this.s.team1 });
				}
			}
		}
		return boards;
	}

	/** The scenario's service, spread over time: this week, ~10 and ~45 days ago, and last year. */
	private Map<String, HoursConfirmed> seed() {
		this.s.volunteers("张三丰", this.s.s1, "李四", this.s.s1, "王五", this.s.s2, "赵六", this.s.s2, "孙七", this.s.s3,
				"周八", this.s.s3);
		this.s.team1 = this.s.team(this.s.s1, 0, 0, 1, 2);
		this.s.team2 = this.s.team(this.s.i2, 4, 4, 5);
		long p1 = this.s.project(this.s.s1, this.s.team1);
		long p2 = this.s.project(this.s.s3, this.s.team2);
		long p0 = this.s.project(this.s.s2, null);
		Instant now = this.clock.instant();
		// This week's activities ended an hour ago, or when the week began if that was later: in a
		// week's first hour (Monday after midnight in China, Sunday 16:00 UTC) an hour ago is last
		// week, and this week's board was empty (a CI run at 16:01 UTC failed so).
		Instant weekStart = LeaderboardPeriod.WEEK.window(now).from();
		Instant thisWeek = now.minusSeconds(3600).isBefore(weekStart) ? weekStart : now.minusSeconds(3600);
		Map<String, HoursConfirmed> served = new HashMap<>();
		// Last year: only "all time" sees it.
		this.clock.set(now.minus(Duration.ofDays(400)));
		long old = this.s.activity(p1, this.s.s1, this.clock.instant().minusSeconds(3600), true);
		served.put("old", this.s.serve(0, old, "6"));
		this.s.serve(4, this.s.activity(p2, this.s.s3, this.clock.instant().minusSeconds(3600), true), "2.5");
		// About 45 days ago.
		this.clock.set(now.minus(Duration.ofDays(45)));
		long a45 = this.s.activity(p1, this.s.s1, this.clock.instant().minusSeconds(3600), true);
		this.s.serve(1, a45, "3");
		this.s.serve(2, a45, "3");
		this.s.activity(p0, this.s.s2, this.clock.instant().minusSeconds(3600), true);
		// About 10 days ago.
		this.clock.set(now.minus(Duration.ofDays(10)));
		long a10 = this.s.activity(p0, this.s.s2, this.clock.instant().minusSeconds(3600), true);
		this.s.serve(3, a10, "4");
		served.put("a10", this.s.serve(2, a10, "1.5"));
		// This week — two ties: 0 and 1 with 2 h each.
		this.clock.set(now);
		long a0 = this.s.activity(p1, this.s.s1, thisWeek, true);
		served.put("w0", this.s.serve(0, a0, "2"));
		this.s.serve(1, a0, "2");
		long b0 = this.s.activity(p2, this.s.s3, thisWeek, true);
		this.s.serve(5, b0, "1.25");
		// An activity not finished yet is not "held".
		this.s.activity(p0, this.s.s2, now.minusSeconds(600), false);
		return served;
	}

	/** Compares every board with SQL and returns the board keys read. */
	private List<String> assertEveryBoardMatchesSql(String when) {
		List<String> keys = new ArrayList<>();
		for (Object[] b : boards()) {
			String kind = (String) b[0];
			String period = (String) b[1];
			String scopeType = (String) b[2];
			long scopeId = (Long) b[3];
			List<LeaderboardScenario.Rank> expected = this.s.expected(kind, period, scopeType, scopeId);
			// In process (the API is exercised by the other tests; this machine is slow enough).
			LeaderboardService.View view = this.service.read(this.centerAdmin.userId(), LeaderboardKind.valueOf(kind),
					LeaderboardPeriod.valueOf(period), Board.ScopeType.valueOf(scopeType), scopeId, 100);
			assertThat(view.fromRedis()).as("%s %s %s %s %s from Redis", when, kind, period, scopeType, scopeId).isTrue();
			assertThat(LeaderboardScenario.ranks(view)).as("%s %s %s %s %s", when, kind, period, scopeType, scopeId)
				.isEqualTo(expected);
			// What Redis itself holds (the answer above came from this key).
			String key = "lb:{" + kind + ":" + period + ":" + view.periodValue() + ":" + scopeType + ":" + scopeId + "}";
			Map<Long, java.math.BigDecimal> inRedis = new HashMap<>();
			var tuples = this.redis.opsForZSet().rangeWithScores(key, 0, -1);
			assertThat(tuples).as("%s: key %s exists", when, key).isNotEmpty();
			tuples.stream().filter(t -> !LeaderboardStore.SENTINEL.equals(t.getValue()))
				.forEach(t -> inRedis.put(LeaderboardStore.id(t.getValue()),
						java.math.BigDecimal.valueOf(t.getScore()).setScale(2, java.math.RoundingMode.HALF_UP)));
			Map<Long, java.math.BigDecimal> sql = new HashMap<>();
			expected.forEach(r -> sql.put(r.id(), r.score()));
			assertThat(inRedis).as("%s Redis %s", when, key).isEqualTo(sql);
			keys.add(key);
		}
		return keys;
	}

	@Test
	void boardsEqualSqlRanksWhenBuiltUpdatedRebuiltAndAfterTheirKeysAreDeleted() {
		Map<String, HoursConfirmed> served = seed();
		// Nothing of this county was in Redis: each board is built from MySQL on its first read.
		assertEveryBoardMatchesSql("built on a miss");
		for (String kind : List.of("VOLUNTEER_POINTS", "TEAM_HOURS")) {
			assertThat(LeaderboardScenario.ranks(this.s.board(this.centerAdmin, kind, "ALL", "ORG", this.s.center, 100)))
				.as("over the API").isEqualTo(this.s.expected(kind, "ALL", "ORG", this.s.center));
		}
		List<Long> sqlCounty = this.s.expected("VOLUNTEER_HOURS", "ALL", "ORG", this.s.center).stream()
			.map(LeaderboardScenario.Rank::id).toList();
		assertThat(sqlCounty).hasSize(6);
		assertThat(this.s.expected("VOLUNTEER_HOURS", "WEEK", "ORG", this.s.s1)).extracting(LeaderboardScenario.Rank::rank)
			.containsExactly(1, 1);

		// After-commit updates into the existing boards: new hours, a revocation (points reversed),
		// a newly finished activity.
		long activity = this.s.activity(this.s.project(this.s.s2, this.s.team1), this.s.s2,
				this.clock.instant().minusSeconds(60), true);
		this.s.serve(3, activity, "7");
		this.s.serve(2, activity, "2");
		this.s.revoke(served.get("w0"));
		this.s.revoke(served.get("old"));
		List<String> updated = assertEveryBoardMatchesSql("after updates");

		// Damage a few boards (a stranger, a wrong score) so the rebuild has something to repair.
		for (String key : updated.subList(0, 6)) {
			this.redis.opsForZSet().add(key, LeaderboardStore.member(999999999), 12345);
			this.redis.opsForZSet().incrementScore(key, LeaderboardStore.member(this.s.user(0)), 1000);
		}

		this.s.api.as(this.centerAdmin).documentName("rebuildLeaderboards").execute()
			.path("rebuildLeaderboards.boards").entity(Integer.class).satisfies(n -> assertThat(n).isPositive());
		List<String> keys = assertEveryBoardMatchesSql("after rebuildLeaderboards");

		// Our own keys only: the shared Redis is never flushed.
		assertThat(this.redis.delete(keys)).isEqualTo(keys.size());
		assertThat(this.redis.countExistingKeys(keys)).isZero();
		assertEveryBoardMatchesSql("after the keys were deleted");

		// The scheduled rebuild (called directly: timers are off in tests) repairs a stale board too.
		this.redis.opsForZSet().add(keys.get(0), LeaderboardStore.member(999999999), 12345);
		this.jobs.scheduledRebuild();
		assertEveryBoardMatchesSql("after the scheduled rebuild");
	}

	/**
	 * Issue 14: a volunteer joining or leaving a team and a station moving to another 所 reach the
	 * boards already in Redis through their events, without a rebuild (a stale board would be served
	 * from Redis and differ from SQL).
	 */
	@Test
	void membershipChangesReachTheBoardsWithoutARebuild() {
		seed();
		assertEveryBoardMatchesSql("before the moves");
		// 赵六 (s2) joins team 1, approved by its leader; 王五 leaves it.
		String request = this.s.api.as(this.s.volunteers.get(3)).documentName("requestToJoinTeam")
			.variable("teamId", Long.toString(this.s.team1)).execute().path("requestToJoinTeam.id").entity(String.class)
			.get();
		assertThat(ApiErrors.codeOf(this.s.api.as(this.s.volunteers.get(0)).documentName("approveJoinRequest")
			.variable("requestId", request).execute())).isNull();
		assertThat(ApiErrors.codeOf(this.s.api.as(this.s.volunteers.get(2)).documentName("leaveTeam")
			.variable("teamId", Long.toString(this.s.team1)).execute())).isNull();
		this.s.settle();
		assertThat(this.s.expected("VOLUNTEER_HOURS", "ALL", "TEAM", this.s.team1)).extracting(LeaderboardScenario.Rank::id)
			.contains(this.s.user(3)).doesNotContain(this.s.user(2));
		assertEveryBoardMatchesSql("after the team changed");

		// Station s2 (王五, 赵六) moves from 所 i1 to 所 i2.
		assertThat(ApiErrors.codeOf(this.s.api.as(this.centerAdmin).documentName("moveOrgUnit")
			.variable("id", Long.toString(this.s.s2)).variable("newParentId", Long.toString(this.s.i2)).execute()))
			.isNull();
		this.s.settle();
		assertThat(this.s.expected("VOLUNTEER_POINTS", "ALL", "ORG", this.s.i2)).extracting(LeaderboardScenario.Rank::id)
			.contains(this.s.user(2), this.s.user(3));
		assertEveryBoardMatchesSql("after the station moved");
	}

	@Test
	void namesAreMaskedUnlessTheVolunteerOptsInAndTheCallerSeesTheirOwnRank() throws Exception {
		seed();
		Session zhang = this.s.volunteers.get(0);
		Session li = this.s.volunteers.get(1);
		this.s.api.as(zhang).documentName("setShowNameOnLeaderboard").variable("show", true).execute()
			.path("setShowNameOnLeaderboard").entity(Boolean.class).isEqualTo(true);
		GraphQlTester.Response asLi = this.s.board(li, "VOLUNTEER_HOURS", "ALL", "ORG", this.s.center, 50);
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> entries = asLi.path("leaderboard.entries").entity(List.class).get();
		Map<String, String> names = new HashMap<>();
		entries.forEach(e -> names.put((String) e.get("id"), (String) e.get("name")));
		assertThat(names.get(Long.toString(zhang.userId()))).isEqualTo("张三丰");
		assertThat(names.get(Long.toString(li.userId()))).isEqualTo("李*");
		assertThat(names.get(Long.toString(this.s.user(2)))).isEqualTo("王*");
		assertThat(names.values()).doesNotContain("李四", "王五", "赵六", "孙七", "周八");

		// The caller's own row: rank and score as SQL has them, on a board that shows only the top 1.
		LeaderboardScenario.Rank liExpected = this.s.expected("VOLUNTEER_HOURS", "ALL", "ORG", this.s.center).stream()
			.filter(r -> r.id() == li.userId()).findFirst().orElseThrow();
		GraphQlTester.Response top1 = this.s.board(li, "VOLUNTEER_HOURS", "ALL", "ORG", this.s.center, 1);
		top1.path("leaderboard.entries").entity(List.class).satisfies(list -> assertThat(list).hasSize(1));
		top1.path("leaderboard.me.rank").entity(Integer.class).isEqualTo(liExpected.rank())
			.path("leaderboard.me.id").entity(String.class).isEqualTo(Long.toString(li.userId()))
			.path("leaderboard.me.name").entity(String.class).isEqualTo("李*")
			.path("leaderboard.me.score").entity(Double.class).isEqualTo(liExpected.score().doubleValue());

		// Opting out again masks the name; someone not on the board has no row of their own.
		this.s.api.as(zhang).documentName("setShowNameOnLeaderboard").variable("show", false).execute();
		this.s.board(li, "VOLUNTEER_HOURS", "ALL", "ORG", this.s.center, 50).path("leaderboard.entries[?(@.id == '"
				+ zhang.userId() + "')].name").entityList(String.class).containsExactly("张**");
		this.s.board(this.centerAdmin, "VOLUNTEER_HOURS", "ALL", "ORG", this.s.center, 50).path("leaderboard.me")
			.valueIsNull();

		// Names and opt-ins of a page come in one query each, whatever its length (a cold read: the
		// scope and the names are not kept in memory yet)...
		this.s.board(li, "VOLUNTEER_HOURS", "YEAR", "ORG", this.s.center, 50);
		this.service.forgetKept();
		var two = this.counter.measure(() -> this.s.board(li, "VOLUNTEER_HOURS", "YEAR", "ORG", this.s.center, 2));
		this.service.forgetKept();
		var fifty = this.counter.measure(() -> this.s.board(li, "VOLUNTEER_HOURS", "YEAR", "ORG", this.s.center, 50));
		assertThat(fifty.count()).isEqualTo(two.count()).isEqualTo(3);
		// ...and a warm read of a board in Redis asks MySQL nothing at all.
		var warm = this.counter.measure(() -> this.s.board(li, "VOLUNTEER_HOURS", "YEAR", "ORG", this.s.center, 50));
		assertThat(warm.count()).isZero();

		// The caller's own name is looked up only when the query asks for it: the mini-program's own
		// document, whose page shows their rank and score, costs no statement for a caller off the
		// page whose name is not kept; asking for it costs the one batch (names, opt-ins).
		assertThat(liExpected.rank()).isGreaterThan(1);
		String clientDocument = Files.readString(Path.of("../miniprogram-stub/graphql/Leaderboard.graphql"));
		this.service.forgetKept();
		this.s.board(this.centerAdmin, "VOLUNTEER_HOURS", "ALL", "ORG", this.s.center, 1);
		var page = this.counter.measure(() -> this.s.api.as(li).document(clientDocument)
			.variable("kind", "VOLUNTEER_HOURS").variable("period", "ALL").variable("scopeType", "ORG")
			.variable("scopeId", Long.toString(this.s.center)).variable("first", 1).execute()
			.path("leaderboard.me.rank").entity(Integer.class).isEqualTo(liExpected.rank())
			.path("leaderboard.me.name").pathDoesNotExist());
		assertThat(page.count()).isZero();
		var named = this.counter.measure(() -> this.s.board(li, "VOLUNTEER_HOURS", "ALL", "ORG", this.s.center, 1)
			.path("leaderboard.me.name").entity(String.class).isEqualTo("李*"));
		assertThat(named.count()).isEqualTo(2);

		// Teams and stations are shown by their names, as they are.
		String team1Name = this.jdbc.queryForObject("SELECT name FROM team WHERE id = ?", String.class, this.s.team1);
		this.s.board(li, "TEAM_HOURS", "ALL", "ORG", this.s.center, 50)
			.path("leaderboard.entries[?(@.id == '" + this.s.team1 + "')].name").entityList(String.class)
			.containsExactly(team1Name);
		String s2Name = this.jdbc.queryForObject("SELECT name FROM org_unit WHERE id = ?", String.class, this.s.s2);
		this.s.board(li, "STATION_ACTIVITIES", "ALL", "ORG", this.s.center, 50)
			.path("leaderboard.entries[?(@.id == '" + this.s.s2 + "')].name").entityList(String.class)
			.containsExactly(s2Name);
	}

	/** The nightly rebuild's lock (ShedLock proxies its bean) is kept off the service every read goes through. */
	@Test
	void readsDoNotGoThroughAProxy() {
		assertThat(AopUtils.isAopProxy(this.service)).isFalse();
		assertThat(AopUtils.isAopProxy(this.jobs)).isTrue();
	}

	@Test
	void periodKeysExpireAfterTheirPeriodAndAllTimeKeysDoNot() {
		seed();
		Instant now = this.clock.instant();
		for (String period : List.of("WEEK", "MONTH", "YEAR")) {
			String value = this.s.board(this.centerAdmin, "VOLUNTEER_POINTS", period, "ORG", this.s.center, 10)
				.path("leaderboard.periodValue").entity(String.class).get();
			Long ttl = this.redis.getExpire("lb:{VOLUNTEER_POINTS:" + period + ":" + value + ":ORG:" + this.s.center + "}");
			long untilEnd = Duration.between(now, this.s.bounds(period)[1]).getSeconds();
			assertThat(ttl).as(period).isBetween(untilEnd + 86_400 - 60, untilEnd + 86_400 + 60);
		}
		String value = this.s.board(this.centerAdmin, "VOLUNTEER_POINTS", "ALL", "ORG", this.s.center, 10)
			.path("leaderboard.periodValue").entity(String.class).get();
		assertThat(value).isEqualTo("all");
		assertThat(this.redis.getExpire("lb:{VOLUNTEER_POINTS:ALL:all:ORG:" + this.s.center + "}")).isEqualTo(-1L);
	}

	@Test
	void replayedEventsDoNotCountTwice() {
		Map<String, HoursConfirmed> served = seed();
		assertEveryBoardMatchesSql("before replays");
		HoursConfirmed event = served.get("a10");
		for (int i = 0; i < 3; i++) {
			this.s.publish(event);
			this.s.publish(new PointsEntryRecorded(event.volunteerUserId(), 15, "ACTIVITY_HOURS",
					Long.toString(event.signUpId()), this.clock.instant()));
		}
		this.s.settle();
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM points_entry WHERE business_type = 'ACTIVITY_HOURS' AND business_id = ?",
				Integer.class, Long.toString(event.signUpId()))).isEqualTo(1);
		assertEveryBoardMatchesSql("after replays");
	}

	@Test
	void onlyCenterAdminsRebuild() {
		Session volunteer = this.s.api.login(Fixtures.unique("lb-vol"));
		ApiErrors.expectCode(this.s.api.as(volunteer).documentName("rebuildLeaderboards").execute(), "FORBIDDEN");
		Session stationAdmin = this.s.api.login(Fixtures.unique("lb-station"));
		this.s.fixtures.grant(stationAdmin.userId(), "STATION_ADMIN", this.s.s1);
		ApiErrors.expectCode(this.s.api.as(stationAdmin).documentName("rebuildLeaderboards").execute(), "FORBIDDEN");
		ApiErrors.expectCode(this.s.api.anonymous().documentName("rebuildLeaderboards").execute(), "UNAUTHENTICATED");
		ApiErrors.expectCode(this.s.board(volunteer, "STATION_ACTIVITIES", "WEEK", "ORG", this.s.s1, 10), "BAD_REQUEST");
		ApiErrors.expectCode(this.s.board(volunteer, "TEAM_HOURS", "WEEK", "TEAM", this.s.center, 10), "BAD_REQUEST");
		ApiErrors.expectCode(this.s.board(volunteer, "VOLUNTEER_HOURS", "WEEK", "ORG", 987_654_321L, 10), "NOT_FOUND");
		ApiErrors.expectCode(this.s.api.anonymous().documentName("leaderboard").variable("kind", "VOLUNTEER_HOURS")
			.variable("period", "WEEK").variable("scopeId", Long.toString(this.s.center)).execute(), "UNAUTHENTICATED");
		this.s.api.as(this.centerAdmin).documentName("rebuildLeaderboards").execute()
			.path("rebuildLeaderboards.boards").entity(Integer.class).satisfies(n -> assertThat(n).isNotNegative());
	}

}
