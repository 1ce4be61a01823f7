package cn.wenming.practice.leaderboard;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.PrivateRedis;

import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link LeaderboardBuildUnderReadsTest} (points) and {@link HoursBoardBuildUnderReadsTest}
 * (hours) share: a county of ten stations filled with volunteers by SQL, a private redis-server whose
 * SLOWLOG records every command over 100 ms, two readers that keep reading a board while it is built
 * or rebuilt, and the checks both make of the rebuild and of Redis. {@link #close()} stops the
 * readers and the server.
 */
final class BoardBuildUnderReads implements AutoCloseable {

	/** A center, an institute below it and ten stations below that. */
	record County(long center, List<Long> stations) {
	}

	private final String label;

	private final PrivateRedis redis;

	private final StringRedisTemplate template;

	private final LeaderboardStore store;

	private final ExecutorService readers = Executors.newFixedThreadPool(2);

	private BoardBuildUnderReads(String label, PrivateRedis redis) {
		this.label = label;
		this.redis = redis;
		this.template = redis.template();
		this.store = new LeaderboardStore(this.template);
	}

	/** Starts the private redis-server; {@code label} starts the lines printed (timings, slow commands). */
	static BoardBuildUnderReads start(String label) throws IOException, InterruptedException {
		BoardBuildUnderReads harness = new BoardBuildUnderReads(label, PrivateRedis.start());
		harness.template.execute((RedisCallback<Object>) c -> {
			c.serverCommands().setConfig("slowlog-log-slower-than", "100000");
			c.execute("SLOWLOG", "RESET".getBytes());
			return null;
		});
		return harness;
	}

	LeaderboardStore store() {
		return this.store;
	}

	StringRedisTemplate template() {
		return this.template;
	}

	/** Two threads reading {@code board}'s top 100 as {@code caller} until {@link Readers#stop()}. */
	Readers startReaders(LeaderboardService service, Board board, long caller) {
		return new Readers(service, board, caller);
	}

	void awaitBoard(Board board, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!this.store.exists(board)) {
			assertThat(System.nanoTime()).as("board built in time").isLessThan(deadline);
			Thread.sleep(20);
		}
	}

	/** Rebuild (replace): the readers are served the previous copy, {@code expectedTop}, throughout. */
	void rebuildWhileReading(LeaderboardService service, LeaderboardSource source, Board board, long caller,
			List<LeaderboardScenario.Rank> expectedTop) throws Exception {
		Readers reading = startReaders(service, board, caller);
		long started = System.nanoTime();
		assertThat(this.store.buildStreaming(board, sink -> source.stream(board, sink),
				ids -> source.scores(board.kind(), board.window(), ids), true)).isTrue();
		long rebuiltMillis = (System.nanoTime() - started) / 1_000_000;
		int reads = reading.stop();
		assertThat(reads).as("reads during the rebuild").isPositive();
		assertThat(reading.answers()).allSatisfy(view -> {
			assertThat(view.fromRedis()).isTrue();
			assertThat(LeaderboardScenario.ranks(view)).isEqualTo(expectedTop);
		});
		System.out.printf("[%s] rebuilt in %,d ms while %,d reads answered from the previous copy%n", this.label,
				rebuiltMillis, reads);
	}

	/** No Redis command took half the 2 s command timeout, and no temporary key is left. */
	void assertNoCommandNearTheTimeout() {
		List<?> slow = this.template.execute((RedisCallback<List<?>>) c -> (List<?>) c.execute("SLOWLOG",
				"GET".getBytes(), "1000".getBytes()));
		List<String> overHalfTimeout = new ArrayList<>();
		for (Object entry : slow) {
			List<?> fields = (List<?>) entry;
			long micros = (Long) fields.get(2);
			String command = new String((byte[]) ((List<?>) fields.get(3)).get(0), StandardCharsets.UTF_8);
			System.out.printf("[%s] Redis slowlog: %s took %,d µs%n", this.label, command, micros);
			if (micros >= 1_000_000) {
				overHalfTimeout.add(command + " " + micros + " µs");
			}
		}
		assertThat(overHalfTimeout).as("Redis commands taking half the 2 s command timeout").isEmpty();
		assertThat(this.template.keys("lbtmp:*")).isEmpty();
	}

	@Override
	public void close() {
		this.readers.shutdownNow();
		this.redis.close();
	}

	static County county(Fixtures fixtures) {
		long center = fixtures.unit(null, "CENTER", Fixtures.unique("中心"), 31.3, 119.8);
		long institute = fixtures.unit(center, "INSTITUTE", Fixtures.unique("所"), 31.3, 119.8);
		List<Long> stations = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			stations.add(fixtures.unit(institute, "STATION", Fixtures.unique("站"), 31.3, 119.8));
		}
		return new County(center, stations);
	}

	/**
	 * {@code members} (up to 100,000) users with consecutive ids and their volunteers, spread over the
	 * stations by id, by SQL. Returns the first user id.
	 */
	static long seedVolunteers(JdbcTemplate jdbc, String token, Timestamp now, List<Long> stations, int members) {
		String digits = "(SELECT 0 AS d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 "
				+ "UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9)";
		jdbc.update("INSERT INTO app_user (openid, created_at, updated_at) SELECT CONCAT(?, '-', "
				+ "a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d), ?, ? FROM " + digits + " a CROSS JOIN " + digits
				+ " b CROSS JOIN " + digits + " c CROSS JOIN " + digits + " e CROSS JOIN " + digits + " f "
				+ "WHERE a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d < ?", token, now, now, members);
		long first = jdbc.queryForObject("SELECT MIN(id) FROM app_user WHERE openid LIKE CONCAT(?, '-%')", Long.class,
				token);
		long last = jdbc.queryForObject("SELECT MAX(id) FROM app_user WHERE openid LIKE CONCAT(?, '-%')", Long.class,
				token);
		assertThat(last - first + 1).isEqualTo(members);
		StringBuilder stationOf = new StringBuilder("CASE MOD(u.id, 10)");
		for (int i = 0; i < stations.size(); i++) {
			stationOf.append(" WHEN ").append(i).append(" THEN ").append(stations.get(i));
		}
		stationOf.append(" END");
		jdbc.update("INSERT INTO volunteer (user_id, real_name, id_number_cipher, id_number_hash, id_number_masked, "
				+ "home_station_id, created_at, updated_at) SELECT u.id, '测试者', 'x', SHA2(CONCAT(?, u.id), 256), "
				+ "'3202**********0000', " + stationOf + ", ?, ? FROM app_user u WHERE u.id BETWEEN ? AND ?", token, now,
				now, first, last);
		return first;
	}

	/** A board (user → score) in rank order: highest score first, ties share a rank, then by user id. */
	static List<LeaderboardScenario.Rank> ranked(Map<Long, Double> board) {
		List<Map.Entry<Long, Double>> all = new ArrayList<>(board.entrySet());
		all.sort(Map.Entry.<Long, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
		List<LeaderboardScenario.Rank> ranks = new ArrayList<>();
		for (int i = 0; i < all.size(); i++) {
			int rank = (i > 0 && all.get(i - 1).getValue().equals(all.get(i).getValue())) ? ranks.get(i - 1).rank() : i + 1;
			ranks.add(new LeaderboardScenario.Rank(rank, all.get(i).getKey(),
					BigDecimal.valueOf(all.get(i).getValue()).setScale(2, RoundingMode.HALF_UP)));
		}
		return ranks;
	}

	/** Readers of one board; each read's answer is kept. */
	final class Readers {

		private final AtomicBoolean stop = new AtomicBoolean();

		private final ConcurrentLinkedQueue<LeaderboardService.View> answers = new ConcurrentLinkedQueue<>();

		private final List<Future<Integer>> futures = new ArrayList<>();

		private Readers(LeaderboardService service, Board board, long caller) {
			for (int i = 0; i < 2; i++) {
				this.futures.add(BoardBuildUnderReads.this.readers.submit(() -> {
					int reads = 0;
					do {
						this.answers.add(service.read(caller, board.kind(), board.window().period(), board.scope().type(),
								board.scope().id(), 100));
						reads++;
					}
					while (!this.stop.get());
					return reads;
				}));
			}
		}

		ConcurrentLinkedQueue<LeaderboardService.View> answers() {
			return this.answers;
		}

		/** Stops the readers; returns how many reads they made. */
		int stop() throws Exception {
			this.stop.set(true);
			int reads = 0;
			for (Future<Integer> future : this.futures) {
				reads += future.get(120, TimeUnit.SECONDS);
			}
			return reads;
		}

	}

}
