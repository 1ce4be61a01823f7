package cn.wenming.practice.leaderboard;

import java.time.Clock;
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
import cn.wenming.practice.testinfra.HeavyTest;
import cn.wenming.practice.testinfra.MutableClock;
import cn.wenming.practice.testinfra.PrivateRedis;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
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
	Clock appClock;

	@Scenario
	HandWiredLeaderboards leaderboards;

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

	private LeaderboardService service(LeaderboardStore store) {
		return this.leaderboards.service(store, this.appClock);
	}

	@Test
	void withRedisDownTheBoardIsRankedFromMySql() {
		var dead = PrivateRedis.connect(1);
		try {
			LeaderboardService service = service(new LeaderboardStore(new StringRedisTemplate(dead)));
			for (String period : List.of("WEEK", "ALL")) {
				LeaderboardService.View view = service.read(this.s.user(1), LeaderboardKind.VOLUNTEER_POINTS,
						LeaderboardPeriod.valueOf(period), Board.ScopeType.ORG, this.s.center, 50);
				assertThat(view.fromRedis()).isFalse();
				List<LeaderboardScenario.Rank> expected = this.s.expected("VOLUNTEER_POINTS", period, "ORG",
						this.s.center);
				assertThat(expected).hasSize(3);
				assertThat(LeaderboardScenario.ranks(view)).isEqualTo(expected);
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
		try (PrivateRedis redis = PrivateRedis.start()) {
			StringRedisTemplate template = redis.template();
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
			assertThat(redis.stop()).isTrue();
			redis.startAgain();
			assertThat(concurrentReads(service, 24)).allSatisfy(rows -> assertThat(rows).isEqualTo(expected));
			assertThat(builds).hasValue(3);
			LeaderboardService.View last = service.read(this.s.user(0), LeaderboardKind.VOLUNTEER_HOURS,
					LeaderboardPeriod.MONTH, Board.ScopeType.ORG, this.s.i1, 50);
			assertThat(last.fromRedis()).isTrue();
		}
	}

	@Test
	void aChangeCommittedWhileTheBoardIsBeingBuiltIsNotLost() throws Exception {
		try (PrivateRedis redis = PrivateRedis.start()) {
			LeaderboardStore store = new LeaderboardStore(redis.template());
			LeaderboardService service = service(store);
			Board board = new Board(LeaderboardKind.VOLUNTEER_HOURS, LeaderboardPeriod.ALL.window(this.clock.instant()),
					new Board.Scope(Board.ScopeType.ORG, this.s.center));
			boolean built = store.build(board, () -> {
				// The build has read MySQL ...
				Map<Long, Double> snapshot = this.leaderboards.source.board(board);
				// ... then more hours commit and their after-commit update arrives before the RENAME.
				long activity = this.s.activity(this.s.project(this.s.s3, null), this.s.s3,
						this.clock.instant().minusSeconds(60), true);
				this.s.serve(3, activity, "9");
				service.refresh(LeaderboardKind.VOLUNTEER_HOURS, this.s.user(3));
				return snapshot;
			}, ids -> this.leaderboards.source.scores(board.kind(), board.window(), ids), false);
			assertThat(built).isTrue();
			List<LeaderboardScenario.Rank> expected = this.s.expected("VOLUNTEER_HOURS", "ALL", "ORG", this.s.center);
			assertThat(expected.get(0).id()).isEqualTo(this.s.user(3));
			assertThat(LeaderboardScenario.ranks(service.read(this.s.user(0), LeaderboardKind.VOLUNTEER_HOURS,
					LeaderboardPeriod.ALL, Board.ScopeType.ORG, this.s.center, 50))).isEqualTo(expected);
			assertThat(store.members(board)).containsEntry(this.s.user(3), 9.0);
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
					return LeaderboardScenario.ranks(service.read(caller, LeaderboardKind.VOLUNTEER_HOURS,
							LeaderboardPeriod.MONTH, Board.ScopeType.ORG, this.s.i1, 50));
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

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
