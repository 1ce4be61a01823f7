package cn.wenming.practice.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.wenming.practice.activity.ActivityRoster;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reminds every CONFIRMED volunteer of a PUBLISHED activity once it starts within
 * {@code app.notification.reminder-lead-time} (24 h). Once per sign-up ever: the row's dedupe key
 * is the sign-up, so a second tick, a second instance or a re-run writes nothing new. Someone who
 * cancelled is no longer CONFIRMED and is not read; someone promoted from the waitlist is, at the
 * next tick. ShedLock lets one instance run per tick ({@code app.notification.reminder-job-delay}).
 */
@Component
class ActivityReminderJob {

	static final int PAGE = 200;

	private final ActivityRoster roster;

	private final NotificationOutbox outbox;

	private final MessageRenderer renderer;

	private final NotificationProperties properties;

	private final Clock clock;

	ActivityReminderJob(ActivityRoster roster, NotificationOutbox outbox, MessageRenderer renderer,
			NotificationProperties properties, Clock clock) {
		this.roster = roster;
		this.outbox = outbox;
		this.renderer = renderer;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${app.notification.reminder-job-delay:PT5M}",
			initialDelayString = "${app.notification.reminder-job-initial-delay:PT1M}")
	@SchedulerLock(name = "notification-activity-reminders", lockAtMostFor = "PT1M", lockAtLeastFor = "PT5S")
	public void tick() {
		run();
	}

	/** Writes the reminders due now; returns how many were new. */
	int run() {
		Instant now = this.clock.instant();
		Instant until = now.plus(this.properties.reminderLeadTime());
		int written = 0;
		long after = 0;
		while (true) {
			List<ActivityRoster.Upcoming> page = this.roster.confirmedStartingBetween(now, until, after, PAGE);
			for (ActivityRoster.Upcoming signUp : page) {
				written += this.outbox.enqueue(List.of(new NotificationOutbox.Message(NotificationKind.ACTIVITY_REMINDER,
						signUp.userId(), signUp.activityId(), variables(this.renderer, signUp.activityId(), signUp.title(),
								signUp.startsAt(), signUp.address(), now),
						"ACTIVITY_REMINDER:" + signUp.signUpId())))
					.size();
				after = signUp.signUpId();
			}
			if (page.size() < PAGE) {
				return written;
			}
		}
	}

	/** The variables of a message about an activity. */
	static Map<String, String> variables(MessageRenderer renderer, long activityId, String title, Instant startsAt,
			String address, Instant at) {
		Map<String, String> variables = new LinkedHashMap<>();
		variables.put("id", Long.toString(activityId));
		variables.put("title", title);
		variables.put("start", renderer.time(startsAt));
		variables.put("address", address);
		variables.put("time", renderer.time(at));
		return variables;
	}

}
