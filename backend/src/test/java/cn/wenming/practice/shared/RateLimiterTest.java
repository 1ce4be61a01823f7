package cn.wenming.practice.shared;

import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.jedis.JedisClientConfiguration;
import org.springframework.data.redis.connection.jedis.JedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** With Redis unreachable the limiter lets the call through (login must not fail with Redis), and counts it. */
class RateLimiterTest {

	@Test
	void redisDownFailsOpenAndIsCounted() throws Exception {
		// Port 1: nothing listens there, so every connection is refused at once.
		JedisConnectionFactory factory = new JedisConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 1),
				JedisClientConfiguration.builder().connectTimeout(Duration.ofMillis(200)).build());
		factory.afterPropertiesSet();
		factory.start();
		try {
			StringRedisTemplate redis = new StringRedisTemplate(factory);
			SimpleMeterRegistry meters = new SimpleMeterRegistry();
			RateLimiter limiter = new RateLimiter(redis, meters, Clock.systemUTC());
			RateLimiter.Bucket bucket = new RateLimiter.Bucket(1, Duration.ofHours(1));
			assertThat(limiter.take("auth:login-rate:10.0.0.1", bucket)).isEqualTo(Duration.ZERO);
			assertThat(limiter.take("auth:login-rate:10.0.0.1", bucket)).isEqualTo(Duration.ZERO);
			assertThat(meters.counter("app.rate_limit.fallbacks", "bucket", "auth:login-rate").count()).isEqualTo(2.0);
		}
		finally {
			factory.destroy();
		}
	}

}
