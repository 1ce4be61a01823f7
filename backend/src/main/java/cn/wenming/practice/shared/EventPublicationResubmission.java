package cn.wenming.practice.shared;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Work after a commit is done by {@code @ApplicationModuleListener}s, and the event publication
 * registry (table {@code EVENT_PUBLICATION}, V21) records each (event, listener) pair in the
 * publishing transaction. A listener that threw, or that never ran because the instance stopped
 * between the commit and the listener, leaves its publication incomplete; this job hands those back
 * to their listeners, which are idempotent. Only publications older than
 * {@code app.events.resubmit-older-than} are taken, so a listener still in flight is not doubled.
 * Runs on one instance per tick (ShedLock) and once at start-up on each instance.
 */
@Component
class EventPublicationResubmission {

	private static final Logger log = LoggerFactory.getLogger(EventPublicationResubmission.class);

	private final IncompleteEventPublications incomplete;

	private final EventRegistryProperties properties;

	EventPublicationResubmission(IncompleteEventPublications incomplete, EventRegistryProperties properties) {
		this.incomplete = incomplete;
		this.properties = properties;
	}

	@EventListener(ApplicationReadyEvent.class)
	void onStartup() {
		if (this.properties.resubmitOnStartup()) {
			resubmit();
		}
	}

	@Scheduled(fixedDelayString = "${app.events.resubmit-delay:PT1M}",
			initialDelayString = "${app.events.resubmit-initial-delay:PT1M}")
	@SchedulerLock(name = "event-publication-resubmission", lockAtMostFor = "PT1M", lockAtLeastFor = "PT5S")
	public void tick() {
		resubmit();
	}

	/** Resubmits the incomplete publications old enough; the listeners run asynchronously. */
	public void resubmit() {
		try {
			this.incomplete.resubmitIncompletePublicationsOlderThan(this.properties.resubmitOlderThan());
		}
		catch (RuntimeException ex) {
			// The next tick tries again; nothing is lost while publications stay incomplete.
			log.warn("Resubmitting incomplete event publications failed", ex);
		}
	}

}
