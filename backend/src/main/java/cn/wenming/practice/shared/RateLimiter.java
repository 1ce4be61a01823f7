package cn.wenming.practice.shared;

import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Token buckets in Redis, shared by every instance: a bucket of {@code capacity} tokens refilled
 * evenly over {@code refillPeriod}; each call takes one token or is told how long to wait.
 * <p>
 * One Lua script per call (read, refill, take, write, expire), so two instances racing on one key
 * cannot both take the last token. A small script rather than bucket4j's Redis integration: it is
 * twenty lines on the Redis client already in use (Jedis through Spring Data), needs no further
 * dependency, and time comes from the application's clock, which tests move.
 * <p>
 * When Redis cannot be reached the call is allowed (fail open: a lost Redis must not lock every
 * resident out of login), logged, and counted in {@code app.rate_limit.fallbacks}.
 */
@Component
public class RateLimiter {

	private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

	/** ARGV: capacity, tokens per millisecond, now (ms). Returns 0 when a token was taken, else the wait in ms. */
	private static final RedisScript<Long> TAKE = RedisScript.of("""
			local cap = tonumber(ARGV[1])
			local rate = tonumber(ARGV[2])
			local now = tonumber(ARGV[3])
			local b = redis.call('HMGET', KEYS[1], 't', 'ts')
			local tokens = tonumber(b[1])
			local ts = tonumber(b[2])
			if tokens == nil or ts == nil then tokens = cap; ts = now end
			if now > ts then tokens = math.min(cap, tokens + (now - ts) * rate) end
			local wait = 0
			if tokens >= 1 then tokens = tokens - 1 else wait = math.ceil((1 - tokens) / rate) end
			redis.call('HSET', KEYS[1], 't', tostring(tokens), 'ts', tostring(math.max(now, ts)))
			redis.call('PEXPIRE', KEYS[1], math.ceil(cap / rate) + 1000)
			return wait
			""", Long.class);

	private final StringRedisTemplate redis;

	private final MeterRegistry meters;

	private final Clock clock;

	RateLimiter(StringRedisTemplate redis, MeterRegistry meters, Clock clock) {
		this.redis = redis;
		this.meters = meters;
		this.clock = clock;
	}

	/**
	 * Takes a token from the bucket at {@code key} (the caller's module owns the key's prefix).
	 * Returns {@link Duration#ZERO} when allowed, else how long until a token is free.
	 */
	public Duration take(String key, Bucket bucket) {
		double perMilli = bucket.capacity() / (double) Math.max(1, bucket.refillPeriod().toMillis());
		try {
			Long wait = this.redis.execute(TAKE, java.util.List.of(key), Integer.toString(bucket.capacity()),
					Double.toString(perMilli), Long.toString(this.clock.millis()));
			return (wait == null || wait <= 0) ? Duration.ZERO : Duration.ofMillis(wait);
		}
		catch (DataAccessException ex) {
			log.warn("Rate limit {} not checked, Redis unavailable ({}): allowed", key.replaceAll(":[^:]*$", ":*"),
					ex.getClass().getSimpleName());
			this.meters.counter(OpsMetrics.RATE_LIMIT_FALLBACKS, "bucket", key.replaceAll(":[^:]*$", "")).increment();
			OpsMetrics.redisFallback("rate_limit");
			return Duration.ZERO;
		}
	}

	/**
	 * Like {@link #take}, but fails closed: when Redis cannot be reached the call is refused with
	 * {@code SERVICE_UNAVAILABLE} (HTTP 503, {@code Retry-After}) instead of let through. For limits
	 * that guard a cost outside this service (each photo upload spends WeChat's mediaCheckAsync
	 * quota and disk), where an unchecked flood during an outage would do lasting harm, while a
	 * refused call is simply retried by the client.
	 */
	public Duration takeOrUnavailable(String key, Bucket bucket) {
		double perMilli = bucket.capacity() / (double) Math.max(1, bucket.refillPeriod().toMillis());
		try {
			Long wait = this.redis.execute(TAKE, java.util.List.of(key), Integer.toString(bucket.capacity()),
					Double.toString(perMilli), Long.toString(this.clock.millis()));
			return (wait == null || wait <= 0) ? Duration.ZERO : Duration.ofMillis(wait);
		}
		catch (DataAccessException ex) {
			log.warn("Rate limit {} not checked, Redis unavailable ({}): refused", key.replaceAll(":[^:]*$", ":*"),
					ex.getClass().getSimpleName());
			throw new DomainException(CommonError.SERVICE_UNAVAILABLE);
		}
	}

	/** Counts a refusal in {@code app.rate_limit.refusals} by bucket name. */
	public void refused(String bucketName) {
		this.meters.counter(OpsMetrics.RATE_LIMIT_REFUSALS, "bucket", bucketName).increment();
	}

	/**
	 * A bucket's size: {@code capacity} calls at once, refilled evenly over {@code refillPeriod}
	 * (capacity 10 over 1 minute: a burst of 10, then one every 6 seconds).
	 */
	public record Bucket(int capacity, Duration refillPeriod) {

		public Bucket {
			if (capacity < 1 || refillPeriod == null || refillPeriod.isNegative() || refillPeriod.isZero()) {
				throw new IllegalArgumentException("A rate-limit bucket needs capacity >= 1 and a positive refill period");
			}
		}

	}

	/** Whole seconds to put into {@code Retry-After} (at least 1). */
	public static long retryAfterSeconds(Duration wait) {
		return Math.max(1, (wait.toMillis() + 999) / 1000);
	}

}
