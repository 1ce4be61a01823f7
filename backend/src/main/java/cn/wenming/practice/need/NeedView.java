package cn.wenming.practice.need;

import java.math.BigDecimal;
import java.time.Instant;

import cn.wenming.practice.org.OrgLevel;
import cn.wenming.practice.project.ServedUnderProject;

/**
 * A need as one viewer may see it: GraphQL {@code Need}. Built only by {@link NeedVisibility}, which
 * has already nulled what the viewer may not read (private fields, held texts), so the GraphQL
 * layer serves it as it is. {@code privileged} tells the list children (timeline, participants,
 * photos) whether the viewer sees the private side too.
 */
record NeedView(long id, long categoryId, String title, String description, BeneficiaryType beneficiaryType,
		NeedUrgency urgency, NeedSource source, NeedStatus status, long stationId, String maskedContactName,
		String contactName, String contactPhone, String address, BigDecimal latitude, BigDecimal longitude,
		String consentNote, String desiredDate, Long assignedTeamId, Long assignedUserId, Long projectId,
		Instant deadlineAt, Instant publishedAt, Instant completedAt, String completionNote, Integer ratingStars,
		String ratingComment, Instant ratedAt, ContentHold contentHold, ContentHold completionNoteHold,
		ContentHold ratingCommentHold, Instant dispatchedAt, OrgLevel escalationLevel, Instant escalatedAt,
		Instant createdAt, Instant stageStartedAt, boolean privileged, Integer beneficiaries) implements ServedUnderProject {

	@Override
	public Long getProjectId() {
		return this.projectId;
	}

}
