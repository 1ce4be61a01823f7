package cn.wenming.practice.store;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import cn.wenming.practice.points.PointsError;
import cn.wenming.practice.shared.CommonError;
import cn.wenming.practice.points.PointsBalance;
import cn.wenming.practice.points.PointsWallet;
import cn.wenming.practice.shared.DeadlockRetry;
import cn.wenming.practice.shared.DomainException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The redemption flow, without access checks (see {@link RedemptionService}):
 * <ol>
 * <li>claim (user, idempotency key) with a PENDING row, committed on its own: a second request with
 * the key finds it and waits for the first, or gets {@code IDEMPOTENCY_KEY_REUSED} for other input;</li>
 * <li>Redis checks and takes the balance (as a hold, on the user's slot) and then stock and the
 * per-person count (on the reward's slot; see {@link RedemptionStore}); Redis unreachable →
 * {@code SERVICE_UNAVAILABLE} (HTTP 503, the one outage code) and the claim is released — whatever the failed call left in Redis
 * is found by its hold and given back by the reconciler;</li>
 * <li>one MySQL transaction: the REDEMPTION ledger entry (guarded balance), the order issued with its
 * pickup code, the guarded per-person count and a guarded take from one of the reward's stock shards;
 * after commit the hold is released;</li>
 * <li>if anything after the reservation fails, Redis is given back (once, keyed on the hold and on
 * the reward's marker) and the
 * claim released. A crash in between leaves a hold and a PENDING claim that
 * {@link RedemptionReconciler} finishes the same way.</li>
 * </ol>
 * Cancelling and expiring go through {@link #closeAndRefund}: a guarded ISSUED → CANCELLED/EXPIRED
 * update, stock and count back, a REDEMPTION_REFUND entry, all in one transaction.
 */
@Component
class Redemptions {

	private static final Logger log = LoggerFactory.getLogger(Redemptions.class);

	private static final char[] CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final int RELEASE_ATTEMPTS = 60;

	private final RewardMapper rewards;

	private final RecentRewards recentRewards;

	private final ShardLevels shardLevels;

	private final RedemptionMapper orders;

	private final PointsWallet points;

	private final RedemptionStore store;

	private final RedemptionFaults faults;

	private final RedemptionProperties properties;

	private final Clock clock;

	private final TransactionTemplate tx;

	Redemptions(RewardMapper rewards, RecentRewards recentRewards, ShardLevels shardLevels, RedemptionMapper orders,
			PointsWallet points, RedemptionStore store, RedemptionFaults faults, RedemptionProperties properties,
			Clock clock, PlatformTransactionManager transactionManager) {
		this.rewards = rewards;
		this.recentRewards = recentRewards;
		this.shardLevels = shardLevels;
		this.orders = orders;
		this.points = points;
		this.store = store;
		this.faults = faults;
		this.properties = properties;
		this.clock = clock;
		this.tx = new TransactionTemplate(transactionManager);
	}

	/** Redeems for {@code userId}; the same key with the same input returns the first order. */
	Redemption redeem(long userId, long rewardId, int quantity, String idempotencyKey) {
		String requestHash = rewardId + ":" + quantity;
		Reward reward = this.recentRewards.find(rewardId);
		if (reward == null) {
			throw DomainException.notFound("礼品");
		}
		// A claim released by a failed first request may be taken again; bounded in case of a storm.
		for (int attempt = 0; attempt < 5; attempt++) {
			// The claim is inserted first: the unique (user, key) finds a repeated request, so the
			// usual first request costs no look-up.
			Redemption claim = newClaim(userId, reward, quantity, idempotencyKey, requestHash);
			if (claimed(claim)) {
				return run(claim, reward);
			}
			Redemption existing = this.orders.findByKey(userId, idempotencyKey);
			if (existing == null) {
				continue;
			}
			Redemption done = awaitFinished(existing, requestHash);
			if (done != null) {
				return done;
			}
		}
		throw new DomainException(CommonError.CONFLICT);
	}

	/**
	 * Inserts the claim; false when the user's key is taken (by an earlier request with it). A key
	 * released by a failed request leaves its delete-marked entry in uk_redemption_idempotency until
	 * purge: requests re-inserting it at once deadlock on it, and a victim, run again, finds the
	 * winner's claim (a duplicate), not CONFLICT.
	 */
	private boolean claimed(Redemption claim) {
		return DeadlockRetry.run(3, log, "Claiming idempotency key of user " + claim.getUserId(), () -> {
			try {
				this.orders.insertClaim(claim);
				return true;
			}
			catch (DuplicateKeyException ex) {
				return false;
			}
		});
	}

	/** The first request's order once it finished, or null when it failed (its claim is gone). */
	private Redemption awaitFinished(Redemption existing, String requestHash) {
		if (!existing.getRequestHash().equals(requestHash)) {
			throw new DomainException(CommonError.IDEMPOTENCY_KEY_REUSED);
		}
		Instant deadline = Instant.now().plusSeconds(10);
		Redemption current = existing;
		while (current != null && current.getStatus() == RedemptionStatus.PENDING) {
			if (Instant.now().isAfter(deadline)) {
				// Still running (or died; the reconciler will release it): the client retries later.
				throw new DomainException(CommonError.CONFLICT, "相同幂等键的请求仍在处理中，请稍后重试");
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new DomainException(CommonError.CONFLICT);
			}
			current = this.orders.selectById(existing.getId());
		}
		return current;
	}

	private Redemption newClaim(long userId, Reward reward, int quantity, String idempotencyKey, String requestHash) {
		Instant now = now();
		Redemption claim = new Redemption();
		claim.setUserId(userId);
		claim.setRewardId(reward.getId());
		claim.setStationId(reward.getStationId());
		claim.setQuantity(quantity);
		claim.setPoints(Math.multiplyExact(reward.getPricePoints(), quantity));
		claim.setIdempotencyKey(idempotencyKey);
		claim.setRequestHash(requestHash);
		claim.setStatus(RedemptionStatus.PENDING);
		claim.setCreatedAt(now);
		claim.setUpdatedAt(now);
		return claim;
	}

	private Redemption run(Redemption claim, Reward reward) {
		long id = claim.getId();
		long userId = claim.getUserId();
		int quantity = claim.getQuantity();
		Instant now = this.clock.instant();
		if (reward.getStatus() != RewardStatus.ACTIVE
				|| (reward.getAvailableFrom() != null && now.isBefore(reward.getAvailableFrom()))
				|| (reward.getAvailableUntil() != null && !now.isBefore(reward.getAvailableUntil()))) {
			releaseClaim(id);
			throw new DomainException(StoreError.REWARD_UNAVAILABLE);
		}
		if (quantity > reward.getPerPersonLimit()) {
			releaseClaim(id);
			throw new DomainException(StoreError.LIMIT_EXCEEDED);
		}
		boolean noCountYet = reserve(claim, reward);
		Issued issued;
		try {
			this.faults.afterReserve(id);
			issued = writeRetryingDeadlocks(claim, reward, noCountYet);
		}
		catch (RuntimeException ex) {
			giveBack(claim);
			throw ex;
		}
		// The committed row, as written (no read back): every time in it is whole seconds (see now()).
		claim.setStatus(RedemptionStatus.ISSUED);
		claim.setPickupCode(issued.pickupCode());
		claim.setExpiresAt(issued.expiresAt());
		claim.setUpdatedAt(issued.at());
		return claim;
	}

	/** What the MySQL half set on the order. */
	private record Issued(String pickupCode, Instant expiresAt, Instant at) {
	}

	/**
	 * Now to the second: the order is answered from memory, not read back, and must equal the stored
	 * row — which on MariaDB keeps no fraction (Connector/J sends DATETIME(3) values to a "5.5.5-"
	 * server as whole seconds) and on MySQL 8 keeps milliseconds.
	 */
	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
	}

	/**
	 * A redemption of a user whose other order is being cancelled or expiring at that moment may
	 * meet it on the account: MySQL then rolls one of them back whole as a deadlock victim, and it is
	 * simply run again (the Redis reservation stands). A redemption whose shard turned out empty
	 * ({@link ShardMissed}) is rolled back and run once more taking its stock from all shards.
	 */
	private Issued writeRetryingDeadlocks(Redemption claim, Reward reward, boolean noCountYet) {
		return DeadlockRetry.run(3, log, "Redemption " + claim.getId(), () -> {
			try {
				return this.tx.execute(status -> write(claim, reward, noCountYet, false));
			}
			catch (ShardMissed missed) {
				this.shardLevels.forget(reward.getId());
				return this.tx.execute(status -> write(claim, reward, noCountYet, true));
			}
		});
	}

	/**
	 * Takes the points and the stock in Redis. True when the user's side was read from MySQL just now
	 * and they had no count of the reward there: the MySQL half then most likely creates their count
	 * row, and tries that first.
	 */
	private boolean reserve(Redemption claim, Reward reward) {
		RedemptionStore.Outcome outcome;
		RedemptionStore.Snapshot loaded = null;
		try {
			outcome = this.store.reserve(claim.getId(), claim.getUserId(), reward.getId(), claim.getQuantity(),
					reward.getPerPersonLimit(), claim.getPoints(), RedemptionStore.Snapshot.NONE, this.clock.millis());
			int attempts = 0;
			boolean withStock = false;
			while ((outcome == RedemptionStore.Outcome.NEEDS_LOAD || outcome == RedemptionStore.Outcome.NEEDS_STOCK
					|| outcome == RedemptionStore.Outcome.STALE_LOAD) && attempts++ < 3) {
				// Redis lacks a key (a user it has not seen lately; a flush, restart or expiry): load it from
				// MySQL, read now. The reward's stock only when that is what is missing: in a burst every
				// redeemer is new to Redis, the reward is not.
				withStock |= outcome != RedemptionStore.Outcome.NEEDS_LOAD;
				loaded = snapshot(reward.getId(), claim.getUserId(), withStock);
				outcome = this.store.reserve(claim.getId(), claim.getUserId(), reward.getId(), claim.getQuantity(),
						reward.getPerPersonLimit(), claim.getPoints(), loaded, this.clock.millis());
			}
		}
		catch (RuntimeException ex) {
			// Redis unreachable (or timed out): nothing was taken there; refuse cleanly, with the outage
			// code every other Redis or MySQL failure answers (503, which the clients retry), not
			// UPSTREAM_UNAVAILABLE, which means WeChat (found by FaultDrillTest's Redis kill).
			log.warn("Redemption {} refused, Redis unavailable: {}", claim.getId(), ex.getClass().getSimpleName());
			releaseClaim(claim.getId());
			throw new DomainException(CommonError.SERVICE_UNAVAILABLE, "积分服务暂不可用，请稍后重试");
		}
		if (outcome != RedemptionStore.Outcome.RESERVED) {
			releaseClaim(claim.getId());
			throw switch (outcome) {
				case OUT_OF_STOCK -> new DomainException(StoreError.OUT_OF_STOCK);
				case LIMIT_EXCEEDED -> new DomainException(StoreError.LIMIT_EXCEEDED);
				case POINTS_INSUFFICIENT -> new DomainException(PointsError.POINTS_INSUFFICIENT);
				default -> new DomainException(CommonError.CONFLICT);
			};
		}
		return loaded != null && loaded.userCount() == 0;
	}

	/** What MySQL says of the user's side of a reservation, and of the reward's stock when asked. */
	private RedemptionStore.Snapshot snapshot(long rewardId, long userId, boolean withStock) {
		RewardMapper.StockLevel stock = withStock ? this.rewards.stockLevel(rewardId) : null;
		PointsBalance balance = this.points.balance(userId);
		int count = this.rewards.countOf(rewardId, userId);
		return (stock != null)
				? RedemptionStore.Snapshot.withStock((int) stock.stock(), stock.version(), count, balance.balance(),
						balance.version())
				: RedemptionStore.Snapshot.userSide(count, balance.balance(), balance.version());
	}

	/**
	 * The MySQL half: every guard again, so MySQL stays right whatever Redis said.
	 * <p>
	 * The user's own rows first (ledger entry and account, the order, the per-person count), the
	 * reward's stock last: the stock is what every redemption of the reward in a burst wants, and a
	 * row lock lasts until the commit, so the shard is held only for the commit. The stock is split
	 * over shard rows ({@code reward_stock}); a redemption takes its quantity from one shard that a
	 * plain read showed holding enough, picked at random, so a burst spreads over all of them instead
	 * of queueing for one row. The order and the count check their foreign key to the reward (a
	 * shared lock on its row): shared with every other redemption, and nothing in a redemption takes
	 * the reward row exclusively, so they wait for nobody.
	 */
	private Issued write(Redemption claim, Reward reward, boolean noCountYet, boolean allShards) {
		Instant now = now();
		long userId = claim.getUserId();
		// The balance the spend left (read under the account's lock), set with the hold's release.
		AtomicReference<PointsBalance> after = new AtomicReference<>();
		// Registered before the ledger's own refresh so the hold goes in the same step as the new balance.
		afterCommit(() -> {
			try {
				this.store.release(claim.getId(), userId, reward.getId(), after.get());
			}
			catch (RuntimeException ex) {
				log.warn("Could not release the Redis hold of redemption {}: {}", claim.getId(),
						ex.getClass().getSimpleName());
			}
		});
		after.set(this.points.spend(userId, claim.getPoints(), claim.getId(),
				"兑换 " + reward.getName() + " × " + claim.getQuantity()));
		Instant expiresAt = now.plus(Duration.ofDays(this.properties.pickupValidDays()));
		String pickupCode = newPickupCode();
		if (this.orders.issue(claim.getId(), pickupCode, expiresAt, now) == 0) {
			throw new DomainException(CommonError.CONFLICT);
		}
		count(reward, userId, claim.getQuantity(), noCountYet);
		if (allShards) {
			takeFromAllShards(reward.getId(), claim.getQuantity());
		}
		else {
			takeFromOneShard(reward.getId(), claim.getQuantity());
		}
		return new Issued(pickupCode, expiresAt, now);
	}

	/**
	 * Counts the redemption against the per-person limit, guarded. A user's first redemption of the
	 * reward (as MySQL said when Redis loaded them) creates the row with its quantity — one statement;
	 * should a row exist after all (a cancelled order left it at 0), the insert fails on the key,
	 * InnoDB undoes just that statement, and the guarded update decides. Otherwise the row is created
	 * if missing, with an exclusive lock (not a plain update first: two first-time redeemers' updates
	 * of missing rows would hold one gap and deadlock on their inserts), and updated. Every path runs
	 * under the account's row lock taken by the spend, so one user's redemptions and cancels of the
	 * reward reach their count row one at a time.
	 */
	private void count(Reward reward, long userId, int quantity, boolean noCountYet) {
		if (quantity > reward.getPerPersonLimit()) {
			throw new DomainException(StoreError.LIMIT_EXCEEDED);
		}
		if (noCountYet) {
			try {
				this.rewards.insertCount(reward.getId(), userId, quantity);
				return;
			}
			catch (DuplicateKeyException ex) {
				// The row exists: counted below, against the limit.
			}
		}
		else {
			this.rewards.ensureCount(reward.getId(), userId);
		}
		if (this.rewards.count(reward.getId(), userId, quantity, reward.getPerPersonLimit()) == 0) {
			throw new DomainException(StoreError.LIMIT_EXCEEDED);
		}
	}

	/**
	 * One shard that held enough when last seen ({@link ShardLevels}: a plain read, not a lock), at
	 * random; if it no longer does (a race for the last items, or a stale level), {@link ShardMissed}.
	 * Trying the next shard here instead would hold the missed shard's lock while waiting for
	 * another's: two such redemptions, or one and a restock, could wait for each other.
	 */
	private void takeFromOneShard(long rewardId, int quantity) {
		int shard = this.shardLevels.pick(rewardId, quantity);
		if (shard < 0 || this.rewards.takeFrom(rewardId, shard, quantity) == 0) {
			throw new ShardMissed();
		}
		this.shardLevels.took(rewardId, shard, quantity);
	}

	/**
	 * Locks every shard in shard order (the order a restock takes them in too) and takes the
	 * quantity from as many as needed; out of stock only when all of them together hold too little.
	 */
	private void takeFromAllShards(long rewardId, int quantity) {
		List<RewardMapper.Shard> shards = this.rewards.lockShards(rewardId);
		if (shards.stream().mapToLong(RewardMapper.Shard::stock).sum() < quantity) {
			throw new DomainException(StoreError.OUT_OF_STOCK);
		}
		int left = quantity;
		for (RewardMapper.Shard shard : shards) {
			int part = Math.min(left, shard.stock());
			if (part > 0) {
				if (this.rewards.takeFrom(rewardId, shard.shard(), part) == 0) {
					throw new IllegalStateException("Locked shard " + shard + " of reward " + rewardId + " changed");
				}
				left -= part;
			}
			if (left == 0) {
				return;
			}
		}
	}

	/** The shard a redemption picked was empty by the time it got there: rolled back, run over all shards. */
	private static final class ShardMissed extends RuntimeException {

		ShardMissed() {
			super("shard missed", null, false, false);
		}

	}

	/** Undoes the Redis reservation and releases the claim; a failure here is left to the reconciler. */
	private void giveBack(Redemption claim) {
		try {
			this.faults.beforeUndo(claim.getId());
			this.store.undo(claim.getId(), claim.getUserId(), claim.getRewardId());
		}
		catch (RuntimeException ex) {
			log.error("Redemption {} failed and could not be undone now; the reconciler will: {}", claim.getId(),
					ex.toString());
			return;
		}
		try {
			releaseClaim(claim.getId());
		}
		catch (RuntimeException ex) {
			// MySQL is what failed (an outage): Redis is given back, only the claim is left. Left to the
			// reconciler alone, the client's retry with the same key would meet "still processing" until
			// stale-after and the next reconcile tick (minutes), so this instance, which knows the request
			// is over, releases it as soon as MySQL answers again (FaultDrillTest's MySQL drill).
			log.warn("Redemption {}: claim not released yet, retrying: {}", claim.getId(), ex.getClass().getSimpleName());
			releaseLater(claim.getId(), 1);
		}
	}

	/** Retries releasing a dead request's claim every second for a minute; after that the reconciler does. */
	private void releaseLater(long id, int attempt) {
		CompletableFuture.runAsync(() -> {
			try {
				releaseClaim(id);
			}
			catch (RuntimeException ex) {
				if (attempt < RELEASE_ATTEMPTS) {
					releaseLater(id, attempt + 1);
				}
				else {
					log.warn("Redemption {}: claim still not released; the reconciler will: {}", id, ex.toString());
				}
			}
		}, CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS));
	}

	private void releaseClaim(long id) {
		this.orders.release(id);
	}

	/**
	 * ISSUED → {@code to} with stock, count and points given back, in one transaction; false when
	 * another transition (a pickup, a cancel, the expiry job) won.
	 */
	boolean closeAndRefund(Redemption order, RedemptionStatus to) {
		// A deadlock victim was rolled back whole: nothing happened, so trying again is safe.
		return DeadlockRetry.run(3, log, "Closing redemption " + order.getId(), () -> closeAndRefundOnce(order, to));
	}

	private boolean closeAndRefundOnce(Redemption order, RedemptionStatus to) {
		Instant now = this.clock.instant();
		Boolean closed = this.tx.execute(status -> {
			// The same order of locks as a redemption (see write): the account, the count, a stock
			// shard last; the order row is this transaction's own. A racing pickup or cancel of the
			// order loses at the guarded close.
			if (this.orders.close(order.getId(), to, now) == 0) {
				return false;
			}
			this.points.refund(order.getUserId(), order.getPoints(), order.getId(),
					(to == RedemptionStatus.EXPIRED) ? "兑换逾期未领取，退回积分" : "取消兑换，退回积分");
			this.rewards.uncount(order.getRewardId(), order.getUserId(), order.getQuantity());
			giveBackToShard(order.getRewardId(), order.getQuantity());
			// The stock version is read after the commit, so it covers this change (see giveStock).
			afterCommit(() -> giveStock(order.getRewardId(), order.getQuantity(), order.getUserId(),
					this.rewards.stockLevel(order.getRewardId()).version()));
			return true;
		});
		return Boolean.TRUE.equals(closed);
	}

	/** Into the shard holding least (a plain read picks it), so shards drain together. */
	private void giveBackToShard(long rewardId, int quantity) {
		RewardMapper.Shard emptiest = this.rewards.shards(rewardId)
			.stream()
			.min(java.util.Comparator.comparingInt(RewardMapper.Shard::stock))
			.orElseThrow(() -> new IllegalStateException("Reward " + rewardId + " has no stock shards"));
		this.rewards.giveTo(rewardId, emptiest.shard(), quantity);
	}

	/** A new reward and its stock spread over {@code app.points.redemption.stock-shards} shards, together. */
	void create(Reward reward, int stock) {
		this.tx.executeWithoutResult(status -> {
			this.rewards.insert(reward);
			this.rewards.insertShards(reward.getId(), split(stock, this.properties.stockShards()));
		});
	}

	/**
	 * Restock: spread over the shards (one statement, which locks them in shard order), then Redis
	 * with the stock version read after that commit.
	 */
	void restock(long rewardId, int quantity) {
		int shards = this.rewards.shards(rewardId).size();
		if (shards == 0) {
			throw new IllegalStateException("Reward " + rewardId + " has no stock shards");
		}
		this.rewards.spread(rewardId, quantity, shards);
		giveStock(rewardId, quantity, null, this.rewards.stockLevel(rewardId).version());
	}

	static List<Integer> split(int stock, int shards) {
		List<Integer> parts = new ArrayList<>(shards);
		for (int i = 0; i < shards; i++) {
			parts.add(stock / shards + ((i < stock % shards) ? 1 : 0));
		}
		return parts;
	}

	/**
	 * Adds committed stock to Redis; if Redis is unreachable the reconciler repairs it. {@code version}
	 * must be read after the commit: versions only grow, so it is above whatever a reload of a lost
	 * key read before the commit, and such a reload is refused.
	 */
	void giveStock(long rewardId, int quantity, Long userId, long version) {
		try {
			this.store.give(rewardId, quantity, userId, version);
		}
		catch (RuntimeException ex) {
			log.warn("Could not add stock of reward {} in Redis: {}", rewardId, ex.getClass().getSimpleName());
		}
	}

	/** 16 characters of a 32-letter alphabet: 80 random bits, unguessable, easy to read out. */
	static String newPickupCode() {
		char[] code = new char[16];
		for (int i = 0; i < code.length; i++) {
			code[i] = CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)];
		}
		return new String(code);
	}

	static void afterCommit(Runnable action) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					action.run();
				}
			});
		}
		else {
			action.run();
		}
	}

}
