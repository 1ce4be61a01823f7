package cn.wenming.practice.points;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.store.RedemptionRig;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.awaitility.Awaitility;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The optional expiry policy (calendar year): unspent points from before this year expire, oldest
 * spent first, once per period; a refund gives back old points, not new ones. Off by default. A
 * spend that commits while the job works is counted before the amount is posted.
 */
@IntegrationTest
class PointsExpiryTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	PointsLedger ledger;

	@Autowired
	PointsExpiry.DueMapper due;

	@Autowired
	PointsProperties points;

	@Autowired
	PointsExpiry configured;

	@Autowired
	Clock clock;

	@Autowired
	PointsAccountMapper accounts;

	@Autowired
	PointsWallet wallet;

	@Autowired
	PlatformTransactionManager transactionManager;

	private PointsExpiry calendarYear() {
		return new PointsExpiry(new PointsExpiryProperties(PointsExpiryProperties.Policy.CALENDAR_YEAR, 1), this.points,
				this.ledger, this.due, this.accounts, this.transactionManager, this.clock);
	}

	@Test
	void unspentPointsFromBeforeTheCutoffExpireOnceOldestSpentFirst() {
		assertThat(this.configured.run()).as("no expiry by default").isZero();
		ZoneId zone = this.points.zone();
		int year = LocalDate.now(this.clock.withZone(zone)).getYear();
		Instant longAgo = LocalDate.of(year - 2, 6, 1).atStartOfDay(zone).toInstant();
		Instant laterThatYear = LocalDate.of(year - 2, 12, 1).atStartOfDay(zone).toInstant();
		Instant now = this.clock.instant();

		RedemptionRig rig = new RedemptionRig(this.jdbc, this.redis);
		List<Long> users = rig.usersWithPoints(3, 0);
		long partlySpent = users.get(0);
		long allSpentSince = users.get(1);
		long refunded = users.get(2);
		rig.entry(partlySpent, 100, "ADJUSTMENT", longAgo);
		rig.entry(partlySpent, -30, "REDEMPTION", laterThatYear);
		rig.entry(partlySpent, 50, "ACTIVITY_HOURS", now);
		rig.entry(allSpentSince, 100, "ADJUSTMENT", longAgo);
		rig.entry(allSpentSince, 50, "ACTIVITY_HOURS", now);
		rig.entry(allSpentSince, -120, "REDEMPTION", now);
		rig.entry(refunded, 40, "ADJUSTMENT", longAgo);
		rig.entry(refunded, -40, "REDEMPTION", laterThatYear);
		rig.entry(refunded, 40, "REDEMPTION_REFUND", now);

		PointsExpiry expiry = calendarYear();
		assertThat(expiry.run()).isGreaterThanOrEqualTo(2);
		assertThat(expiry.run()).isZero();

		assertThat(expiryOf(partlySpent)).containsExactly(-70);
		assertThat(expiryOf(allSpentSince)).isEmpty();
		assertThat(expiryOf(refunded)).containsExactly(-40);
		assertThat(this.jdbc.queryForObject("SELECT business_id FROM points_entry WHERE user_id = ? AND business_type = 'EXPIRY'",
				String.class, partlySpent)).isEqualTo("Y" + year);
		assertThat(this.jdbc.queryForObject("SELECT balance FROM points_account WHERE user_id = ?", Integer.class,
				partlySpent)).isEqualTo(50);
		rig.assertBooksAgree(users);
	}

	/**
	 * The job reads "100 due" for the user while a redemption of 80 is in flight (the account row
	 * locked by its transaction), then waits for that lock; the redemption commits. FIFO took the 80
	 * from the old points, so 20 expire, not 100.
	 */
	@Test
	void aSpendThatCommitsWhileTheJobWaitsForTheAccountIsTakenFromTheOldPoints() throws Exception {
		ZoneId zone = this.points.zone();
		int year = LocalDate.now(this.clock.withZone(zone)).getYear();
		Instant longAgo = LocalDate.of(year - 2, 6, 1).atStartOfDay(zone).toInstant();
		RedemptionRig rig = new RedemptionRig(this.jdbc, this.redis);
		long user = rig.usersWithPoints(1, 0).get(0);
		rig.entry(user, 100, "ADJUSTMENT", longAgo);
		rig.entry(user, 100, "ACTIVITY_HOURS", this.clock.instant());
		assertThat(this.due.dueOf(LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant(), user)).isEqualTo(100);

		TransactionTemplate tx = new TransactionTemplate(this.transactionManager);
		long redemptionId = ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE);
		CountDownLatch spent = new CountDownLatch(1);
		CountDownLatch commit = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			// The store's own spend path, in a transaction held open: the account row stays locked.
			Future<?> redemption = pool.submit(() -> tx.executeWithoutResult(status -> {
				this.wallet.spend(user, 80, redemptionId, "兑换");
				spent.countDown();
				try {
					commit.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}));
			assertThat(spent.await(30, TimeUnit.SECONDS)).isTrue();
			Future<Integer> job = pool.submit(calendarYear()::run);
			Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> {
				assertThat(job.isDone()).as("the job finished without waiting for the account").isFalse();
				return waitingOnAccounts() > 0;
			});
			commit.countDown();
			redemption.get(30, TimeUnit.SECONDS);
			job.get(60, TimeUnit.SECONDS);
		}
		finally {
			commit.countDown();
			pool.shutdownNow();
		}
		assertThat(expiryOf(user)).containsExactly(-20);
		assertThat(this.jdbc.queryForObject("SELECT balance FROM points_account WHERE user_id = ?", Integer.class, user))
			.isEqualTo(100);
		rig.assertBooksAgree(List.of(user));
	}

	/** Statements of this database's other connections on points_account, running (here: waiting for its lock). */
	private int waitingOnAccounts() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE COMMAND = 'Query' "
				+ "AND DB = DATABASE() AND ID <> CONNECTION_ID() AND INFO LIKE '%points_account%'", Integer.class);
	}

	private List<Integer> expiryOf(long userId) {
		return this.jdbc.queryForList(
				"SELECT delta FROM points_entry WHERE user_id = ? AND business_type = 'EXPIRY' ORDER BY id", Integer.class,
				userId);
	}

}
