/**
 * WeChat one-time subscribe messages (订阅消息) about needs and activities. The client reports the
 * templates a user accepted ({@code recordSubscriptions}); each acceptance allows one message.
 * Other features' events become rows of a transactional outbox written before their transaction
 * commits, sent after it commits (and retried by a ShedLock-guarded job), so a notification is
 * never lost with a committed change and WeChat can never undo or hold one up. Only listens:
 * nothing depends on this feature.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "activity", "auth", "need", "org", "project", "team" })
package cn.wenming.practice.notification;
