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

}
