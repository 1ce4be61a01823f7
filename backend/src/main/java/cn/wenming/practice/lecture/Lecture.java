package cn.wenming.practice.lecture;

import java.time.Instant;
import java.time.LocalDate;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/** 宣讲: one lecture held by a unit; its speakers are in {@code lecture_speaker}. */
@TableName("lecture")
class Lecture {

	@TableId(type = IdType.AUTO)
	Long id;

	Long orgUnitId;

	String topic;

	String place;

	LocalDate heldOn;

	Integer audience;

	Long groupId;

	Long activityId;

	Long recordedBy;

	Instant createdAt;

	/** The recorder's idempotency key and the digest of the input it came with (V62; null before). */
	String idempotencyKey;

	String requestDigest;

	public Long getId() {
		return this.id;
	}

	LectureView view() {
		return new LectureView(this.id, this.orgUnitId, this.topic, this.place, this.heldOn.toString(), this.audience,
				this.groupId, this.activityId, this.createdAt);
	}

}
