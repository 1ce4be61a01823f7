package cn.wenming.practice.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import cn.wenming.practice.points.PointsBalance;
import cn.wenming.practice.points.PointsWallet;
import cn.wenming.practice.shared.OpsMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Brings Redis back to MySQL for redemptions, in three steps:
 * <ol>
 * <li>dead redemptions: a hold or a PENDING claim older than {@code stale-after} belongs to a request
 * that failed without undoing (Redis or the process went away). If MySQL has the order, the hold is
 * released; otherwise the claim is deleted and the reservation undone (both once: keyed on the hold
 * and on the PENDING state);</li>
 * <li>stock and per-person counts of every loaded reward, replaced by MySQL's when they differ;</li>
 * <li>cached balances, replaced by MySQL's when they differ.</li>
 * </ol>
 * Steps 2 and 3 replace a value only through a compare-and-set script that refuses if the key
 * changed since it was read or a redemption is in flight on it (the in-flight counter or holds),
 * so a repair never races a redemption into a wrong value: what it skips, the next run repairs.
 */
@Component
class RedemptionReconciler {

	private static final Logger log = LoggerFactory.getLogger(RedemptionReconciler.class);

	private final RedemptionStore store;

	private final RedemptionMapper orders;

	private final RewardMapper rewards;

	private final PointsWallet points;

	private final RedemptionProperties properties;

	private final Clock clock;

	RedemptionReconciler(RedemptionStore store, RedemptionMapper orders, RewardMapper rewards,
			PointsWallet points, RedemptionProperties properties, Clock clock) {
		this.store = store;
		this.orders = orders;
		this.rewards = rewards;
		this.points = points;
		this.properties = properties;
		this.clock = clock;
	}

	/** What a run repaired. */
	record Result(int deadRedemptions, int rewardsRepaired, int balancesRepaired) {
	}

	Result reconcile() {
		return reconcile(this.properties.staleAfter());
	}

	/** {@code staleAfter}: how old an unfinished redemption must be to count as dead (tests pass zero). */
	Result reconcile(Duration staleAfter) {
		Instant cutoff = this.clock.instant().minus(staleAfter);
		int dead = finishDeadRedemptions(cutoff);
		int rewardsRepaired = 0;
		for (long rewardId : this.store.idsWithPrefix(RedemptionStore.REWARD, 'r')) {
			rewardsRepaired += repairReward(rewardId) ? 1 : 0;
		}
		int balancesRepaired = 0;
		for (long userId : this.store.idsWithPrefix(PointsWallet.BALANCE_KEY_PREFIX, 'u')) {
			balancesRepaired += repairBalance(userId) ? 1 : 0;
		}
		OpsMetrics.ledgerRepaired("redis_stock", rewardsRepaired);
		OpsMetrics.ledgerRepaired("redis_balance", balancesRepaired);
		OpsMetrics.ledgerRepaired("dead_redemption", dead);
		if (dead + rewardsRepaired + balancesRepaired > 0) {
			log.warn("Redemption reconciliation: {} dead redemptions finished, {} rewards and {} balances repaired in Redis",
					dead, rewardsRepaired, balancesRepaired);
		}
		return new Result(dead, rewardsRepaired, balancesRepaired);
	}

	/**
	 * Step 1 alone, for the frequent job: a request that died (its instance killed, say) holds its
	 * user's idempotency key and its Redis reservation until this runs, so it runs every
	 * {@code dead-check-delay} (30 s) rather than with the full reconciliation every 10 minutes; it
	 * reads only the holds and the stale claims, never every cached balance.
	 */
	int finishDead(Duration staleAfter) {
		int dead = finishDeadRedemptions(this.clock.instant().minus(staleAfter));
		if (dead > 0) {
			OpsMetrics.ledgerRepaired("dead_redemption", dead);
			log.warn("Redemption check: {} dead redemptions finished", dead);
		}
		return dead;
	}

	int finishDead() {
		return finishDead(this.properties.staleAfter());
	}

	private int finishDeadRedemptions(Instant cutoff) {
		int finished = 0;
		for (long userId : this.store.idsWithPrefix(RedemptionStore.HOLD, 'u')) {
			for (Map.Entry<String, String> hold : this.store.holds(userId).entrySet()) {
				String[] parts = hold.getValue().split(":");
				if (parts.length < 4 || Long.parseLong(parts[3]) > cutoff.toEpochMilli()) {
					continue;
				}
				long redemptionId = Long.parseLong(hold.getKey());
				long rewardId = Long.parseLong(parts[1]);
				Redemption order = this.orders.selectById(redemptionId);
				if (order != null && order.getStatus() != RedemptionStatus.PENDING) {
					// Committed; only the after-commit release was lost.
					finished += this.store.release(redemptionId, userId, rewardId, this.points.balance(userId)) ? 1 : 0;
				}
				else if (order == null || this.orders.release(redemptionId) == 1) {
					finished += this.store.undo(redemptionId, userId, rewardId) ? 1 : 0;
				}
			}
		}
		// Claims of requests that died before reserving anything.
		for (Redemption claim : this.orders.stalePending(cutoff, 500)) {
			finished += this.orders.release(claim.getId());
		}
		return finished;
	}

	private boolean repairReward(long rewardId) {
		Map<String, String> cached = this.store.rewardHash(rewardId);
		if (!cached.containsKey("s") || !"0".equals(cached.getOrDefault("p", "0"))) {
			return false;
		}
		// Read after Redis: a redemption finished before that read has committed, so MySQL shows it.
		Reward reward = this.rewards.find(rewardId);
		if (reward == null) {
			return false;
		}
		List<RewardMapper.UserCount> counts = this.rewards.countsOf(rewardId);
		boolean same = Integer.toString(reward.getStock()).equals(cached.get("s"));
		for (RewardMapper.UserCount count : counts) {
			String redis = cached.get("u" + count.userId());
			same &= (redis == null) || redis.equals(Integer.toString(count.redeemed()));
		}
		if (same) {
			return false;
		}
		log.warn("Reward {} drifted in Redis (stock {} vs MySQL {}): repairing", rewardId, cached.get("s"),
				reward.getStock());
		return this.store.repairReward(rewardId, cached.get("n"), reward.getStock(), counts);
	}

	private boolean repairBalance(long userId) {
		Map<String, String> cached = this.store.balanceHash(userId);
		if (!cached.containsKey("b") || !this.store.holds(userId).isEmpty()) {
			return false;
		}
		PointsBalance balance = this.points.balance(userId);
		if (cached.get("b").equals(Integer.toString(balance.balance()))) {
			return false;
		}
		log.warn("Points balance of user {} drifted in Redis ({} vs MySQL {}): repairing", userId, cached.get("b"),
				balance.balance());
		return this.store.repairBalance(userId, cached.get("b"), cached.get("v"), balance);
	}

}
