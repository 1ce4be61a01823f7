package cn.wenming.practice.store;

import java.time.Duration;
import java.util.function.LongFunction;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Something read about a reward, kept per reward for {@code app.points.redemption.reward-cache-ttl}
 * (at most 10,000 rewards); a zero TTL keeps nothing, so every call reads. A null read is not kept.
 */
final class RewardCache<V> {

	/** Null when the TTL is zero. */
	private final Cache<Long, V> cache;

	RewardCache(RedemptionProperties properties) {
		Duration ttl = properties.rewardCacheTtl();
		this.cache = ttl.isZero() ? null : Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(10_000).build();
	}

	/** The kept value, or what {@code read} answers now (kept unless null). */
	V get(long rewardId, LongFunction<V> read) {
		return (this.cache == null) ? read.apply(rewardId) : this.cache.get(rewardId, read::apply);
	}

	/** False when the TTL is zero: every {@link #get} reads. */
	boolean keeps() {
		return this.cache != null;
	}

	/** The kept value, or null; never reads. */
	V kept(long rewardId) {
		return (this.cache == null) ? null : this.cache.getIfPresent(rewardId);
	}

	/** Keeps a value read just now in place of the kept one. */
	void keep(long rewardId, V value) {
		if (this.cache != null) {
			this.cache.put(rewardId, value);
		}
	}

	void forget(long rewardId) {
		if (this.cache != null) {
			this.cache.invalidate(rewardId);
		}
	}

}
