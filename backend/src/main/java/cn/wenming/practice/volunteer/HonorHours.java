package cn.wenming.practice.volunteer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/**
 * Honor hours (荣誉时长, 补录) an admin recorded for a volunteer, with the reason; another admin
 * approves them before they count, and they can be revoked with a reason (the row stays).
 */
@TableName("volunteer_honor_hours")
class HonorHours {

	@TableId(type = IdType.AUTO)
	private Long id;

	private Long volunteerId;

	private BigDecimal hours;

	private String reason;

	private LocalDate serviceDate;

	private Long approvedBy;

	private Instant createdAt;

	private HonorHoursStatus status;

	private Long recordedBy;

	private Instant approvedAt;

	private Instant revokedAt;

	private Long revokedBy;

	private String idempotencyKey;

	private String requestDigest;

	private String revokeReason;

	public Long getId() {
		return this.id;
	}

	public void setId(Long id) {
		this.id = id;
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

	public String getReason() {
		return this.reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

	public LocalDate getServiceDate() {
		return this.serviceDate;
	}

	public void setServiceDate(LocalDate serviceDate) {
		this.serviceDate = serviceDate;
	}

	public Long getApprovedBy() {
		return this.approvedBy;
	}

	public void setApprovedBy(Long approvedBy) {
		this.approvedBy = approvedBy;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public void setCreatedAt(Instant createdAt) {
		this.createdAt = createdAt;
	}

	public HonorHoursStatus getStatus() {
		return this.status;
	}

	public void setStatus(HonorHoursStatus status) {
		this.status = status;
	}

	public Long getRecordedBy() {
		return this.recordedBy;
	}

	public void setRecordedBy(Long recordedBy) {
		this.recordedBy = recordedBy;
	}

	public Instant getApprovedAt() {
		return this.approvedAt;
	}

	public void setApprovedAt(Instant approvedAt) {
		this.approvedAt = approvedAt;
	}

	public Instant getRevokedAt() {
		return this.revokedAt;
	}

	public void setRevokedAt(Instant revokedAt) {
		this.revokedAt = revokedAt;
	}

	public Long getRevokedBy() {
		return this.revokedBy;
	}

	public void setRevokedBy(Long revokedBy) {
		this.revokedBy = revokedBy;
	}

	public String getRevokeReason() {
		return this.revokeReason;
	}

	public void setRevokeReason(String revokeReason) {
		this.revokeReason = revokeReason;
	}

	public String getRequestDigest() {
		return this.requestDigest;
	}

	public void setRequestDigest(String requestDigest) {
		this.requestDigest = requestDigest;
	}

	public String getIdempotencyKey() {
		return this.idempotencyKey;
	}

	public void setIdempotencyKey(String idempotencyKey) {
		this.idempotencyKey = idempotencyKey;
	}

}
