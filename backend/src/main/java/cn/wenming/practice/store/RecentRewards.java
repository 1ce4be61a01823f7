package cn.wenming.practice.store;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Component;

/**
 * The reward rows redemptions read, kept for {@code app.points.redemption.reward-cache-ttl} (default
 * 1 s): a burst on one reward would otherwise read the same row once per request. After it is
 * created a reward row changes only by its withdrawal (ACTIVE → WITHDRAWN, once); this instance
 * forgets a reward it withdrew at once, the others within the TTL — no wider a window than the one a
 * redemption that read the row just before the withdrawal committed has anyway. Stock, limits and
 * balances never come from here: Redis and MySQL's guarded updates decide them. Unknown ids are not
 * kept (a reward created a moment later is found).
 */
@Component
class RecentRewards {

	private final RewardMapper rewards;

	/** Null when the TTL is zero: every redemption reads the row. */
	private final Cache<Long, Reward> cache;

	RecentRewards(RewardMapper rewards, RedemptionProperties properties) {
		this.rewards = rewards;
		Duration ttl = properties.rewardCacheTtl();
		this.cache = ttl.isZero() ? null : Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(10_000).build();
	}

	/** The reward, or null when there is none; callers must not change the returned row. */
	Reward find(long rewardId) {
		return (this.cache == null) ? this.rewards.selectById(rewardId)
				: this.cache.get(rewardId, this.rewards::selectById);
	}

	void forget(long rewardId) {
		if (this.cache != null) {
			this.cache.invalidate(rewardId);
		}
	}

}
