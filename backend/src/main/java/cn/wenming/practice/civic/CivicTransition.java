package cn.wenming.practice.civic;

import java.time.Instant;

/** GraphQL {@code CivicReportTransition}: one move of the trail. */
record CivicTransition(long id, long reportId, CivicStatus fromStatus, CivicStatus toStatus, long actorUserId,
		String note, Instant createdAt) {
}
