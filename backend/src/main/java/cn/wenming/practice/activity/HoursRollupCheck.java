package cn.wenming.practice.activity;

import cn.wenming.practice.need.NeedHoursRollup;
import cn.wenming.practice.shared.OpsMetrics;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Nightly ({@code app.activity.hours-rollup-check-cron}, default 03:10): checks both hours rollups
 * against their sources for every volunteer, project and team, a chunk of ids per transaction
 * ({@link ActivityHoursRollup#checkAll}, {@link NeedHoursRollup#checkAll}), and sets back those that
 * drifted, recording each repair ({@code activity_hours_repair}, {@code need_hours_repair}). A
 * backstop only: every confirmation and revocation writes its rollup rows in its own transaction, so
 * drift means someone edited the tables by hand (or a bug). Lives in the activity module, which may
 * call the need module (not the other way round); one instance per tick (ShedLock), before the
 * leaderboards' nightly rebuild (03:40) so the boards are rebuilt from repaired rollups.
 */
@Component
class HoursRollupCheck {

	private static final Logger log = LoggerFactory.getLogger(HoursRollupCheck.class);

	private final ActivityHoursRollup activities;

	private final NeedHoursRollup needs;

	HoursRollupCheck(ActivityHoursRollup activities, NeedHoursRollup needs) {
		this.activities = activities;
		this.needs = needs;
	}

	/** What a run repaired: activity subjects (volunteers and projects) and need subjects (volunteers and teams). */
	record Result(long activityRepairs, long needRepairs) {
	}

	@Scheduled(cron = "${app.activity.hours-rollup-check-cron:-}")
	@SchedulerLock(name = "hours-rollup-check", lockAtMostFor = "PT1M", lockAtLeastFor = "PT5S")
	public void scheduled() {
		try {
			Result result = check();
			log.info("Hours rollups checked: {} activity and {} need subjects repaired", result.activityRepairs(),
					result.needRepairs());
		}
		catch (RuntimeException ex) {
			log.warn("Hours rollup check failed: {}", ex.getClass().getSimpleName());
		}
	}

	Result check() {
		long activityRepairs = this.activities.checkAll();
		long needRepairs = this.needs.checkAll();
		OpsMetrics.ledgerRepaired("hours_rollup", (int) (activityRepairs + needRepairs));
		return new Result(activityRepairs, needRepairs);
	}

}
