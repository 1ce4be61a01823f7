package cn.wenming.practice.media;

import java.time.Instant;

import com.baomidou.mybatisplus.annotation.FieldFill;
import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/** An uploaded photo (see V11__need_media.sql). */
@TableName("media_photo")
class Photo {

	@TableId(type = IdType.AUTO)
	private Long id;

	private Long ownerUserId;

	private String storageKey;

	/** The thumbnail's file (a JPEG), or null when none could be made. */
	private String thumbnailKey;

	private String contentType;

	private Integer sizeBytes;

	private PhotoStatus status;

	private String traceId;

	private Integer checkAttempts;

	private Instant lastAttemptAt;

	private Instant checkedAt;

	private PhotoSubject subjectType;

	private Long subjectId;

	/** The admin who approved or rejected the held photo (V36), or null. */
	private Long reviewedBy;

	private Instant reviewedAt;

	@TableField(fill = FieldFill.INSERT)
	private Instant createdAt;

	@TableField(fill = FieldFill.INSERT_UPDATE)
	private Instant updatedAt;

	public Long getId() {
		return this.id;
	}

	public void setId(Long id) {
		this.id = id;
	}

	public Long getOwnerUserId() {
		return this.ownerUserId;
	}

	public void setOwnerUserId(Long ownerUserId) {
		this.ownerUserId = ownerUserId;
	}

	public String getStorageKey() {
		return this.storageKey;
	}

	public void setStorageKey(String storageKey) {
		this.storageKey = storageKey;
	}

	public String getThumbnailKey() {
		return this.thumbnailKey;
	}

	public void setThumbnailKey(String thumbnailKey) {
		this.thumbnailKey = thumbnailKey;
	}

	public String getContentType() {
		return this.contentType;
	}

	public void setContentType(String contentType) {
		this.contentType = contentType;
	}

	public Integer getSizeBytes() {
		return this.sizeBytes;
	}

	public void setSizeBytes(Integer sizeBytes) {
		this.sizeBytes = sizeBytes;
	}

	public PhotoStatus getStatus() {
		return this.status;
	}

	public void setStatus(PhotoStatus status) {
		this.status = status;
	}

	public String getTraceId() {
		return this.traceId;
	}

	public void setTraceId(String traceId) {
		this.traceId = traceId;
	}

	public Integer getCheckAttempts() {
		return this.checkAttempts;
	}

	public void setCheckAttempts(Integer checkAttempts) {
		this.checkAttempts = checkAttempts;
	}

	public Instant getLastAttemptAt() {
		return this.lastAttemptAt;
	}

	public void setLastAttemptAt(Instant lastAttemptAt) {
		this.lastAttemptAt = lastAttemptAt;
	}

	public Instant getCheckedAt() {
		return this.checkedAt;
	}

	public void setCheckedAt(Instant checkedAt) {
		this.checkedAt = checkedAt;
	}

	public PhotoSubject getSubjectType() {
		return this.subjectType;
	}

	public void setSubjectType(PhotoSubject subjectType) {
		this.subjectType = subjectType;
	}

	public Long getSubjectId() {
		return this.subjectId;
	}

	public void setSubjectId(Long subjectId) {
		this.subjectId = subjectId;
	}

	public Long getReviewedBy() {
		return this.reviewedBy;
	}

	public void setReviewedBy(Long reviewedBy) {
		this.reviewedBy = reviewedBy;
	}

	public Instant getReviewedAt() {
		return this.reviewedAt;
	}

	public void setReviewedAt(Instant reviewedAt) {
		this.reviewedAt = reviewedAt;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public void setCreatedAt(Instant createdAt) {
		this.createdAt = createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public void setUpdatedAt(Instant updatedAt) {
		this.updatedAt = updatedAt;
	}

}
