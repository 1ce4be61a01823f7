package cn.wenming.practice.leaderboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.HeavyTest;
import cn.wenming.practice.testinfra.MutableClock;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14 for the hours boards, as {@link LeaderboardBuildUnderReadsTest} for points: a county's
 * {@code VOLUNTEER_HOURS} board of {@value #MEMBERS} members is built cold in the background and then
 * rebuilt while two threads keep reading it. Every read answers: while there is no copy, from the
 * two hours rollups (activity and need hours added up per volunteer, read in hours order from their
 * rank indexes, never from the sign-ups or participants), then from Redis, and during the rebuild
 * from the previous copy; the answers are the SQL ranking (top 100 and the caller's rank), no Redis
 * command comes near the 2 s command timeout, and the installed board equals the rollups added up
 * by SQL. Runs against a private redis-server started here.
 */
@IntegrationTest
@HeavyTest
class HoursBoardBuildUnderReadsTest {

	private static final int MEMBERS = 60_000;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Scenario
	HandWiredLeaderboards leaderboards;

	@Test
	void aCountyHoursBoardIsBuiltAndRebuiltWhileReadersAlwaysGetAnAnswerFromTheRollups() throws Exception {
		BoardBuildUnderReads.County county = BoardBuildUnderReads.county(new Fixtures(this.jdbc));
		long center = county.center();
		// A year of its own (the clock is set to a random year far ahead): the county-wide top of the
		// rollups is this county's, whatever earlier runs or other tests left in the database.
		this.clock.set(java.time.ZonedDateTime.of(2200 + (int) (System.nanoTime() % 700), 6, 15, 12, 0, 0, 0,
				java.time.ZoneId.of("Asia/Shanghai")).toInstant());
		String year = LeaderboardPeriod.YEAR.window(this.clock.instant()).value();
		seedCounty(county.stations(), year);
		List<LeaderboardScenario.Rank> ranked = ranked(center, year);
		assertThat(ranked).hasSize(MEMBERS);
		// A caller among the top: everyone above them is read from the rollups' first slices.
		long caller = ranked.get(57).id();
		LeaderboardScenario.Rank mine = ranked.get(57);
		List<LeaderboardScenario.Rank> expectedTop = ranked.subList(0, 100);

		try (BoardBuildUnderReads harness = BoardBuildUnderReads.start("hours board")) {
			LeaderboardStore store = harness.store();
			LeaderboardService service = this.leaderboards.service(store, this.clock);
			Board board = new Board(LeaderboardKind.VOLUNTEER_HOURS, LeaderboardPeriod.YEAR.window(this.clock.instant()),
					new Board.Scope(Board.ScopeType.ORG, center));

			// Cold: the first read starts the build in the background and answers from the rollups.
			BoardBuildUnderReads.Readers reading = harness.startReaders(service, board, caller);
			long started = System.nanoTime();
			harness.awaitBoard(board, Duration.ofSeconds(120));
			long builtMillis = (System.nanoTime() - started) / 1_000_000;
			// Until a read has been answered from Redis (a read from the rollups can take seconds on a
			// loaded machine, so one that began before the install may still be running).
			var answers = reading.answers();
			long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
			while (answers.stream().noneMatch(LeaderboardService.View::fromRedis) && System.nanoTime() < until) {
				Thread.sleep(50);
			}
			int reads = reading.stop();
			assertThat(reads).as("reads during the cold build").isEqualTo(answers.size()).isPositive();
			assertThat(answers).allSatisfy(view -> assertThat(LeaderboardScenario.ranks(view)).isEqualTo(expectedTop));
			assertThat(answers).anySatisfy(view -> assertThat(view.fromRedis()).isFalse());
			assertThat(answers).anySatisfy(view -> assertThat(view.fromRedis()).isTrue());
			assertThat(answers).allSatisfy(view -> {
				assertThat(view.me().rank()).isEqualTo(mine.rank());
				assertThat(BigDecimal.valueOf(view.me().score()).setScale(2, RoundingMode.HALF_UP)).isEqualTo(mine.score());
			});
			System.out.printf("[hours board] %,d members built in the background in %,d ms while %,d reads answered%n",
					MEMBERS, builtMillis, reads);

			harness.rebuildWhileReading(service, this.leaderboards.source, board, caller, expectedTop);

			// The whole board equals SQL over the rollups; no Redis command took half the command timeout.
			assertThat(store.members(board)).hasSize(MEMBERS).isEqualTo(expectedBoard(center, year));
			harness.assertNoCommandNearTheTimeout();
		}
		finally {
			this.clock.reset();
		}
	}

	/**
	 * {@value #MEMBERS} volunteers over the stations with activity hours this year (0.25 to 244.25,
	 * in quarters: many ties) and, every third of them, need hours too (0.5 to 20): users and
	 * volunteers by SQL, the two rollups' year rows written directly (what their backfills would
	 * write for so many services; the sources are not needed by the boards).
	 */
	private void seedCounty(List<Long> stations, String year) {
		String token = Fixtures.unique("h");
		Timestamp now = Timestamp.from(this.clock.instant());
		long first = BoardBuildUnderReads.seedVolunteers(this.jdbc, token, now, stations, MEMBERS);
		long last = first + MEMBERS - 1;
		this.jdbc.update("INSERT INTO activity_hours_rollup (period, period_value, subject, subject_id, volunteer_id, hours) "
				+ "SELECT 'YEAR', ?, 'U', v.user_id, v.id, (MOD(v.user_id * 7919, 977) + 1) / 4 FROM volunteer v "
				+ "WHERE v.user_id BETWEEN ? AND ?", year, first, last);
		this.jdbc.update("INSERT INTO need_hours_rollup (period, period_value, subject, subject_id, volunteer_id, hours) "
				+ "SELECT 'YEAR', ?, 'U', v.user_id, v.id, MOD(v.user_id * 31, 40) / 2 + 0.5 FROM volunteer v "
				+ "WHERE v.user_id BETWEEN ? AND ? AND MOD(v.user_id, 3) = 0", year, first, last);
	}

	/** The board by SQL over the rollups: user → activity plus need hours of the county's volunteers this year. */
	private Map<Long, Double> expectedBoard(long center, String year) {
		Map<Long, Double> board = new HashMap<>();
		this.jdbc.query("""
				SELECT v.user_id, COALESCE(a.hours, 0) + COALESCE(n.hours, 0) FROM volunteer v
				JOIN org_unit u ON u.id = v.home_station_id AND u.path LIKE CONCAT('/', ?, '/%')
				LEFT JOIN activity_hours_rollup a ON a.period = 'YEAR' AND a.period_value = ? AND a.subject = 'U'
				  AND a.subject_id = v.user_id
				LEFT JOIN need_hours_rollup n ON n.period = 'YEAR' AND n.period_value = ? AND n.subject = 'U'
				  AND n.subject_id = v.user_id
				WHERE COALESCE(a.hours, 0) + COALESCE(n.hours, 0) > 0
				""", rs -> {
			board.put(rs.getLong(1), rs.getBigDecimal(2).doubleValue());
		}, center, year, year);
		return board;
	}

	private List<LeaderboardScenario.Rank> ranked(long center, String year) {
		return BoardBuildUnderReads.ranked(expectedBoard(center, year));
	}

}
