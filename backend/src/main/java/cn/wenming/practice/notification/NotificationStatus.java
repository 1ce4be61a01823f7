package cn.wenming.practice.notification;

/** Where a notification stands (see {@code V12__notification.sql}). */
enum NotificationStatus {

	/** To be sent at {@code next_attempt_at} (or held by a sender until then). */
	PENDING,
	/** WeChat accepted it. */
	SENT,
	/** Not sent: the user had no acceptance left for the template, or has no openid. */
	SKIPPED,
	/** WeChat answered 43101: the user has not subscribed (or refused); their count was reset. */
	REFUSED,
	/** Gave up: WeChat refused it for good, or failed on every allowed attempt. */
	FAILED

}
