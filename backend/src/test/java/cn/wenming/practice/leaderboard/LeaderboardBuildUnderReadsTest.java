package cn.wenming.practice.leaderboard;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import cn.wenming.practice.activity.ActivityStandings;
import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.need.NeedStandings;
import cn.wenming.practice.org.OrgDirectory;
import cn.wenming.practice.points.PointsStandings;
import cn.wenming.practice.shared.DomainException;
import cn.wenming.practice.team.TeamDirectory;
import cn.wenming.practice.team.TeamStandings;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.HeavyTest;
import cn.wenming.practice.testinfra.RedisCluster;
import cn.wenming.practice.volunteer.VolunteerStandings;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.jedis.JedisConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Must-show 2 of issue 14: a county board of 100,000 members is built (cold, in the background) and
 * then rebuilt while other threads keep reading it. Every read answers (from the rollup while there
 * is no copy, from the previous copy during the rebuild), no Redis command comes near the client's
 * 2 s command timeout (the private redis-server's SLOWLOG records every command over 100 ms; none may
 * take half the timeout: on a quiet machine none is recorded at all, but with the CPU shared by many
 * builds a 100-row ZRANGE was once descheduled for 0.7 s, which says nothing about batch sizes),
 * and the board in Redis equals the ledger added up by SQL. Also: a read whose database statement
 * times out answers {@code LEADERBOARD_BUSY}. Runs against a private redis-server started here.
 */
@IntegrationTest
@HeavyTest
class LeaderboardBuildUnderReadsTest {

	private static final int MEMBERS = 100_000;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Clock clock;

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

	@Autowired
	PointsStandings points;

	@Autowired
	ActivityStandings activities;

	@Autowired
	VolunteerStandings volunteers;

	@Autowired
	TeamStandings teamMembers;

	@Autowired
	NeedStandings needs;

	@Test
	void aHundredThousandMemberBoardIsBuiltAndRebuiltWhileReadersAlwaysGetAnAnswer() throws Exception {
		Fixtures fixtures = new Fixtures(this.jdbc);
		long center = fixtures.unit(null, "CENTER", Fixtures.unique("中心"), 31.3, 119.8);
		long institute = fixtures.unit(center, "INSTITUTE", Fixtures.unique("所"), 31.3, 119.8);
		List<Long> stations = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			stations.add(fixtures.unit(institute, "STATION", Fixtures.unique("站"), 31.3, 119.8));
		}
		long firstUser = seedCounty(stations);
		// A caller with a high score: the rollup's answer counts everyone of the database's year above
		// them (in production one county), and other tests' users have far fewer points than 950.
		long caller = this.jdbc.queryForObject("SELECT MIN(user_id) FROM points_entry WHERE user_id BETWEEN ? AND ? "
				+ "AND delta = 950", Long.class, firstUser, firstUser + MEMBERS - 1);

		int redisPort = freePort();
		Process redis = startRedis(redisPort);
		JedisConnectionFactory factory = factory(redisPort);
		ExecutorService readers = Executors.newFixedThreadPool(2);
		try {
			StringRedisTemplate template = new StringRedisTemplate(factory);
			LeaderboardStore store = new LeaderboardStore(template);
			LeaderboardService service = new LeaderboardService(this.source, store, this.preferences, this.access,
					this.org, this.teams, this.clock, Duration.ZERO, 20_000);
			Board board = new Board(LeaderboardKind.VOLUNTEER_POINTS, LeaderboardPeriod.YEAR.window(this.clock.instant()),
					new Board.Scope(Board.ScopeType.ORG, center));
			template.execute((RedisCallback<Object>) c -> {
				c.serverCommands().setConfig("slowlog-log-slower-than", "100000");
				c.execute("SLOWLOG", "RESET".getBytes());
				return null;
			});

			List<LeaderboardScenario.Rank> expectedTop = expectedTop(center);
			assertThat(expectedTop).hasSizeGreaterThanOrEqualTo(100);

			// Cold: the first read starts the build in the background and answers from the rollup; the
			// readers go on until the board is in Redis and some more.
			AtomicBoolean stop = new AtomicBoolean();
			ConcurrentLinkedQueue<LeaderboardService.View> answers = new ConcurrentLinkedQueue<>();
			List<Future<Integer>> reading = startReaders(readers, service, center, caller, stop, answers);
			long started = System.nanoTime();
			awaitBoard(store, board, Duration.ofSeconds(120));
			long builtMillis = (System.nanoTime() - started) / 1_000_000;
			Thread.sleep(300);
			stop.set(true);
			int reads = finish(reading);
			assertThat(reads).as("reads during the cold build").isEqualTo(answers.size()).isPositive();
			assertThat(answers).allSatisfy(view -> assertThat(rows(view)).isEqualTo(expectedTop.subList(0, 100)));
			assertThat(answers).anySatisfy(view -> assertThat(view.fromRedis()).isFalse());
			assertThat(answers).anySatisfy(view -> assertThat(view.fromRedis()).isTrue());
			LeaderboardScenario.Rank mine = expectedRank(center, caller);
			assertThat(answers).allSatisfy(view -> assertThat(view.me().rank()).isEqualTo(mine.rank()));
			System.out.printf("[must-show 2] %,d members built in the background in %,d ms while %,d reads answered%n",
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
				assertThat(rows(view)).isEqualTo(expectedTop.subList(0, 100));
			});
			System.out.printf("[must-show 2] rebuilt in %,d ms while %,d reads answered from the previous copy%n",
					rebuiltMillis, reads);

			// The whole board equals SQL over the ledger; no Redis command took half the command timeout.
			assertThat(store.members(board)).hasSize(MEMBERS).isEqualTo(expectedBoard(center));
			List<?> slow = template.execute((RedisCallback<List<?>>) c -> (List<?>) c.execute("SLOWLOG",
					"GET".getBytes(), "1000".getBytes()));
			List<String> overHalfTimeout = new ArrayList<>();
			for (Object entry : slow) {
				List<?> fields = (List<?>) entry;
				long micros = (Long) fields.get(2);
				String command = new String((byte[]) ((List<?>) fields.get(3)).get(0), StandardCharsets.UTF_8);
				System.out.printf("[must-show 2] Redis slowlog: %s took %,d µs%n", command, micros);
				if (micros >= 1_000_000) {
					overHalfTimeout.add(command + " " + micros + " µs");
				}
			}
			assertThat(overHalfTimeout).as("Redis commands taking half the 2 s command timeout").isEmpty();
			assertThat(template.keys("lbtmp:*")).isEmpty();
			assertThat(template.keys("lbold:*")).isEmpty();
		}
		finally {
			readers.shutdownNow();
			factory.destroy();
			redis.destroy();
		}
	}

	/** A statement that times out (here: made to) answers LEADERBOARD_BUSY, not an internal error, for points and hours boards. */
	@Test
	void aReadWhoseStatementTimesOutAnswersBusy() {
		Fixtures fixtures = new Fixtures(this.jdbc);
		long center = fixtures.unit(null, "CENTER", Fixtures.unique("中心"), 31.3, 119.8);
		LeaderboardSource timingOut = new LeaderboardSource(this.points, this.activities, this.volunteers,
				this.teamMembers, this.teams, this.org, this.needs) {
			@Override
			long candidates(Board board) {
				return 1_000_000;
			}

			@Override
			RollupTop rollupTop(Board board, int first, Long caller) {
				throw new QueryTimeoutException("statement timeout");
			}
		};
		var dead = new JedisConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 1));
		dead.afterPropertiesSet();
		dead.start();
		try {
			LeaderboardService service = new LeaderboardService(timingOut, new LeaderboardStore(new StringRedisTemplate(dead)),
					this.preferences, this.access, this.org, this.teams, this.clock, Duration.ZERO, 20_000);
			// Points and hours boards alike (the hours boards are answered from their two rollups).
			for (LeaderboardKind kind : List.of(LeaderboardKind.VOLUNTEER_POINTS, LeaderboardKind.VOLUNTEER_HOURS)) {
				DomainException busy = catchThrowableOfType(DomainException.class,
						() -> service.read(1L, kind, LeaderboardPeriod.ALL, Board.ScopeType.ORG, center, 10));
				assertThat(busy).as(kind.name()).isNotNull();
				assertThat(busy.code()).isEqualTo(LeaderboardError.LEADERBOARD_BUSY);
			}
		}
		finally {
			dead.destroy();
		}
	}

	/**
	 * 100,000 volunteers over the stations, each with one award this year (1 to 977 points: many
	 * ties), written as the seeder does: users, volunteers and ledger by SQL, the rollup by the same
	 * statement as its backfill. Returns the first user id (they are consecutive).
	 */
	private long seedCounty(List<Long> stations) {
		String token = Fixtures.unique("b");
		Timestamp now = Timestamp.from(this.clock.instant());
		String digits = "(SELECT 0 AS d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 "
				+ "UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9)";
		this.jdbc.update("INSERT INTO app_user (openid, created_at, updated_at) SELECT CONCAT(?, '-', "
				+ "a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d), ?, ? FROM " + digits + " a CROSS JOIN " + digits
				+ " b CROSS JOIN " + digits + " c CROSS JOIN " + digits + " e CROSS JOIN " + digits + " f", token, now, now);
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
		this.jdbc.update("INSERT INTO points_entry (user_id, delta, balance_after, business_type, business_id, reason, "
				+ "created_at) SELECT u.id, MOD(u.id * 7919, 977) + 1, MOD(u.id * 7919, 977) + 1, 'ACTIVITY_HOURS', "
				+ "CONCAT(?, u.id), '活动服务时长', ? FROM app_user u WHERE u.id BETWEEN ? AND ?", token, now, first, last);
		for (String[] period : new String[][] { { "WEEK", "DATE_FORMAT(x.created_at + INTERVAL 8 HOUR, '%x-W%v')" },
				{ "MONTH", "DATE_FORMAT(x.created_at + INTERVAL 8 HOUR, '%Y-%m')" },
				{ "YEAR", "DATE_FORMAT(x.created_at + INTERVAL 8 HOUR, '%Y')" }, { "ALL", "'all'" } }) {
			this.jdbc.update(ROLLUP.formatted(period[0], period[1]), first, last);
		}
		return first;
	}

	/** V27's backfill for a range of users and a period (only awards here, so earned = delta). */
	private static final String ROLLUP = """
			INSERT INTO points_rollup (period, period_value, user_id, earned, delta, debt_change, entries)
			SELECT '%s', %s AS period_value, x.user_id, SUM(x.delta), SUM(x.delta), SUM(x.debt_change), COUNT(*)
			FROM points_entry x WHERE x.user_id BETWEEN ? AND ?
			GROUP BY x.user_id, period_value""";

	/** The board by SQL over the ledger: user → points of the county's volunteers. */
	private Map<Long, Double> expectedBoard(long center) {
		Map<Long, Double> board = new HashMap<>();
		this.jdbc.query("SELECT e.user_id, SUM(e.delta) FROM points_entry e JOIN volunteer v ON v.user_id = e.user_id "
				+ "JOIN org_unit u ON u.id = v.home_station_id AND u.path LIKE CONCAT('/', ?, '/%') "
				+ "WHERE e.business_type = 'ACTIVITY_HOURS' GROUP BY e.user_id", rs -> {
					board.put(rs.getLong(1), rs.getDouble(2));
				}, center);
		return board;
	}

	private List<LeaderboardScenario.Rank> expectedTop(long center) {
		return ranked(center).subList(0, 150);
	}

	private LeaderboardScenario.Rank expectedRank(long center, long user) {
		return ranked(center).stream().filter(r -> r.id() == user).findFirst().orElseThrow();
	}

	private List<LeaderboardScenario.Rank> ranked(long center) {
		List<Map.Entry<Long, Double>> all = new ArrayList<>(expectedBoard(center).entrySet());
		all.sort(Map.Entry.<Long, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
		List<LeaderboardScenario.Rank> ranks = new ArrayList<>();
		for (int i = 0; i < all.size(); i++) {
			int rank = (i > 0 && all.get(i - 1).getValue().equals(all.get(i).getValue())) ? ranks.get(i - 1).rank() : i + 1;
			ranks.add(new LeaderboardScenario.Rank(rank, all.get(i).getKey(),
					java.math.BigDecimal.valueOf(all.get(i).getValue()).setScale(2, java.math.RoundingMode.HALF_UP)));
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
					answers.add(service.read(caller, LeaderboardKind.VOLUNTEER_POINTS, LeaderboardPeriod.YEAR,
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
