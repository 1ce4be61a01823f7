package cn.wenming.practice.notification;

import java.util.Set;

/**
 * What a notification is about. Each kind has its own template and page in
 * {@link NotificationProperties}; {@link #variables} are the placeholders its page and data may use
 * (checked at start-up, so a typo in the configuration stops the server rather than a message).
 */
enum NotificationKind {

	/** A new need was ordered at the station and waits for its review: the station's admins are told. */
	NEED_SUBMITTED("id", "title", "time"),
	/** The resident's need passed review and is on the wish wall. */
	NEED_PUBLISHED("id", "title", "time"),
	/** The resident's need was rejected in review, with the reason. */
	NEED_REJECTED("id", "title", "time", "reason"),
	/** A need was dispatched to the team (its leader is told) or the volunteer. */
	NEED_DISPATCHED("id", "title", "time", "deadline"),
	/** The resident's need was accepted by the dispatched team or volunteer. */
	NEED_ACCEPTED("id", "title", "time"),
	/** The resident's need was completed: the page asks for a rating. */
	NEED_COMPLETED("id", "title", "time"),
	/** A need is overdue and was escalated to the 所 or the 中心: its admins are told. */
	NEED_OVERDUE("id", "title", "time", "stage", "level"),
	/** An activity the volunteer signed up for (or waits for) was cancelled. */
	ACTIVITY_CANCELLED("id", "title", "time", "start", "address"),
	/** The volunteer moved from the waitlist to a confirmed place. */
	WAITLIST_PROMOTED("id", "title", "time", "start", "address"),
	/** The activity a confirmed volunteer signed up for starts within 24 h. */
	ACTIVITY_REMINDER("id", "title", "time", "start", "address"),
	/** A project task (服务清单 任务分解) is due today: its owner volunteer or team leader is reminded. */
	PROJECT_TASK_DUE("id", "title", "time", "project", "due");

	final Set<String> variables;

	NotificationKind(String... variables) {
		this.variables = Set.of(variables);
	}

}
