package cn.wenming.practice.project;

import java.time.Instant;

/** GraphQL {@code ProjectTask}: a task as read; names, history and {@code canComplete} are batched fields. */
record ProjectTaskView(long id, long projectId, String title, String description, String dueDate,
		ProjectTaskStatus status, OwnerKind ownerKind, long ownerId, boolean overdue, Instant completedAt,
		Long completedBy, String note, String cancelReason, Instant createdAt) {

	enum OwnerKind {

		TEAM, VOLUNTEER

	}

}
