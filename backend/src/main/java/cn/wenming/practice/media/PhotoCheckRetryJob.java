package cn.wenming.practice.media;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Re-sends photo checks that never reached WeChat ({@code app.media.retry-job-delay}, default 5
 * minutes), once per tick across instances (ShedLock), at most {@code check-max-attempts} times
 * per photo. Tests switch the timer off and call {@link #tick()}.
 */
@Component
class PhotoCheckRetryJob {

	private final Photos photos;

	PhotoCheckRetryJob(Photos photos) {
		this.photos = photos;
	}

	@Scheduled(fixedDelayString = "${app.media.retry-job-delay:PT5M}",
			initialDelayString = "${app.media.retry-job-initial-delay:PT2M}")
	@SchedulerLock(name = "photo-check-retry", lockAtMostFor = "PT1M", lockAtLeastFor = "PT5S")
	public void tick() {
		this.photos.resendUnsent();
	}

}
