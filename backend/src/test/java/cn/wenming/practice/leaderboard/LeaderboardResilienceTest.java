package cn.wenming.practice.leaderboard;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Consumer;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.org.OrgDirectory;
import cn.wenming.practice.team.TeamDirectory;
import cn.wenming.practice.testinfra.HeavyTest;
import cn.wenming.practice.testinfra.MutableClock;
import cn.wenming.practice.testinfra.RedisCluster;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.jedis.JedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Redis trouble never produces a wrong or empty board: with Redis down the answer is computed from
 * MySQL; after FLUSHALL or a restart of a PRIVATE redis-server (started here, never the shared one)
 * many concurrent readers all get the full board and it is built once; a change committed while a
 * board is being built is not lost. The service is wired by hand to the private or dead Redis.
 */
@IntegrationTest
@HeavyTest
class LeaderboardResilienceTest {

	@LocalServerPort
	int port;

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

	@Autowired
	Clock appClock;

	@Scenario
	LeaderboardScenario s;

	@BeforeEach
	void setUp() {
		this.s.volunteers("张三丰", this.s.s1, "李四", this.s.s1, "王五", this.s.s2, "赵六", this.s.s3);
		long project = this.s.project(this.s.s1, null);
		long activity = this.s.activity(project, this.s.s1, this.clock.instant().minusSeconds(3600), true);
		this.s.serve(0, activity, "3");
		this.s.serve(1, activity, "3");
		this.s.serve(2, activity, "5");
	}

	/** The board as the service answers it, as comparable rows. */
	private static List<LeaderboardScenario.Rank> rows(LeaderboardService.View view) {
		return view.entries().stream()
			.map(r -> new LeaderboardScenario.Rank(r.rank(), r.id(),
					java.math.BigDecimal.valueOf(r.score()).setScale(2, java.math.RoundingMode.HALF_UP)))
			.toList();
	}

	private LeaderboardService service(LeaderboardStore store) {
		return new LeaderboardService(this.source, store, this.preferences, this.access, this.org, this.teams,
				this.appClock, java.time.Duration.ZERO);
	}

	@Test
	void withRedisDownTheBoardIsRankedFromMySql() {
		var dead = new JedisConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 1));
		dead.afterPropertiesSet();
		dead.start();
		try {
			LeaderboardService service = service(new LeaderboardStore(new StringRedisTemplate(dead)));
			for (String period : List.of("WEEK", "ALL")) {
				LeaderboardService.View view = service.read(this.s.user(1), LeaderboardKind.VOLUNTEER_POINTS,
						LeaderboardPeriod.valueOf(period), Board.ScopeType.ORG, this.s.center, 50);
				assertThat(view.fromRedis()).isFalse();
				List<LeaderboardScenario.Rank> expected = this.s.expected("VOLUNTEER_POINTS", period, "ORG",
						this.s.center);
				assertThat(expected).hasSize(3);
				assertThat(rows(view)).isEqualTo(expected);
				assertThat(view.me().rank()).isEqualTo(2);
				assertThat(view.me().name()).isEqualTo("李*");
			}
			// An update with Redis down fails inside the after-commit listener only.
			assertThat(catchThrowable(
					() -> service.refresh(LeaderboardKind.VOLUNTEER_HOURS, this.s.user(0))))
				.isNotNull();
		}
		finally {
			dead.destroy();
		}
	}

	@Test
	void afterFlushAllAndARestartConcurrentReadersGetTheFullBoardBuiltOnce() throws Exception {
		int redisPort = freePort();
		Process redis = startRedis(redisPort);
		JedisConnectionFactory factory = factory(redisPort);
		try {
			StringRedisTemplate template = new StringRedisTemplate(factory);
			AtomicInteger builds = new AtomicInteger();
			LeaderboardStore counting = new LeaderboardStore(template) {
				@Override
				boolean buildStreaming(Board board, Consumer<Consumer<Map<Long, Double>>> content,
						Function<Set<Long>, Map<Long, Double>> recompute, boolean replace) {
					return super.buildStreaming(board, sink -> {
						builds.incrementAndGet();
						// A slow MySQL read, so the readers pile up on the miss.
						sleep(300);
						content.accept(sink);
					}, recompute, replace);
				}
			};
			LeaderboardService service = service(counting);
			List<LeaderboardScenario.Rank> expected = this.s.expected("VOLUNTEER_HOURS", "MONTH", "ORG", this.s.i1);
			assertThat(expected).extracting(LeaderboardScenario.Rank::rank).containsExactly(1, 2, 2);

			assertThat(concurrentReads(service, 1)).allSatisfy(rows -> assertThat(rows).isEqualTo(expected));
			assertThat(builds).hasValue(1);

			template.execute((org.springframework.data.redis.core.RedisCallback<Object>) connection -> {
				connection.serverCommands().flushAll();
				return null;
			});
			assertThat(concurrentReads(service, 24)).allSatisfy(rows -> assertThat(rows).isEqualTo(expected));
			assertThat(builds).hasValue(2);

			// A restart (a new, empty server on the same port).
			redis.destroy();
			assertThat(redis.waitFor(10, TimeUnit.SECONDS)).isTrue();
			redis = startRedis(redisPort);
			assertThat(concurrentReads(service, 24)).allSatisfy(rows -> assertThat(rows).isEqualTo(expected));
			assertThat(builds).hasValue(3);
			LeaderboardService.View last = service.read(this.s.user(0), LeaderboardKind.VOLUNTEER_HOURS,
					LeaderboardPeriod.MONTH, Board.ScopeType.ORG, this.s.i1, 50);
			assertThat(last.fromRedis()).isTrue();
		}
		finally {
			factory.destroy();
			redis.destroy();
		}
	}

	@Test
	void aChangeCommittedWhileTheBoardIsBeingBuiltIsNotLost() throws Exception {
		int redisPort = freePort();
		Process redis = startRedis(redisPort);
		JedisConnectionFactory factory = factory(redisPort);
		try {
			LeaderboardStore store = new LeaderboardStore(new StringRedisTemplate(factory));
			LeaderboardService service = service(store);
			Board board = new Board(LeaderboardKind.VOLUNTEER_HOURS, LeaderboardPeriod.ALL.window(this.clock.instant()),
					new Board.Scope(Board.ScopeType.ORG, this.s.center));
			boolean built = store.build(board, () -> {
				// The build has read MySQL ...
				Map<Long, Double> snapshot = this.source.board(board);
				// ... then more hours commit and their after-commit update arrives before the RENAME.
				long activity = this.s.activity(this.s.project(this.s.s3, null), this.s.s3,
						this.clock.instant().minusSeconds(60), true);
				this.s.serve(3, activity, "9");
				service.refresh(LeaderboardKind.VOLUNTEER_HOURS, this.s.user(3));
				return snapshot;
			}, ids -> this.source.scores(board.kind(), board.window(), ids), false);
			assertThat(built).isTrue();
			List<LeaderboardScenario.Rank> expected = this.s.expected("VOLUNTEER_HOURS", "ALL", "ORG", this.s.center);
			assertThat(expected.get(0).id()).isEqualTo(this.s.user(3));
			assertThat(rows(service.read(this.s.user(0), LeaderboardKind.VOLUNTEER_HOURS, LeaderboardPeriod.ALL,
					Board.ScopeType.ORG, this.s.center, 50))).isEqualTo(expected);
			assertThat(store.members(board)).containsEntry(this.s.user(3), 9.0);
		}
		finally {
			factory.destroy();
			redis.destroy();
		}
	}

	private List<List<LeaderboardScenario.Rank>> concurrentReads(LeaderboardService service, int readers)
			throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(readers);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<List<LeaderboardScenario.Rank>>> futures = new ArrayList<>();
			for (int i = 0; i < readers; i++) {
				long caller = this.s.user(i % 4);
				Callable<List<LeaderboardScenario.Rank>> read = () -> {
					start.await();
					return rows(service.read(caller, LeaderboardKind.VOLUNTEER_HOURS, LeaderboardPeriod.MONTH,
							Board.ScopeType.ORG, this.s.i1, 50));
				};
				futures.add(pool.submit(read));
			}
			start.countDown();
			List<List<LeaderboardScenario.Rank>> results = new ArrayList<>();
			for (Future<List<LeaderboardScenario.Rank>> future : futures) {
				results.add(future.get(60, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			pool.shutdownNow();
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
		try {
			RedisCluster.awaitListening(port);
			return process;
		}
		catch (RuntimeException notStarted) {
			process.destroy();
			throw new IllegalStateException("redis-server did not start on port " + port, notStarted);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
