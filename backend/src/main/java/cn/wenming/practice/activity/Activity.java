package cn.wenming.practice.activity;

import java.math.BigDecimal;
import java.time.Instant;

import com.baomidou.mybatisplus.annotation.FieldFill;
import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

import cn.wenming.practice.project.ServedUnderProject;
import cn.wenming.practice.volunteer.ServiceCategory;

/** An activity of a project (see V6__activity.sql); GraphQL {@code Activity}. */
@TableName("activity")
class Activity implements ServedUnderProject {

	@TableId(type = IdType.AUTO)
	private Long id;

	private Long projectId;

	private Long orgUnitId;

	private ServiceCategory category;

	private String title;

	private String description;

	private Instant startsAt;

	private Instant endsAt;

	private Instant signUpDeadline;

	private String address;

	private BigDecimal latitude;

	private BigDecimal longitude;

	private Integer geofenceMeters;

	private Integer capacity;

	private Integer confirmedCount;

	private Integer waitlistSeq;

	private Boolean trainingRequired;

	private Boolean theoryLecture;

	/** The paired 文明单位 that runs this activity at its station (结对共建), if any. */
	private Long civilizedUnitId;

	private String contactName;

	private String contactPhone;

	/** Why an admin cancelled it (volunteers see it); V30. */
	private String cancelReason;

	private ActivityStatus status;

	/** 受益群众: people served (V37); null until recorded. */
	private Integer beneficiaries;

	private Long createdBy;

	/** The creator's idempotency key and the digest of the request it came with (V65; see CreationKeys). */
	String idempotencyKey;

	String requestDigest;

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

	@Override
	public Long getProjectId() {
		return this.projectId;
	}

	public void setProjectId(Long projectId) {
		this.projectId = projectId;
	}

	public Long getOrgUnitId() {
		return this.orgUnitId;
	}

	public void setOrgUnitId(Long orgUnitId) {
		this.orgUnitId = orgUnitId;
	}

	public ServiceCategory getCategory() {
		return this.category;
	}

	public void setCategory(ServiceCategory category) {
		this.category = category;
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

	public Instant getStartsAt() {
		return this.startsAt;
	}

	public void setStartsAt(Instant startsAt) {
		this.startsAt = startsAt;
	}

	public Instant getEndsAt() {
		return this.endsAt;
	}

	public void setEndsAt(Instant endsAt) {
		this.endsAt = endsAt;
	}

	public Instant getSignUpDeadline() {
		return this.signUpDeadline;
	}

	public void setSignUpDeadline(Instant signUpDeadline) {
		this.signUpDeadline = signUpDeadline;
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

	public Integer getGeofenceMeters() {
		return this.geofenceMeters;
	}

	public void setGeofenceMeters(Integer geofenceMeters) {
		this.geofenceMeters = geofenceMeters;
	}

	public Integer getCapacity() {
		return this.capacity;
	}

	public void setCapacity(Integer capacity) {
		this.capacity = capacity;
	}

	public Integer getConfirmedCount() {
		return this.confirmedCount;
	}

	public void setConfirmedCount(Integer confirmedCount) {
		this.confirmedCount = confirmedCount;
	}

	public Integer getWaitlistSeq() {
		return this.waitlistSeq;
	}

	public void setWaitlistSeq(Integer waitlistSeq) {
		this.waitlistSeq = waitlistSeq;
	}

	public Boolean getTrainingRequired() {
		return this.trainingRequired;
	}

	public void setTrainingRequired(Boolean trainingRequired) {
		this.trainingRequired = trainingRequired;
	}

	public Boolean getTheoryLecture() {
		return this.theoryLecture;
	}

	public void setTheoryLecture(Boolean theoryLecture) {
		this.theoryLecture = theoryLecture;
	}

	public Long getCivilizedUnitId() {
		return this.civilizedUnitId;
	}

	public void setCivilizedUnitId(Long civilizedUnitId) {
		this.civilizedUnitId = civilizedUnitId;
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

	public String getCancelReason() {
		return this.cancelReason;
	}

	public void setCancelReason(String cancelReason) {
		this.cancelReason = cancelReason;
	}

	public void setContactPhone(String contactPhone) {
		this.contactPhone = contactPhone;
	}

	public ActivityStatus getStatus() {
		return this.status;
	}

	public void setStatus(ActivityStatus status) {
		this.status = status;
	}

	public Long getCreatedBy() {
		return this.createdBy;
	}

	public void setCreatedBy(Long createdBy) {
		this.createdBy = createdBy;
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

	public Integer getBeneficiaries() {
		return this.beneficiaries;
	}

	public void setBeneficiaries(Integer beneficiaries) {
		this.beneficiaries = beneficiaries;
	}

}
