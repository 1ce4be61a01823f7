package cn.wenming.practice.need;

import java.math.BigDecimal;
import java.time.Instant;

import com.baomidou.mybatisplus.annotation.TableName;

/** A volunteer who served a completed need, with the hours; GraphQL {@code NeedParticipant}. */
@TableName("need_participant")
class NeedParticipant {

	private Long needId;

	private Long userId;

	private Long volunteerId;

	private BigDecimal hours;

	/** PENDING until confirmed: only confirmed hours are credit hours and earn points. */
	private NeedHoursStatus hoursStatus;

	/** The hours the assignee claimed, kept when an admin adjusted them; null when never adjusted. */
	private BigDecimal claimedHours;

	private Long adjustedBy;

	private String adjustedReason;

	private Long confirmedBy;

	private Instant confirmedAt;

	/** Who revoked confirmed hours, when and why; null unless REVOKED. */
	private Long revokedBy;

	private Instant revokedAt;

	private String revokeReason;

	public Long getNeedId() {
		return this.needId;
	}

	public void setNeedId(Long needId) {
		this.needId = needId;
	}

	public Long getUserId() {
		return this.userId;
	}

	public void setUserId(Long userId) {
		this.userId = userId;
	}

	public Long getVolunteerId() {
		return this.volunteerId;
	}

	public void setVolunteerId(Long volunteerId) {
		this.volunteerId = volunteerId;
	}

	public BigDecimal getHours() {
		return this.hours;
	}

	public void setHours(BigDecimal hours) {
		this.hours = hours;
	}

	public NeedHoursStatus getHoursStatus() {
		return this.hoursStatus;
	}

	public void setHoursStatus(NeedHoursStatus hoursStatus) {
		this.hoursStatus = hoursStatus;
	}

	public BigDecimal getClaimedHours() {
		return this.claimedHours;
	}

	public void setClaimedHours(BigDecimal claimedHours) {
		this.claimedHours = claimedHours;
	}

	public Long getAdjustedBy() {
		return this.adjustedBy;
	}

	public void setAdjustedBy(Long adjustedBy) {
		this.adjustedBy = adjustedBy;
	}

	public String getAdjustedReason() {
		return this.adjustedReason;
	}

	public void setAdjustedReason(String adjustedReason) {
		this.adjustedReason = adjustedReason;
	}

	public Long getConfirmedBy() {
		return this.confirmedBy;
	}

	public void setConfirmedBy(Long confirmedBy) {
		this.confirmedBy = confirmedBy;
	}

	public Instant getConfirmedAt() {
		return this.confirmedAt;
	}

	public void setConfirmedAt(Instant confirmedAt) {
		this.confirmedAt = confirmedAt;
	}

	public Long getRevokedBy() {
		return this.revokedBy;
	}

	public void setRevokedBy(Long revokedBy) {
		this.revokedBy = revokedBy;
	}

	public Instant getRevokedAt() {
		return this.revokedAt;
	}

	public void setRevokedAt(Instant revokedAt) {
		this.revokedAt = revokedAt;
	}

	public String getRevokeReason() {
		return this.revokeReason;
	}

	public void setRevokeReason(String revokeReason) {
		this.revokeReason = revokeReason;
	}

}
