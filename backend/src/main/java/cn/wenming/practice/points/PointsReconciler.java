package cn.wenming.practice.points;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

import cn.wenming.practice.activity.ConfirmedHours;
import cn.wenming.practice.activity.HoursConfirmed;
import cn.wenming.practice.activity.HoursRevoked;
import cn.wenming.practice.need.NeedHoursConfirmed;
import cn.wenming.practice.need.NeedHoursRevoked;
import cn.wenming.practice.need.NeedDirectory;
import cn.wenming.practice.need.NeedRated;
import cn.wenming.practice.shared.OpsMetrics;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A backstop only: awards reach the ledger through {@link PointsAwards}, whose failed or interrupted
 * runs the event publication registry resubmits until they complete. This replays anything that
 * still went missing (a publication removed by hand, facts written outside the application) by
 * reading the facts again from MySQL: confirmed hours, completed
 * and rated needs since a point in time, and activity and need hours revoked since then (their reversal is replayed:
 * a failed reversal is retried). Every award is idempotent by its unique key, so replaying
 * what was already awarded writes nothing, and running on several instances at once is safe
 * (only wasteful). Scheduled by {@code app.points.reconcile-cron} (off unless set) over the last
 * {@code app.points.reconcile-lookback}; center admins can also run it with {@code reconcilePoints}.
 * Then repairs accounts whose balance or debt differs from the sums of their ledger (which one
 * transaction writes together, so a difference means someone edited the tables by hand): the
 * account is set to the ledger's sums and the repair recorded ({@link PointsAccountRepair}), over
 * all accounts, not only the look-back window.
 */
@Component
class PointsReconciler {

	private static final Logger log = LoggerFactory.getLogger(PointsReconciler.class);

	private static final int BATCH = 200;

	private final ConfirmedHours hours;

	private final NeedDirectory needs;

	private final PointsAwards awards;

	private final PointsEntryMapper entries;

	private final PointsProperties properties;

	private final Clock clock;

	private final PointsAccountRepair repair;

	PointsReconciler(ConfirmedHours hours, NeedDirectory needs, PointsAwards awards, PointsEntryMapper entries,
			PointsProperties properties, Clock clock, PointsAccountRepair repair) {
		this.repair = repair;
		this.hours = hours;
		this.needs = needs;
		this.awards = awards;
		this.entries = entries;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * What a run did: entries written for missed awards, accounts found to disagree with their
	 * ledger (at most {@value #REPORTED} listed) and how many of them were repaired.
	 */
	record Result(int awardsReplayed, List<Long> driftedUserIds, int accountsRepaired) {
	}

	private static final int REPORTED = 1000;

	/** Idempotent, but one instance per tick is enough: the others would only repeat its reads. */
	@Scheduled(cron = "${app.points.reconcile-cron:-}")
	@SchedulerLock(name = "points-reconcile", lockAtMostFor = "PT1M", lockAtLeastFor = "PT5S")
	public void scheduled() {
		Duration lookback = this.properties.reconcileLookback();
		Result result = reconcile(this.clock.instant().minus(lookback), null);
		log.info("Points reconciliation over {}: {} missed awards replayed, {} accounts repaired", lookback,
				result.awardsReplayed(), result.accountsRepaired());
	}

	/** Replays and repairs; {@code operatorId} (null: the schedule) is recorded with each repair. */
	Result reconcile(Instant since, Long operatorId) {
		int replayed = 0;
		long after = 0;
		for (List<HoursConfirmed> page = this.hours.since(since, after, BATCH); !page.isEmpty(); page = this.hours
			.since(since, after, BATCH)) {
			for (HoursConfirmed event : page) {
				replayed += replay(event, () -> this.awards.award(event));
				after = event.signUpId();
			}
		}
		after = 0;
		for (List<NeedHoursConfirmed> page = this.needs.hoursConfirmedSince(since, after, BATCH); !page
			.isEmpty(); page = this.needs.hoursConfirmedSince(since, after, BATCH)) {
			for (NeedHoursConfirmed event : page) {
				replayed += replay(event, () -> this.awards.award(event));
				after = event.needId();
			}
		}
		after = 0;
		for (List<NeedRated> page = this.needs.ratedSince(since, after, BATCH); !page.isEmpty(); page = this.needs
			.ratedSince(since, after, BATCH)) {
			for (NeedRated event : page) {
				replayed += replay(event, () -> this.awards.award(event));
				after = event.needId();
			}
		}
		// Reversals of revoked hours whose listener failed (reverse() writes nothing when it was made).
		after = 0;
		for (List<HoursRevoked> page = this.hours.revokedSince(since, after, BATCH); !page.isEmpty(); page = this.hours
			.revokedSince(since, after, BATCH)) {
			for (HoursRevoked event : page) {
				replayed += replay(event, () -> this.awards.reverse(event));
				after = event.signUpId();
			}
		}
		after = 0;
		for (List<NeedHoursRevoked> page = this.needs.hoursRevokedSince(since, after, BATCH); !page
			.isEmpty(); page = this.needs.hoursRevokedSince(since, after, BATCH)) {
			for (NeedHoursRevoked event : page) {
				replayed += replay(event, () -> this.awards.reverse(event));
				after = event.needId();
			}
		}
		// After the replays, so that nothing they post is mistaken for drift (they keep the sums equal anyway).
		List<Long> drifted = new ArrayList<>();
		int repaired = 0;
		after = 0;
		for (List<Long> page = this.entries.driftedAccounts(after, BATCH); !page.isEmpty(); page = this.entries
			.driftedAccounts(after, BATCH)) {
			for (long userId : page) {
				if (drifted.size() < REPORTED) {
					drifted.add(userId);
				}
				repaired += replay(userId, () -> this.repair.repair(userId, operatorId) ? 1 : 0);
				after = userId;
			}
		}
		OpsMetrics.ledgerRepaired("award_replayed", replayed);
		OpsMetrics.ledgerRepaired("points_account", repaired);
		if (!drifted.isEmpty()) {
			log.error("Points accounts whose balance differed from their ledger ({} repaired): {}", repaired, drifted);
		}
		if (replayed > 0) {
			log.warn("Points reconciliation replayed {} missed awards since {}", replayed, since);
		}
		return new Result(replayed, List.copyOf(drifted), repaired);
	}

	/** One replay; a failure is logged and the run goes on with the next (the next run tries again). */
	private static int replay(Object event, IntSupplier award) {
		try {
			return award.getAsInt();
		}
		catch (RuntimeException ex) {
			log.error("Points replay failed: {}", event, ex);
			return 0;
		}
	}

}
