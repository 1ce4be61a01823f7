package cn.wenming.practice.leaderboard;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.org.OrgDirectory;
import cn.wenming.practice.team.TeamDirectory;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.HeavyTest;
import cn.wenming.practice.testinfra.MutableClock;
import cn.wenming.practice.testinfra.RedisCluster;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.jedis.JedisConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
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

	@Autowired
	LeaderboardSource source;

	@Autowired
	LeaderboardPreferenceMapper preferences;

	@Autowired
	AccessControl access;

	@Autowired
	OrgDirectory org;

	@Autowired
	TeamDirectory teams;

	@Test
	void aCountyHoursBoardIsBuiltAndRebuiltWhileReadersAlwaysGetAnAnswerFromTheRollups() throws Exception {
		Fixtures fixtures = new Fixtures(this.jdbc);
		long center = fixtures.unit(null, "CENTER", Fixtures.unique("中心"), 31.3, 119.8);
		long institute = fixtures.unit(center, "INSTITUTE", Fixtures.unique("所"), 31.3, 119.8);
		List<Long> stations = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			stations.add(fixtures.unit(institute, "STATION", Fixtures.unique("站"), 31.3, 119.8));
		}
		// A year of its own (the clock is set to a random year far ahead): the county-wide top of the
		// rollups is this county's, whatever earlier runs or other tests left in the database.
		this.clock.set(java.time.ZonedDateTime.of(2200 + (int) (System.nanoTime() % 700), 6, 15, 12, 0, 0, 0,
				java.time.ZoneId.of("Asia/Shanghai")).toInstant());
		String year = LeaderboardPeriod.YEAR.window(this.clock.instant()).value();
		seedCounty(stations, year);
		List<LeaderboardScenario.Rank> ranked = ranked(center, year);
		assertThat(ranked).hasSize(MEMBERS);
		// A caller among the top: everyone above them is read from the rollups' first slices.
		long caller = ranked.get(57).id();
		LeaderboardScenario.Rank mine = ranked.get(57);
		List<LeaderboardScenario.Rank> expectedTop = ranked.subList(0, 100);

		int redisPort = freePort();
		Process redis = startRedis(redisPort);
		JedisConnectionFactory factory = factory(redisPort);
		ExecutorService readers = Executors.newFixedThreadPool(2);
		try {
			StringRedisTemplate template = new StringRedisTemplate(factory);
			LeaderboardStore store = new LeaderboardStore(template);
			LeaderboardService service = new LeaderboardService(this.source, store, this.preferences, this.access,
					this.org, this.teams, this.clock, Duration.ZERO, 20_000);
			Board board = new Board(LeaderboardKind.VOLUNTEER_HOURS, LeaderboardPeriod.YEAR.window(this.clock.instant()),
					new Board.Scope(Board.ScopeType.ORG, center));
			template.execute((RedisCallback<Object>) c -> {
				c.serverCommands().setConfig("slowlog-log-slower-than", "100000");
				c.execute("SLOWLOG", "RESET".getBytes());
				return null;
			});

			// Cold: the first read starts the build in the background and answers from the rollups.
			AtomicBoolean stop = new AtomicBoolean();
			ConcurrentLinkedQueue<LeaderboardService.View> answers = new ConcurrentLinkedQueue<>();
			List<Future<Integer>> reading = startReaders(readers, service, center, caller, stop, answers);
			long started = System.nanoTime();
			awaitBoard(store, board, Duration.ofSeconds(120));
			long builtMillis = (System.nanoTime() - started) / 1_000_000;
			// Until a read has been answered from Redis (a read from the rollups can take seconds on a
			// loaded machine, so one that began before the install may still be running).
			long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
			while (answers.stream().noneMatch(LeaderboardService.View::fromRedis) && System.nanoTime() < until) {
				Thread.sleep(50);
			}
			stop.set(true);
			int reads = finish(reading);
			assertThat(reads).as("reads during the cold build").isEqualTo(answers.size()).isPositive();
			assertThat(answers).allSatisfy(view -> assertThat(rows(view)).isEqualTo(expectedTop));
			assertThat(answers).anySatisfy(view -> assertThat(view.fromRedis()).isFalse());
			assertThat(answers).anySatisfy(view -> assertThat(view.fromRedis()).isTrue());
			assertThat(answers).allSatisfy(view -> {
				assertThat(view.me().rank()).isEqualTo(mine.rank());
				assertThat(BigDecimal.valueOf(view.me().score()).setScale(2, RoundingMode.HALF_UP)).isEqualTo(mine.score());
			});
			System.out.printf("[hours board] %,d members built in the background in %,d ms while %,d reads answered%n",
					MEMBERS, builtMillis, reads);

			// Rebuild (replace): the readers are served the previous copy throughout.
			answers.clear();
			stop.set(false);
			reading = startReaders(readers, service, center, caller, stop, answers);
			started = System.nanoTime();
			assertThat(store.buildStreaming(board, sink -> this.source.stream(board, sink),
					ids -> this.source.scores(board.kind(), board.window(), ids), true)).isTrue();
			long rebuiltMillis = (System.nanoTime() - started) / 1_000_000;
			stop.set(true);
			reads = finish(reading);
			assertThat(reads).as("reads during the rebuild").isPositive();
			assertThat(answers).allSatisfy(view -> {
				assertThat(view.fromRedis()).isTrue();
				assertThat(rows(view)).isEqualTo(expectedTop);
			});
			System.out.printf("[hours board] rebuilt in %,d ms while %,d reads answered from the previous copy%n",
					rebuiltMillis, reads);

			// The whole board equals SQL over the rollups; no Redis command took half the command timeout.
			assertThat(store.members(board)).hasSize(MEMBERS).isEqualTo(expectedBoard(center, year));
			List<?> slow = template.execute((RedisCallback<List<?>>) c -> (List<?>) c.execute("SLOWLOG",
					"GET".getBytes(), "1000".getBytes()));
			List<String> overHalfTimeout = new ArrayList<>();
			for (Object entry : slow) {
				List<?> fields = (List<?>) entry;
				long micros = (Long) fields.get(2);
				String command = new String((byte[]) ((List<?>) fields.get(3)).get(0), StandardCharsets.UTF_8);
				System.out.printf("[hours board] Redis slowlog: %s took %,d µs%n", command, micros);
				if (micros >= 1_000_000) {
					overHalfTimeout.add(command + " " + micros + " µs");
				}
			}
			assertThat(overHalfTimeout).as("Redis commands taking half the 2 s command timeout").isEmpty();
			assertThat(template.keys("lbtmp:*")).isEmpty();
		}
		finally {
			readers.shutdownNow();
			factory.destroy();
			redis.destroy();
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
		String digits = "(SELECT 0 AS d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 "
				+ "UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9)";
		this.jdbc.update("INSERT INTO app_user (openid, created_at, updated_at) SELECT CONCAT(?, '-', "
				+ "a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d), ?, ? FROM " + digits + " a CROSS JOIN " + digits
				+ " b CROSS JOIN " + digits + " c CROSS JOIN " + digits + " e CROSS JOIN " + digits + " f "
				+ "WHERE a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d < ?", token, now, now, MEMBERS);
		long first = this.jdbc.queryForObject("SELECT MIN(id) FROM app_user WHERE openid LIKE CONCAT(?, '-%')", Long.class,
				token);
		long last = this.jdbc.queryForObject("SELECT MAX(id) FROM app_user WHERE openid LIKE CONCAT(?, '-%')", Long.class,
				token);
		assertThat(last - first + 1).isEqualTo(MEMBERS);
		StringBuilder stationOf = new StringBuilder("CASE MOD(u.id, 10)");
		for (int i = 0; i < stations.size(); i++) {
			stationOf.append(" WHEN ").append(i).append(" THEN ").append(stations.get(i));
		}
		stationOf.append(" END");
		this.jdbc.update("INSERT INTO volunteer (user_id, real_name, id_number_cipher, id_number_hash, id_number_masked, "
				+ "home_station_id, created_at, updated_at) SELECT u.id, '测试者', 'x', SHA2(CONCAT(?, u.id), 256), "
				+ "'3202**********0000', " + stationOf + ", ?, ? FROM app_user u WHERE u.id BETWEEN ? AND ?", token, now,
				now, first, last);
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
		List<Map.Entry<Long, Double>> all = new ArrayList<>(expectedBoard(center, year).entrySet());
		all.sort(Map.Entry.<Long, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
		List<LeaderboardScenario.Rank> ranks = new ArrayList<>();
		for (int i = 0; i < all.size(); i++) {
			int rank = (i > 0 && all.get(i - 1).getValue().equals(all.get(i).getValue())) ? ranks.get(i - 1).rank() : i + 1;
			ranks.add(new LeaderboardScenario.Rank(rank, all.get(i).getKey(),
					BigDecimal.valueOf(all.get(i).getValue()).setScale(2, RoundingMode.HALF_UP)));
		}
		return ranks;
	}

	private static List<LeaderboardScenario.Rank> rows(LeaderboardService.View view) {
		return view.entries().stream()
			.map(r -> new LeaderboardScenario.Rank(r.rank(), r.id(),
					java.math.BigDecimal.valueOf(r.score()).setScale(2, java.math.RoundingMode.HALF_UP)))
			.toList();
	}

	private static List<Future<Integer>> startReaders(ExecutorService pool, LeaderboardService service, long center,
			long caller, AtomicBoolean stop, ConcurrentLinkedQueue<LeaderboardService.View> answers) {
		List<Future<Integer>> futures = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			futures.add(pool.submit(() -> {
				int reads = 0;
				do {
					answers.add(service.read(caller, LeaderboardKind.VOLUNTEER_HOURS, LeaderboardPeriod.YEAR,
							Board.ScopeType.ORG, center, 100));
					reads++;
				}
				while (!stop.get());
				return reads;
			}));
		}
		return futures;
	}

	private static int finish(List<Future<Integer>> futures) throws Exception {
		int reads = 0;
		for (Future<Integer> future : futures) {
			reads += future.get(120, TimeUnit.SECONDS);
		}
		return reads;
	}

	private static void awaitBoard(LeaderboardStore store, Board board, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!store.exists(board)) {
			assertThat(System.nanoTime()).as("board built in time").isLessThan(deadline);
			Thread.sleep(20);
		}
	}

	private static JedisConnectionFactory factory(int port) {
		JedisConnectionFactory factory = new JedisConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port));
		factory.afterPropertiesSet();
		factory.start();
		return factory;
	}

	private static Process startRedis(int port) throws IOException, InterruptedException {
		Process process = new ProcessBuilder("/usr/bin/redis-server", "--port", Integer.toString(port), "--bind",
				"127.0.0.1", "--save", "", "--appendonly", "no").redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		RedisCluster.awaitListening(port);
		return process;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
