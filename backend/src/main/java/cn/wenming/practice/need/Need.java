package cn.wenming.practice.need;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import cn.wenming.practice.org.OrgLevel;
import com.baomidou.mybatisplus.annotation.FieldFill;
import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/**
 * A resident's need: the {@code need} row (see V5__need.sql). What a viewer may see of it is
 * {@link NeedVisibility}'s {@link NeedView} or {@link Wish}.
 */
@TableName("need")
class Need {

	@TableId(type = IdType.AUTO)
	private Long id;

	private Long categoryId;

	private String title;

	private String description;

	/** Why title and description are held for review, or null (see V8). */
	private ContentHold contentHold;

	private BeneficiaryType beneficiaryType;

	/** 受益群众: people served (V37); null until recorded. */
	private Integer beneficiaries;

	private NeedUrgency urgency;

	/** Sealed ({@link NeedContacts}), or plaintext in rows from before V41 not yet re-encrypted. */
	private String address;

	private BigDecimal latitude;

	private BigDecimal longitude;

	private String contactName;

	/** Sealed like {@link #address}. */
	private String contactPhone;

	private LocalDate desiredDate;

	private Long stationId;

	private NeedSource source;

	private String consentNote;

	private Long residentUserId;

	private Long createdBy;

	private NeedStatus status;

	/** When the need entered its current status (see V24): the start of the stage's deadline. */
	private Instant stageStartedAt;

	private Long assignedTeamId;

	private Long assignedUserId;

	/** The service project (服务项目) the need is served under, chosen on dispatch or claim; null without. */
	private Long projectId;

	private Instant deadlineAt;

	private Instant dispatchedAt;

	private Instant publishedAt;

	private Instant completedAt;

	private String completionNote;

	private ContentHold completionNoteHold;

	private Integer ratingStars;

	private String ratingComment;

	private ContentHold ratingCommentHold;

	private Instant ratedAt;

	private Integer version;

	/** The level the current stage's delay has been escalated to (INSTITUTE, CENTER), or null. */
	private OrgLevel escalationLevel;

	private Instant escalatedAt;

	/** When the need was rated, closed unrated or cancelled (see V11); null while open. */
	private Instant closedAt;

	/** How often held-unchecked texts were re-sent to WeChat (see V11). */
	private Integer recheckAttempts;

	@TableField(fill = FieldFill.INSERT)
	private Instant createdAt;

	/** The submitter's idempotency key and the digest of the input it came with (V62; null before). */
	private String idempotencyKey;

	private String requestDigest;

	@TableField(fill = FieldFill.INSERT_UPDATE)
	private Instant updatedAt;

	public Long getId() {
		return this.id;
	}

	public void setId(Long id) {
		this.id = id;
	}

	public Long getCategoryId() {
		return this.categoryId;
	}

	public void setCategoryId(Long categoryId) {
		this.categoryId = categoryId;
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public BeneficiaryType getBeneficiaryType() {
		return this.beneficiaryType;
	}

	public void setBeneficiaryType(BeneficiaryType beneficiaryType) {
		this.beneficiaryType = beneficiaryType;
	}

	public NeedUrgency getUrgency() {
		return this.urgency;
	}

	public void setUrgency(NeedUrgency urgency) {
		this.urgency = urgency;
	}

	public String getAddress() {
		return this.address;
	}

	public void setAddress(String address) {
		this.address = address;
	}

	public BigDecimal getLatitude() {
		return this.latitude;
	}

	public void setLatitude(BigDecimal latitude) {
		this.latitude = latitude;
	}

	public BigDecimal getLongitude() {
		return this.longitude;
	}

	public void setLongitude(BigDecimal longitude) {
		this.longitude = longitude;
	}

	public String getContactName() {
		return this.contactName;
	}

	public void setContactName(String contactName) {
		this.contactName = contactName;
	}

	public String getContactPhone() {
		return this.contactPhone;
	}

	public void setContactPhone(String contactPhone) {
		this.contactPhone = contactPhone;
	}

	public LocalDate getDesiredDate() {
		return this.desiredDate;
	}

	public void setDesiredDate(LocalDate desiredDate) {
		this.desiredDate = desiredDate;
	}

	public Long getStationId() {
		return this.stationId;
	}

	public void setStationId(Long stationId) {
		this.stationId = stationId;
	}

	public NeedSource getSource() {
		return this.source;
	}

	public void setSource(NeedSource source) {
		this.source = source;
	}

	public String getConsentNote() {
		return this.consentNote;
	}

	public void setConsentNote(String consentNote) {
		this.consentNote = consentNote;
	}

	public Long getResidentUserId() {
		return this.residentUserId;
	}

	public void setResidentUserId(Long residentUserId) {
		this.residentUserId = residentUserId;
	}

	public Long getCreatedBy() {
		return this.createdBy;
	}

	public void setCreatedBy(Long createdBy) {
		this.createdBy = createdBy;
	}

	public NeedStatus getStatus() {
		return this.status;
	}

	public void setStatus(NeedStatus status) {
		this.status = status;
	}

	public Instant getStageStartedAt() {
		return this.stageStartedAt;
	}

	public void setStageStartedAt(Instant stageStartedAt) {
		this.stageStartedAt = stageStartedAt;
	}

	public Long getAssignedTeamId() {
		return this.assignedTeamId;
	}

	public void setAssignedTeamId(Long assignedTeamId) {
		this.assignedTeamId = assignedTeamId;
	}

	public Long getAssignedUserId() {
		return this.assignedUserId;
	}

	public void setAssignedUserId(Long assignedUserId) {
		this.assignedUserId = assignedUserId;
	}

	public Long getProjectId() {
		return this.projectId;
	}

	public void setProjectId(Long projectId) {
		this.projectId = projectId;
	}

	public Instant getDeadlineAt() {
		return this.deadlineAt;
	}

	public void setDeadlineAt(Instant deadlineAt) {
		this.deadlineAt = deadlineAt;
	}

	public Instant getPublishedAt() {
		return this.publishedAt;
	}

	public void setPublishedAt(Instant publishedAt) {
		this.publishedAt = publishedAt;
	}

	public Instant getCompletedAt() {
		return this.completedAt;
	}

	public void setCompletedAt(Instant completedAt) {
		this.completedAt = completedAt;
	}

	public String getCompletionNote() {
		return this.completionNote;
	}

	public void setCompletionNote(String completionNote) {
		this.completionNote = completionNote;
	}

	public Integer getRatingStars() {
		return this.ratingStars;
	}

	public void setRatingStars(Integer ratingStars) {
		this.ratingStars = ratingStars;
	}

	public String getRatingComment() {
		return this.ratingComment;
	}

	public void setRatingComment(String ratingComment) {
		this.ratingComment = ratingComment;
	}

	public Instant getRatedAt() {
		return this.ratedAt;
	}

	public void setRatedAt(Instant ratedAt) {
		this.ratedAt = ratedAt;
	}

	public Integer getVersion() {
		return this.version;
	}

	public void setVersion(Integer version) {
		this.version = version;
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

	public ContentHold getContentHold() {
		return this.contentHold;
	}

	public void setContentHold(ContentHold contentHold) {
		this.contentHold = contentHold;
	}

	public ContentHold getCompletionNoteHold() {
		return this.completionNoteHold;
	}

	public void setCompletionNoteHold(ContentHold completionNoteHold) {
		this.completionNoteHold = completionNoteHold;
	}

	public ContentHold getRatingCommentHold() {
		return this.ratingCommentHold;
	}

	public void setRatingCommentHold(ContentHold ratingCommentHold) {
		this.ratingCommentHold = ratingCommentHold;
	}

	public Instant getDispatchedAt() {
		return this.dispatchedAt;
	}

	public void setDispatchedAt(Instant dispatchedAt) {
		this.dispatchedAt = dispatchedAt;
	}

	public OrgLevel getEscalationLevel() {
		return this.escalationLevel;
	}

	public void setEscalationLevel(OrgLevel escalationLevel) {
		this.escalationLevel = escalationLevel;
	}

	public Instant getEscalatedAt() {
		return this.escalatedAt;
	}

	public void setEscalatedAt(Instant escalatedAt) {
		this.escalatedAt = escalatedAt;
	}

	public Instant getClosedAt() {
		return this.closedAt;
	}

	public void setClosedAt(Instant closedAt) {
		this.closedAt = closedAt;
	}

	public Integer getRecheckAttempts() {
		return this.recheckAttempts;
	}

	public void setRecheckAttempts(Integer recheckAttempts) {
		this.recheckAttempts = recheckAttempts;
	}

	public Integer getBeneficiaries() {
		return this.beneficiaries;
	}

	public void setBeneficiaries(Integer beneficiaries) {
		this.beneficiaries = beneficiaries;
	}

	public String getIdempotencyKey() {
		return this.idempotencyKey;
	}

	public void setIdempotencyKey(String idempotencyKey) {
		this.idempotencyKey = idempotencyKey;
	}

	public String getRequestDigest() {
		return this.requestDigest;
	}

	public void setRequestDigest(String requestDigest) {
		this.requestDigest = requestDigest;
	}

}
