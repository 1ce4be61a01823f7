package cn.wenming.practice.project;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A project task is due today and its owner is to be reminded: {@code recipientUserId} is the owner
 * volunteer or the owner team's current leader. Published once per task per day by the daily
 * reminder job, inside the transaction that claims the day's reminder; consume it with
 * {@code @ApplicationModuleListener}. The notification feature sends the subscribe message.
 */
public record ProjectTaskDue(long taskId, long projectId, String projectName, String title, LocalDate dueDate,
		long recipientUserId, Instant at) {
}
