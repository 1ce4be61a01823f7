package cn.wenming.practice.civic;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/** 随手拍: one report (see V50__civic_report.sql for the states and columns). */
@TableName("civic_report")
class CivicReport {

	@TableId(type = IdType.AUTO)
	Long id;

	CivicCategory category;

	String description;

	String address;

	BigDecimal latitude;

	BigDecimal longitude;

	Long stationId;

	Long reporterUserId;

	CivicStatus status;

	LocalDate deadlineOn;

	String rejectReason;

	Long triagedBy;

	Instant triagedAt;

	Long routedTeamId;

	String departmentName;

	String departmentContact;

	Long routedBy;

	Instant routedAt;

	String resolutionNote;

	Long resolvedBy;

	Instant resolvedAt;

	Long verifiedBy;

	Instant verifiedAt;

	Boolean photosPublic;

	Integer version;

	Instant createdAt;

	Instant updatedAt;

	/** The reporter's idempotency key and the digest of the input it came with (V62; null before). */
	String idempotencyKey;

	String requestDigest;

	public Long getId() {
		return this.id;
	}

}
