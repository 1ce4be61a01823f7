package cn.wenming.practice.store;

import java.time.Clock;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The redemption timers: expiring orders not picked up in time (refunding them), and reconciling
 * Redis with MySQL. With several instances ShedLock lets one run per tick; each is also safe
 * to run twice (guarded transitions, compare-and-set repairs), the lock only saves the work.
 */
@Component
class RedemptionJobs {

	private static final Logger log = LoggerFactory.getLogger(RedemptionJobs.class);

	private final RedemptionMapper orders;

	private final Redemptions redemptions;

	private final RedemptionReconciler reconciler;

	private final Clock clock;

	RedemptionJobs(RedemptionMapper orders, Redemptions redemptions, RedemptionReconciler reconciler, Clock clock) {
		this.orders = orders;
		this.redemptions = redemptions;
		this.reconciler = reconciler;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${app.points.redemption.expiry-job-delay:PT5M}",
			initialDelayString = "${app.points.redemption.expiry-job-delay:PT5M}")
	@SchedulerLock(name = "redemption-expiry", lockAtMostFor = "PT1M", lockAtLeastFor = "PT5S")
	public void expireTick() {
		int expired = expire();
		if (expired > 0) {
			log.info("Expired and refunded {} redemptions not picked up in time", expired);
		}
	}

	/** Cancels and refunds every ISSUED order whose pickup code expired; returns how many. */
	int expire() {
		int expired = 0;
		for (var page = this.orders.expiredIssued(this.clock.instant(), 200); !page.isEmpty(); page = this.orders
			.expiredIssued(this.clock.instant(), 200)) {
			int before = expired;
			for (Redemption order : page) {
				try {
					expired += this.redemptions.closeAndRefund(order, RedemptionStatus.EXPIRED) ? 1 : 0;
				}
				catch (RuntimeException ex) {
					log.error("Could not expire redemption {}; next tick retries", order.getId(), ex);
				}
			}
			if (expired == before) {
				break;
			}
		}
		return expired;
	}

	/**
	 * Dead redemptions (older than {@code stale-after}) are finished within this delay instead of at
	 * the next full reconciliation: the user's idempotency key is free again soon after.
	 */
	@Scheduled(fixedDelayString = "${app.points.redemption.dead-check-delay:PT30S}",
			initialDelayString = "${app.points.redemption.dead-check-delay:PT30S}")
	@SchedulerLock(name = "redemption-dead-check", lockAtMostFor = "PT30S", lockAtLeastFor = "PT5S")
	public void deadCheck() {
		this.reconciler.finishDead();
	}

	/*
	 * lockAtMostFor is short for both reconciling jobs: a run that MySQL drops out of cannot release its
	 * lock (the release is a MySQL write), which then holds until lockAtMostFor — with 10 minutes, one
	 * MySQL blip stopped every instance's reconciliation for 10 minutes (FaultDrillTest's MySQL cut, once
	 * in two CI runs). A running job's lock is kept alive (shared.SchedulerLockConfig), so the bound
	 * only matters for a run that ended without releasing it; 30 s is ShedLock's shortest for that.
	 */
	@Scheduled(cron = "${app.points.redemption.reconcile-cron:0 */10 * * * *}")
	@SchedulerLock(name = "redemption-reconcile", lockAtMostFor = "PT30S", lockAtLeastFor = "PT5S")
	public void reconcile() {
		this.reconciler.reconcile();
	}

}
