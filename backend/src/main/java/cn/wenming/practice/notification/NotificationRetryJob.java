package cn.wenming.practice.notification;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends what is due: retries after a transient failure, and first attempts whose after-commit send
 * never happened (the process stopped, the queue was full). One instance per tick (ShedLock,
 * {@code app.notification.retry-job-delay}); the claim on each row would keep two apart anyway.
 */
@Component
class NotificationRetryJob {

	/** Rows one tick works through at most; the rest wait for the next tick. */
	static final int MAX_PER_TICK = 2_000;

	private final NotificationSender sender;

	NotificationRetryJob(NotificationSender sender) {
		this.sender = sender;
	}

	@Scheduled(fixedDelayString = "${app.notification.retry-job-delay:PT30S}",
			initialDelayString = "${app.notification.retry-job-initial-delay:PT30S}")
	@SchedulerLock(name = "notification-retries", lockAtMostFor = "PT1M", lockAtLeastFor = "PT5S")
	public void tick() {
		run();
	}

	/** Sends the due rows; returns how many were tried. */
	int run() {
		return this.sender.sendDue(MAX_PER_TICK);
	}

}
