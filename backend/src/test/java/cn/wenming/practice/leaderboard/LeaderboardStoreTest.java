package cn.wenming.practice.leaderboard;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import cn.wenming.practice.testinfra.Infrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.jedis.JedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page cut inside a large tie: the members shown are the tied ones with the lowest ids, as the
 * ranking rule says, found by an ordered range rather than by reading every tied member. Ids of
 * different lengths on purpose: by plain strings "1000" < "300" < "40" < "5", which would pick the
 * wrong ones. Against the test Redis, on a board of its own.
 */
class LeaderboardStoreTest {

	JedisConnectionFactory factory;

	StringRedisTemplate redis;

	LeaderboardStore store;

	Board board;

	@BeforeEach
	void setUp() {
		Map<String, Object> servers = Infrastructure.serverProperties();
		String host = env("SPRING_DATA_REDIS_HOST", servers.get("spring.data.redis.host"));
		int port = Integer.parseInt(env("SPRING_DATA_REDIS_PORT", servers.getOrDefault("spring.data.redis.port", 6379)));
		RedisStandaloneConfiguration config = new RedisStandaloneConfiguration(host, port);
		config.setDatabase(Integer.parseInt(env("SPRING_DATA_REDIS_DATABASE", 0)));
		this.factory = new JedisConnectionFactory(config);
		this.factory.afterPropertiesSet();
		this.factory.start();
		this.redis = new StringRedisTemplate(this.factory);
		this.store = new LeaderboardStore(this.redis);
		this.board = new Board(LeaderboardKind.VOLUNTEER_HOURS, LeaderboardPeriod.ALL.window(Instant.now()),
				new Board.Scope(Board.ScopeType.ORG, -ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE)));
	}

	@AfterEach
	void tearDown() {
		this.redis.delete(this.board.key());
		this.factory.destroy();
	}

	private static String env(String name, Object fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : String.valueOf(fallback);
	}

	@Test
	void aPageCutInsideATieShowsTheTiedMembersWithTheLowestIds() {
		Map<Long, Double> scores = new LinkedHashMap<>();
		scores.put(2L, 20.0);
		for (long id : List.of(1000L, 300L, 40L, 7L, 5L, 123456789012L, 9L)) {
			scores.put(id, 10.0);
		}
		scores.put(8L, 1.0);
		assertThat(this.store.build(this.board, () -> scores, ids -> Map.of(), true)).isTrue();

		LeaderboardStore.Read read = this.store.read(this.board, 4, 1000L);
		assertThat(Ranked.rank(read.top(), 4)).containsExactly(new Ranked.Entry(1, 2, 20.0),
				new Ranked.Entry(2, 5, 10.0), new Ranked.Entry(2, 7, 10.0), new Ranked.Entry(2, 9, 10.0));
		// The page's slice (4) and the 3 tied members that fill it, never the whole tie of 7.
		assertThat(read.top()).hasSizeLessThanOrEqualTo(7);
		assertThat(read.own()).isEqualTo(new Ranked.Entry(2, 1000, 10.0));

		// The whole board, and members as stored, decode to the ids and scores built.
		assertThat(this.store.members(this.board)).isEqualTo(scores);
		assertThat(Ranked.rank(this.store.read(this.board, 100, null).top(), 100)).hasSize(scores.size())
			.extracting(Ranked.Entry::id).containsExactly(2L, 5L, 7L, 9L, 40L, 300L, 1000L, 123456789012L, 8L);
		// An update lands on the right member.
		assertThat(this.store.put(this.board, 123456789012L, 30.0)).isEqualTo(1L);
		assertThat(this.store.read(this.board, 1, 123456789012L).own()).isEqualTo(new Ranked.Entry(1, 123456789012L, 30.0));
	}

	@Test
	void membersEncodeInNumericOrder() {
		List<Long> ids = List.of(0L, 9L, 10L, 99L, 100L, 4_294_967_296L, Long.MAX_VALUE);
		for (int i = 1; i < ids.size(); i++) {
			assertThat(LeaderboardStore.member(ids.get(i - 1))).isLessThan(LeaderboardStore.member(ids.get(i)));
			assertThat(LeaderboardStore.id(LeaderboardStore.member(ids.get(i)))).isEqualTo(ids.get(i));
		}
		assertThat(LeaderboardStore.member(Long.MAX_VALUE)).isLessThan(LeaderboardStore.SENTINEL);
	}

}
