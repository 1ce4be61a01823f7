package cn.wenming.practice.shared;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import cn.wenming.practice.IntegrationTest;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.jedis.JedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Redis connection pool as configured ({@code spring.data.redis.jedis.pool}): a bounded wait for
 * a connection. With the default (-1, wait forever) commons-pool2 2.13's {@code create()} busy-waits
 * while another thread opens a connection: 9 % of a freshly started server's samples under a
 * redemption burst (docs/performance.md §7, runs F1–F7).
 */
@IntegrationTest
class RedisPoolTest {

	@Autowired
	JedisConnectionFactory factory;

	@Autowired
	StringRedisTemplate redis;

	@Test
	void waitingForAConnectionIsBounded() {
		GenericObjectPoolConfig<?> pool = this.factory.getPoolConfig();
		assertThat(this.factory.getUsePool()).isTrue();
		assertThat(pool.getMaxWaitDuration()).isEqualTo(Duration.ofSeconds(2));
		assertThat(pool.getMaxTotal()).isEqualTo(16);
		assertThat(pool.getMaxIdle()).as("no connection closed on return under load").isEqualTo(pool.getMaxTotal());
	}

	@Test
	void manyThreadsAtOnceAllGetAnAnswer() throws Exception {
		// Four times more callers than connections: each waits its turn (bounded) and none fails.
		String key = "test:redis-pool:" + System.nanoTime();
		try (var threads = new AutoClosingPool(64)) {
			var calls = IntStream.range(0, 200)
				.mapToObj(i -> threads.submit(() -> this.redis.opsForValue().increment(key)))
				.toList();
			for (var call : calls) {
				assertThat(call.get()).isPositive();
			}
		}
		assertThat(this.redis.opsForValue().get(key)).isEqualTo("200");
		this.redis.delete(key);
	}

	/** A fixed pool closed (and drained) by try-with-resources on JDK 17. */
	private static final class AutoClosingPool extends ThreadPoolExecutor implements AutoCloseable {

		AutoClosingPool(int threads) {
			super(threads, threads, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
		}

		@Override
		public void close() {
			shutdown();
		}

	}

}
