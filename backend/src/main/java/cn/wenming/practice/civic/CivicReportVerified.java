package cn.wenming.practice.civic;

import java.time.Instant;

/**
 * A 随手拍 whose resolution another admin confirmed: the reporter earns points, once per report
 * (consumers key the award by {@code reportId}).
 */
public record CivicReportVerified(long reportId, long reporterUserId, long stationId, long verifiedBy,
		Instant verifiedAt) {
}
