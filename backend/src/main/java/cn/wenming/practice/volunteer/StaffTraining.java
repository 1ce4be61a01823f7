package cn.wenming.practice.volunteer;

import java.time.Instant;
import java.time.LocalDate;

import com.baomidou.mybatisplus.annotation.FieldFill;
import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/**
 * A training session a unit held for its staff (admins) and 骨干 (team leaders), seed 003 (中心每年
 * 至少 2 次, 全覆盖): GraphQL {@code StaffTraining}. Attendees are users, in {@code staff_training_attendee}.
 */
@TableName("staff_training")
class StaffTraining {

	@TableId(type = IdType.AUTO)
	private Long id;

	private Long orgUnitId;

	private LocalDate heldOn;

	private String topic;

	private Long recordedBy;

	@TableField(fill = FieldFill.INSERT)
	private Instant createdAt;

	/** Set when a correction withdrew the session: it stays listed with its trail, no figure counts it. */
	private Instant withdrawnAt;

	/** The recorder's idempotency key and the digest of the input it came with (V62; null before). */
	private String idempotencyKey;

	private String requestDigest;

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

	public Instant getWithdrawnAt() {
		return this.withdrawnAt;
	}

	public void setWithdrawnAt(Instant withdrawnAt) {
		this.withdrawnAt = withdrawnAt;
	}

	public Long getId() {
		return this.id;
	}

	public void setId(Long id) {
		this.id = id;
	}

	public Long getOrgUnitId() {
		return this.orgUnitId;
	}

	public void setOrgUnitId(Long orgUnitId) {
		this.orgUnitId = orgUnitId;
	}

	public LocalDate getHeldOn() {
		return this.heldOn;
	}

	public void setHeldOn(LocalDate heldOn) {
		this.heldOn = heldOn;
	}

	public String getTopic() {
		return this.topic;
	}

	public void setTopic(String topic) {
		this.topic = topic;
	}

	public Long getRecordedBy() {
		return this.recordedBy;
	}

	public void setRecordedBy(Long recordedBy) {
		this.recordedBy = recordedBy;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public void setCreatedAt(Instant createdAt) {
		this.createdAt = createdAt;
	}

}
