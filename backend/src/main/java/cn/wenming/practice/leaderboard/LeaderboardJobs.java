package cn.wenming.practice.leaderboard;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The boards' timer, apart from {@link LeaderboardService}: ShedLock proxies the bean that carries
 * the lock, and a proxied service would put every leaderboard read through the proxy.
 */
@Component
class LeaderboardJobs {

	private static final Logger log = LoggerFactory.getLogger(LeaderboardJobs.class);

	private final LeaderboardService boards;

	LeaderboardJobs(LeaderboardService boards) {
		this.boards = boards;
	}

	/**
	 * Nightly by default ({@code app.leaderboard.rebuild-cron}): a backstop only. Updates reach the
	 * boards through {@link LeaderboardUpdates}, whose failed runs the event publication registry
	 * resubmits; this bounds how long anything still missed (an update dropped from the registry by
	 * hand, a board edited outside the application) can stay on an all-time board, whose key never
	 * expires. Idempotent, but a rebuild reads the whole period's ledger: one instance per tick.
	 */
	@Scheduled(cron = "${app.leaderboard.rebuild-cron:-}")
	@SchedulerLock(name = "leaderboard-rebuild", lockAtMostFor = "PT1M", lockAtLeastFor = "PT5S")
	public void scheduledRebuild() {
		try {
			LeaderboardService.Rebuilt rebuilt = this.boards.rebuildAll();
			log.info("Leaderboards rebuilt: {} boards, {} empty removed", rebuilt.boards(), rebuilt.removed());
		}
		catch (RuntimeException ex) {
			log.warn("Scheduled leaderboard rebuild failed: {}", ex.getClass().getSimpleName());
		}
	}

}
