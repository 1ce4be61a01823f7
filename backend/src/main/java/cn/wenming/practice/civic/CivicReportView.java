package cn.wenming.practice.civic;

import java.math.BigDecimal;
import java.time.Instant;

import cn.wenming.practice.org.OrgLevel;

/**
 * A 随手拍 as one viewer may see it (GraphQL {@code CivicReport}), built only by
 * {@link CivicReports#viewFor}: the location and the department's contact are nulled for viewers who
 * are neither staff covering the station nor the reporter ({@code privileged}); {@code staff} tells
 * the children (trail, photos) whether the viewer is such an admin.
 */
record CivicReportView(long id, CivicCategory category, String description, String address, BigDecimal latitude,
		BigDecimal longitude, long stationId, long reporterUserId, CivicStatus status, String deadlineOn,
		String rejectReason, Long routedTeamId, String departmentName, String departmentContact,
		String resolutionNote, Long resolvedBy, Instant resolvedAt, Long verifiedBy, Instant verifiedAt,
		boolean photosPublic, Instant createdAt, boolean overdue, OrgLevel escalatedTo, boolean staff,
		boolean privileged) {
}
