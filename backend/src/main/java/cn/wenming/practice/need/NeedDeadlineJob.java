package cn.wenming.practice.need;

import java.util.concurrent.atomic.AtomicInteger;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs {@link NeedDeadlines} on a fixed delay ({@code app.need.deadline-job-delay}, ISO-8601,
 * default a minute). With several instances, ShedLock (JDBC, database time) lets one of them run per
 * tick; {@code lockAtLeastFor} keeps the lock a little past a fast run so that an instance whose
 * tick comes a moment later does not run the same tick again.
 */
@Component
class NeedDeadlineJob {

	private final NeedDeadlines deadlines;

	private final NeedTextRecheck recheck;

	private final AtomicInteger runs = new AtomicInteger();

	NeedDeadlineJob(NeedDeadlines deadlines, NeedTextRecheck recheck) {
		this.deadlines = deadlines;
		this.recheck = recheck;
	}

	@Scheduled(fixedDelayString = "${app.need.deadline-job-delay:PT60S}",
			initialDelayString = "${app.need.deadline-job-initial-delay:PT60S}")
	@SchedulerLock(name = "need-deadlines", lockAtMostFor = "PT1M", lockAtLeastFor = "PT5S")
	public void tick() {
		this.runs.incrementAndGet();
		this.deadlines.run();
		// Texts held because WeChat was unreachable are sent again (same tick, same lock).
		this.recheck.run();
	}

	/** How many ticks this instance actually ran (got the lock for): for tests and diagnostics. */
	int runs() {
		return this.runs.get();
	}

}
