package cn.wenming.practice.media;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes photos nobody attached within {@code app.media.unattached-max-age} (default 2 days),
 * rows and files ({@code app.media.cleanup-job-delay}, default hourly), once per tick across
 * instances (ShedLock). Tests switch the timer off and call {@link #tick()}.
 */
@Component
class PhotoCleanupJob {

	private final Photos photos;

	PhotoCleanupJob(Photos photos) {
		this.photos = photos;
	}

	@Scheduled(fixedDelayString = "${app.media.cleanup-job-delay:PT1H}",
			initialDelayString = "${app.media.cleanup-job-initial-delay:PT10M}")
	@SchedulerLock(name = "photo-cleanup", lockAtMostFor = "PT1M", lockAtLeastFor = "PT5S")
	public void tick() {
		this.photos.deleteUnattached();
	}

}
