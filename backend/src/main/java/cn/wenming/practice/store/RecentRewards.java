package cn.wenming.practice.store;

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

	private final RewardCache<Reward> cache;

	RecentRewards(RewardMapper rewards, RedemptionProperties properties) {
		this.rewards = rewards;
		this.cache = new RewardCache<>(properties);
	}

	/** The reward, or null when there is none; callers must not change the returned row. */
	Reward find(long rewardId) {
		return this.cache.get(rewardId, this.rewards::selectById);
	}

	void forget(long rewardId) {
		this.cache.forget(rewardId);
	}

}
