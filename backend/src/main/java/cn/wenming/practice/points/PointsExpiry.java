package cn.wenming.practice.points;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

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
 */
@Component
class PointsExpiry {

	private static final Logger log = LoggerFactory.getLogger(PointsExpiry.class);

	private static final int BATCH = 500;

	private final PointsExpiryProperties policy;

	private final ZoneId zone;

	private final PointsLedger ledger;

	private final DueMapper due;

	private final Clock clock;

	PointsExpiry(PointsExpiryProperties policy, PointsProperties points, PointsLedger ledger, DueMapper due,
			Clock clock) {
		this.policy = policy;
		this.zone = points.zone();
		this.ledger = ledger;
		this.due = due;
		this.clock = clock;
	}

	/** A user and the points of theirs that are due to expire. */
	record Due(long userId, long amount) {
	}

	@Mapper
	interface DueMapper {

		@Select("""
				SELECT user_id, CAST(earned - taken AS SIGNED) AS amount FROM (
				  SELECT user_id,
				         SUM(CASE WHEN delta > 0 AND business_type <> 'REDEMPTION_REFUND' AND created_at < #{cutoff}
				                  THEN delta ELSE 0 END) AS earned,
				         SUM(CASE WHEN delta < 0 THEN -delta
				                  WHEN business_type = 'REDEMPTION_REFUND' THEN -delta ELSE 0 END) AS taken
				  FROM points_entry WHERE user_id > #{after} GROUP BY user_id
				) t WHERE earned > taken ORDER BY user_id LIMIT #{limit}
				""")
		List<Due> due(@Param("cutoff") Instant cutoff, @Param("after") long after, @Param("limit") int limit);

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
		for (List<Due> page = this.due.due(cutoff, after, BATCH); !page.isEmpty(); page = this.due.due(cutoff, after,
				BATCH)) {
			for (Due due : page) {
				after = due.userId();
				try {
					written += this.ledger.post(new PointsLedger.Posting(due.userId(), Math.toIntExact(-due.amount()),
							PointsType.EXPIRY, period, "积分过期（" + cutoffDay + " 前获得）", null)).created() ? 1 : 0;
				}
				catch (RuntimeException ex) {
					// Next run retries (the same period id keeps it once).
					log.error("Could not expire points of user {}", due.userId(), ex);
				}
			}
		}
		return written;
	}

}
