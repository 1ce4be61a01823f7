package cn.wenming.practice.activity;

import java.math.BigDecimal;
import java.time.Instant;

import com.baomidou.mybatisplus.annotation.FieldFill;
import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;


/** One person's sign-up (报名) for an activity, with attendance and hours; GraphQL {@code SignUp}. */
@TableName("activity_sign_up")
class SignUp {

	@TableId(type = IdType.AUTO)
	private Long id;

	private Long activityId;

	private Long userId;

	private Long volunteerId;

	private SignUpStatus status;

	private Integer liveFlag;

	private Integer waitlistPosition;

	private String source;

	private Instant checkedInAt;

	private Instant checkedOutAt;

	private BigDecimal hours;

	private Instant hoursConfirmedAt;

	private Long hoursConfirmedBy;

	private Instant cancelledAt;

	private Instant hoursRevokedAt;

	private Long hoursRevokedBy;

	private String hoursRevokeReason;

	private Instant hoursAdjustedAt;

	private Long hoursAdjustedBy;

	private String hoursAdjustReason;

	@TableField(fill = FieldFill.INSERT)
	private Instant createdAt;

	@TableField(fill = FieldFill.INSERT_UPDATE)
	private Instant updatedAt;

	public boolean isHoursConfirmed() {
		return this.hoursConfirmedAt != null;
	}

	public boolean isHoursAdjusted() {
		return this.hoursAdjustedAt != null;
	}

	public boolean isHoursRevoked() {
		return this.hoursRevokedAt != null;
	}

	public Instant getHoursRevokedAt() {
		return this.hoursRevokedAt;
	}

	public void setHoursRevokedAt(Instant hoursRevokedAt) {
		this.hoursRevokedAt = hoursRevokedAt;
	}

	public Long getHoursRevokedBy() {
		return this.hoursRevokedBy;
	}

	public void setHoursRevokedBy(Long hoursRevokedBy) {
		this.hoursRevokedBy = hoursRevokedBy;
	}

	public String getHoursRevokeReason() {
		return this.hoursRevokeReason;
	}

	public void setHoursRevokeReason(String hoursRevokeReason) {
		this.hoursRevokeReason = hoursRevokeReason;
	}

	public Instant getHoursAdjustedAt() {
		return this.hoursAdjustedAt;
	}

	public void setHoursAdjustedAt(Instant hoursAdjustedAt) {
		this.hoursAdjustedAt = hoursAdjustedAt;
	}

	public Long getHoursAdjustedBy() {
		return this.hoursAdjustedBy;
	}

	public void setHoursAdjustedBy(Long hoursAdjustedBy) {
		this.hoursAdjustedBy = hoursAdjustedBy;
	}

	public String getHoursAdjustReason() {
		return this.hoursAdjustReason;
	}

	public void setHoursAdjustReason(String hoursAdjustReason) {
		this.hoursAdjustReason = hoursAdjustReason;
	}

	public Long getId() {
		return this.id;
	}

	public void setId(Long id) {
		this.id = id;
	}

	public Long getActivityId() {
		return this.activityId;
	}

	public void setActivityId(Long activityId) {
		this.activityId = activityId;
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

	public SignUpStatus getStatus() {
		return this.status;
	}

	public void setStatus(SignUpStatus status) {
		this.status = status;
	}

	public Integer getLiveFlag() {
		return this.liveFlag;
	}

	public void setLiveFlag(Integer liveFlag) {
		this.liveFlag = liveFlag;
	}

	public Integer getWaitlistPosition() {
		return this.waitlistPosition;
	}

	public void setWaitlistPosition(Integer waitlistPosition) {
		this.waitlistPosition = waitlistPosition;
	}

	public String getSource() {
		return this.source;
	}

	public void setSource(String source) {
		this.source = source;
	}

	public Instant getCheckedInAt() {
		return this.checkedInAt;
	}

	public void setCheckedInAt(Instant checkedInAt) {
		this.checkedInAt = checkedInAt;
	}

	public Instant getCheckedOutAt() {
		return this.checkedOutAt;
	}

	public void setCheckedOutAt(Instant checkedOutAt) {
		this.checkedOutAt = checkedOutAt;
	}

	public BigDecimal getHours() {
		return this.hours;
	}

	public void setHours(BigDecimal hours) {
		this.hours = hours;
	}

	public Instant getHoursConfirmedAt() {
		return this.hoursConfirmedAt;
	}

	public void setHoursConfirmedAt(Instant hoursConfirmedAt) {
		this.hoursConfirmedAt = hoursConfirmedAt;
	}

	public Long getHoursConfirmedBy() {
		return this.hoursConfirmedBy;
	}

	public void setHoursConfirmedBy(Long hoursConfirmedBy) {
		this.hoursConfirmedBy = hoursConfirmedBy;
	}

	public Instant getCancelledAt() {
		return this.cancelledAt;
	}

	public void setCancelledAt(Instant cancelledAt) {
		this.cancelledAt = cancelledAt;
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
