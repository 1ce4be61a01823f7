package cn.wenming.practice.points;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import cn.wenming.practice.shared.DeadlockRetry;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes EXPIRY entries under {@link PointsExpiryProperties} (nothing under the default NONE).
 * <p>
 * <b>FIFO:</b> points are spent oldest first. So the points still unspent from before the cutoff
 * are {@code max(0, credits earned before the cutoff − everything taken out so far)}, where
 * "taken out" is every negative entry (redemptions, reversals, negative adjustments, earlier
 * expiries) less the redemption refunds that gave some back (a refund is not new points). That
 * amount expires; it never exceeds the balance (the balance is all credits minus what was taken
 * out), so the guarded ledger update cannot refuse it.
 * <p>
 * <b>Once:</b> the business id is the cutoff ({@code Y2026} for calendar years, {@code D2026-11-23}
 * for N years from the day earned), so a rerun in the same period writes nothing, and the next
 * period only takes what became due since (earlier expiries count as taken out). Daily, ShedLock.
 * <p>
 * <b>Under the account's lock:</b> the batch read only names the users with something due; each
 * user's amount is read again after their account row is locked, under READ COMMITTED. A spend that
 * committed after the batch read (a redemption, while the job worked through the batch) took old
 * points first, so the figure read before it would expire points the user no longer has from before
 * the cutoff, and the period's business id would keep that wrong entry for good.
 */
@Component
class PointsExpiry {

	private static final Logger log = LoggerFactory.getLogger(PointsExpiry.class);

	private static final int BATCH = 500;

	private final PointsExpiryProperties policy;

	private final ZoneId zone;

	private final PointsLedger ledger;

	private final DueMapper due;

	private final PointsAccountMapper accounts;

	private final Clock clock;

	/** One user's expiry: the account locked, then each statement sees what committed before it. */
	private final TransactionTemplate tx;

	PointsExpiry(PointsExpiryProperties policy, PointsProperties points, PointsLedger ledger, DueMapper due,
			PointsAccountMapper accounts, PlatformTransactionManager transactionManager, Clock clock) {
		this.policy = policy;
		this.zone = points.zone();
		this.ledger = ledger;
		this.due = due;
		this.accounts = accounts;
		this.clock = clock;
		this.tx = new TransactionTemplate(transactionManager);
		this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
	}

	/** A user and the points of theirs that are due to expire. */
	record Due(long userId, long amount) {
	}

	@Mapper
	interface DueMapper {

		/** The users after {@code after} (up to {@code upTo} when given) with points due, and how many. */
		@Select("""
				<script>
				SELECT user_id, CAST(earned - taken AS SIGNED) AS amount FROM (
				  SELECT user_id,
				         SUM(CASE WHEN delta &gt; 0 AND business_type &lt;&gt; 'REDEMPTION_REFUND' AND created_at &lt; #{cutoff}
				                  THEN delta ELSE 0 END) AS earned,
				         SUM(CASE WHEN delta &lt; 0 THEN -delta
				                  WHEN business_type = 'REDEMPTION_REFUND' THEN -delta ELSE 0 END) AS taken
				  FROM points_entry WHERE user_id &gt; #{after}<if test="upTo != null"> AND user_id &lt;= #{upTo}</if>
				  GROUP BY user_id
				) t WHERE earned &gt; taken ORDER BY user_id LIMIT #{limit}
				</script>
				""")
		List<Due> due(@Param("cutoff") Instant cutoff, @Param("after") long after, @Param("upTo") Long upTo,
				@Param("limit") int limit);

		/** What is due of one user now, by the same statement (0 when nothing is). */
		default long dueOf(Instant cutoff, long userId) {
			List<Due> one = due(cutoff, userId - 1, userId, 1);
			return one.isEmpty() ? 0 : one.get(0).amount();
		}

	}

	@Scheduled(cron = "${app.points.expiry.cron:0 30 2 * * *}")
	@SchedulerLock(name = "points-expiry", lockAtMostFor = "PT1M", lockAtLeastFor = "PT5S")
	public void tick() {
		int written = run();
		if (written > 0) {
			log.info("Points expiry ({}): {} users' points expired", this.policy.policy(), written);
		}
	}

	/** Writes the EXPIRY entries due now; returns how many were written. */
	int run() {
		if (this.policy.policy() == PointsExpiryProperties.Policy.NONE) {
			return 0;
		}
		LocalDate today = LocalDate.now(this.clock.withZone(this.zone));
		LocalDate cutoffDay;
		String period;
		if (this.policy.policy() == PointsExpiryProperties.Policy.CALENDAR_YEAR) {
			cutoffDay = LocalDate.of(today.getYear() - this.policy.years() + 1, 1, 1);
			period = "Y" + cutoffDay.getYear();
		}
		else {
			cutoffDay = today.minusYears(this.policy.years());
			period = "D" + cutoffDay;
		}
		Instant cutoff = cutoffDay.atStartOfDay(this.zone).toInstant();
		int written = 0;
		long after = 0;
		for (List<Due> page = this.due.due(cutoff, after, null, BATCH); !page.isEmpty(); page = this.due.due(cutoff,
				after, null, BATCH)) {
			for (Due due : page) {
				after = due.userId();
				try {
					written += expire(due.userId(), cutoff, period, "积分过期（" + cutoffDay + " 前获得）") ? 1 : 0;
				}
				catch (RuntimeException ex) {
					// Next run retries (the same period id keeps it once).
					log.error("Could not expire points of user {}", due.userId(), ex);
				}
			}
		}
		return written;
	}

	/** Expires what is due of the user now, read under the account's row lock; true when an entry was written. */
	private boolean expire(long userId, Instant cutoff, String period, String reason) {
		try {
			return Boolean.TRUE.equals(DeadlockRetry.run(5, log, "Points expiry", () -> this.tx.execute(status -> {
				if (this.accounts.lock(userId) == null) {
					return false;
				}
				long amount = this.due.dueOf(cutoff, userId);
				if (amount <= 0) {
					return false;
				}
				this.ledger.postInCurrentTransaction(new PointsLedger.Posting(userId, Math.toIntExact(-amount),
						PointsType.EXPIRY, period, reason, null));
				return true;
			})));
		}
		catch (DuplicateKeyException ex) {
			// This period's expiry is written already (a refund since made more due): it stays once.
			return false;
		}
	}

}
