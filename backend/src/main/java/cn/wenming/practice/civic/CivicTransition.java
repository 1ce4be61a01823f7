package cn.wenming.practice.civic;

import java.time.Instant;

/** GraphQL {@code CivicReportTransition}: one move of the trail (states by name, as stored). */
record CivicTransition(long id, long reportId, String fromStatus, String toStatus, long actorUserId,
		String note, Instant createdAt) {
}
