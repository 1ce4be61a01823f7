package cn.wenming.practice.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.shared.DomainException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * 1,000 different users racing for 50 items, on the service layer (the HTTP race is in
 * {@link RedemptionTest}): exactly 50 orders, stock 0 in MySQL and Redis and never below, and the
 * books of every user agree.
 */
@IntegrationTest
class RedemptionConcurrencyTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	Redemptions redemptions;

	@Autowired
	RedemptionMapper orders;

	@Autowired
	RewardMapper rewardMapper;

	@Test
	void aThousandUsersRacingForFiftyGetExactlyFifty() throws Exception {
		RedemptionRig rig = new RedemptionRig(this.jdbc, this.redis);
		List<Long> users = rig.usersWithPoints(1000, 100);
		long rewardId = rig.reward(60, 50, 1);

		AtomicBoolean running = new AtomicBoolean(true);
		AtomicInteger lowest = new AtomicInteger(Integer.MAX_VALUE);
		Thread watcher = new Thread(() -> {
			while (running.get()) {
				Integer redisStock = rig.redisStock(rewardId);
				int low = Math.min((redisStock != null) ? redisStock : 50, rig.mysqlStock(rewardId));
				lowest.accumulateAndGet(low, Math::min);
			}
		});
		watcher.start();
		ConcurrentHashMap<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
		ExecutorService pool = Executors.newFixedThreadPool(200);
		try {
			CountDownLatch go = new CountDownLatch(1);
			List<Future<?>> futures = new ArrayList<>();
			for (long userId : users) {
				futures.add(pool.submit(() -> {
					go.await();
					String outcome;
					try {
						this.redemptions.redeem(userId, rewardId, 1, "race-" + userId);
						outcome = "OK";
					}
					catch (DomainException ex) {
						outcome = ex.code().name();
					}
					outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
					return null;
				}));
			}
			go.countDown();
			for (Future<?> future : futures) {
				future.get(120, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
			running.set(false);
			watcher.join();
		}

		assertThat(outcomes.get("OK")).hasValue(50);
		assertThat(outcomes.get("OUT_OF_STOCK")).hasValue(950);
		assertThat(rig.orders(rewardId, "ISSUED")).isEqualTo(50);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM redemption WHERE reward_id = ?", Integer.class,
				rewardId)).isEqualTo(50);
		assertThat(rig.mysqlStock(rewardId)).isZero();
		assertThat(rig.redisStock(rewardId)).isZero();
		assertThat(lowest.get()).isNotNegative();
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM points_entry WHERE business_type = 'REDEMPTION' AND user_id IN (SELECT user_id FROM redemption WHERE reward_id = ?)",
				Integer.class, rewardId)).isEqualTo(50);
		rig.assertBooksAgree(users);
	}

	@Test
	void aPickupRacingACancellationHasExactlyOneWinner() throws Exception {
		RedemptionRig rig = new RedemptionRig(this.jdbc, this.redis);
		List<Long> users = rig.usersWithPoints(20, 10);
		long rewardId = rig.reward(10, 20, 1);
		List<Redemption> issued = new ArrayList<>();
		for (long userId : users) {
			issued.add(this.redemptions.redeem(userId, rewardId, 1, "pickup-race-" + userId));
		}
		ExecutorService pool = Executors.newFixedThreadPool(40);
		List<Future<Boolean>> fulfils = new ArrayList<>();
		List<Future<Boolean>> cancels = new ArrayList<>();
		try {
			CountDownLatch go = new CountDownLatch(1);
			for (Redemption order : issued) {
				fulfils.add(pool.submit(() -> {
					go.await();
					return this.orders.fulfil(order.getId(), order.getUserId(), java.time.Instant.now()) == 1;
				}));
				cancels.add(pool.submit(() -> {
					go.await();
					return this.redemptions.closeAndRefund(order, RedemptionStatus.CANCELLED);
				}));
			}
			go.countDown();
			for (int i = 0; i < issued.size(); i++) {
				boolean fulfilled = fulfils.get(i).get(60, TimeUnit.SECONDS);
				boolean cancelled = cancels.get(i).get(60, TimeUnit.SECONDS);
				assertThat(fulfilled ^ cancelled).as("one winner for order %s", issued.get(i).getId()).isTrue();
				Redemption after = this.orders.selectById(issued.get(i).getId());
				assertThat(after.getStatus())
					.isEqualTo(fulfilled ? RedemptionStatus.FULFILLED : RedemptionStatus.CANCELLED);
				assertThat(this.jdbc.queryForObject(
						"SELECT COUNT(*) FROM points_entry WHERE business_type = 'REDEMPTION_REFUND' AND business_id = ?",
						Integer.class, Long.toString(after.getId()))).isEqualTo(cancelled ? 1 : 0);
			}
		}
		finally {
			pool.shutdownNow();
		}
		int fulfilled = rig.orders(rewardId, "FULFILLED");
		assertThat(rig.mysqlStock(rewardId)).isEqualTo(20 - fulfilled);
		assertThat(rig.redisStock(rewardId)).isEqualTo(20 - fulfilled);
		rig.assertBooksAgree(users);
	}

	/**
	 * One reward, stock over 8 shards, 300 users redeeming twice each at once (1 or 2 items, limit 3)
	 * while stock is restocked and orders are cancelled: every shard took part, none went below zero,
	 * Σ shards = Redis = initial + restock + given back − taken, each user's count = Σ their live
	 * orders ≤ the limit in MySQL and Redis, and the books agree.
	 */
	@Test
	void aBurstOnOneRewardSpreadsOverItsShardsAndKeepsEveryInvariant() throws Exception {
		RedemptionRig rig = new RedemptionRig(this.jdbc, this.redis);
		List<Long> users = rig.usersWithPoints(300, 100);
		long rewardId = rig.reward(5, 400, 3);
		Reward reward = this.rewardMapper.selectById(rewardId);

		AtomicBoolean running = new AtomicBoolean(true);
		AtomicInteger lowestShard = new AtomicInteger(Integer.MAX_VALUE);
		Thread watcher = new Thread(() -> {
			while (running.get()) {
				rig.shardStocks(rewardId).forEach(stock -> lowestShard.accumulateAndGet(stock, Math::min));
			}
		});
		watcher.start();
		ConcurrentHashMap<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
		List<Redemption> issued = java.util.Collections.synchronizedList(new ArrayList<>());
		AtomicInteger cancelled = new AtomicInteger();
		java.util.Random random = new java.util.Random(14);
		ExecutorService pool = Executors.newFixedThreadPool(64);
		try {
			CountDownLatch go = new CountDownLatch(1);
			List<Future<?>> futures = new ArrayList<>();
			for (long userId : users) {
				for (String key : List.of("a", "b")) {
					int quantity = 1 + random.nextInt(2);
					futures.add(pool.submit(() -> {
						go.await();
						String outcome;
						try {
							issued.add(this.redemptions.redeem(userId, rewardId, quantity, "shard-" + key + userId));
							outcome = "OK";
						}
						catch (DomainException ex) {
							outcome = ex.code().name();
						}
						outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
						return null;
					}));
				}
			}
			futures.add(pool.submit(() -> {
				go.await();
				Thread.sleep(50);
				this.redemptions.restock(rewardId, 40);
				return null;
			}));
			futures.add(pool.submit(() -> {
				go.await();
				// Cancel orders while the burst runs: their stock goes back into a shard and is taken again.
				for (int i = 0; i < 20; i++) {
					Redemption order = null;
					while (order == null) {
						synchronized (issued) {
							order = (issued.size() > i * 3) ? issued.get(i * 3) : null;
						}
						if (order == null) {
							Thread.sleep(5);
						}
					}
					if (this.redemptions.closeAndRefund(order, RedemptionStatus.CANCELLED)) {
						cancelled.addAndGet(order.getQuantity());
					}
				}
				return null;
			}));
			go.countDown();
			for (Future<?> future : futures) {
				future.get(180, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
			running.set(false);
			watcher.join();
		}

		assertThat(outcomes.keySet()).as("outcomes %s", outcomes).containsOnly("OK", "OUT_OF_STOCK", "LIMIT_EXCEEDED");
		assertThat(outcomes.get("OK").get()).isEqualTo(issued.size());
		assertThat(lowestShard.get()).isNotNegative();
		assertThat(rig.shardStocks(rewardId)).hasSize(8).allSatisfy(stock -> assertThat(stock).isNotNegative());
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM reward_stock WHERE reward_id = ? AND version > 0",
				Integer.class, rewardId)).as("shards that were taken from").isEqualTo(8);
		int taken = this.jdbc.queryForObject(
				"SELECT COALESCE(SUM(quantity), 0) FROM redemption WHERE reward_id = ? AND status = 'ISSUED'", Integer.class,
				rewardId);
		assertThat(cancelled.get()).isPositive();
		assertThat(this.jdbc.queryForObject(
				"SELECT COALESCE(SUM(quantity), 0) FROM redemption WHERE reward_id = ? AND status = 'CANCELLED'",
				Integer.class, rewardId)).isEqualTo(cancelled.get());
		assertThat(rig.mysqlStock(rewardId)).isEqualTo(400 + 40 - taken).isEqualTo(rig.redisStock(rewardId));
		assertThat(this.redis.opsForHash().get(RedemptionStore.rewardKey(rewardId), "p")).hasToString("0");
		for (long userId : users) {
			int live = this.jdbc.queryForObject(
					"SELECT COALESCE(SUM(quantity), 0) FROM redemption WHERE reward_id = ? AND user_id = ? AND status = 'ISSUED'",
					Integer.class, rewardId, userId);
			assertThat(live).as("items of user %s", userId).isLessThanOrEqualTo(reward.getPerPersonLimit());
			assertThat(this.rewardMapper.countOf(rewardId, userId)).as("count of user %s", userId).isEqualTo(live);
			Object cached = this.redis.opsForHash().get(RedemptionStore.rewardKey(rewardId), "u" + userId);
			if (cached != null) {
				assertThat(Integer.parseInt(cached.toString())).as("Redis count of user %s", userId).isEqualTo(live);
			}
		}
		rig.assertBooksAgree(users);
	}

	/**
	 * Three items when no shard holds three: the one-shard try misses, the transaction is rolled back
	 * and run again over all shards, which together hold enough.
	 */
	@Test
	void aQuantityNoShardHoldsIsTakenFromSeveralShards() {
		RedemptionRig rig = new RedemptionRig(this.jdbc, this.redis);
		List<Long> users = rig.usersWithPoints(2, 100);
		long rewardId = rig.reward(10, List.of(1, 0, 1, 0, 0, 1, 0, 1), 5);

		Redemption order = this.redemptions.redeem(users.get(0), rewardId, 3, "several-shards-1");

		assertThat(order.getStatus()).isEqualTo(RedemptionStatus.ISSUED);
		assertThat(order.getQuantity()).isEqualTo(3);
		assertThat(rig.mysqlStock(rewardId)).isEqualTo(1).isEqualTo(rig.redisStock(rewardId));
		assertThat(rig.shardStocks(rewardId)).containsExactly(0, 0, 0, 0, 0, 0, 0, 1);
		assertThatThrownBy(() -> this.redemptions.redeem(users.get(1), rewardId, 2, "several-shards-2"))
			.isInstanceOfSatisfying(DomainException.class,
					ex -> assertThat(ex.code()).isEqualTo(StoreError.OUT_OF_STOCK));
		assertThat(this.redemptions.redeem(users.get(1), rewardId, 1, "several-shards-3").getStatus())
			.isEqualTo(RedemptionStatus.ISSUED);
		assertThat(rig.shardStocks(rewardId)).containsOnly(0);
		assertThat(rig.redisStock(rewardId)).isZero();
		rig.assertBooksAgree(users);
	}

}
