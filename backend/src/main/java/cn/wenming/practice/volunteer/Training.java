package cn.wenming.practice.volunteer;

import java.time.Instant;

import com.baomidou.mybatisplus.annotation.FieldFill;
import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/** A completed training (培训) of a volunteer, recorded by an admin. */
@TableName("volunteer_training")
class Training {

	@TableId(type = IdType.AUTO)
	private Long id;

	private Long volunteerId;

	private String course;

	private Instant completedAt;

	private Long recordedBy;

	/** The creator's idempotency key and the digest of the request it came with (V65; see CreationKeys). */
	String idempotencyKey;

	String requestDigest;

	@TableField(fill = FieldFill.INSERT)
	private Instant createdAt;

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

	public String getCourse() {
		return this.course;
	}

	public void setCourse(String course) {
		this.course = course;
	}

	public Instant getCompletedAt() {
		return this.completedAt;
	}

	public void setCompletedAt(Instant completedAt) {
		this.completedAt = completedAt;
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
