package cn.wenming.practice.activity;

import java.time.Instant;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/** One attendee's rating of a finished activity (活动评价, see V15__activity_certificate.sql). */
@TableName("activity_rating")
class ActivityRating {

	@TableId(type = IdType.AUTO)
	private Long id;

	private Long activityId;

	private Long projectId;

	private Long userId;

	private Integer stars;

	private String comment;

	/** {@code REVIEW} or {@code UNCHECKED} while the comment waits for a human; null when it passed. */
	private String commentHold;

	private Instant createdAt;

	public boolean isCommentHeld() {
		return this.commentHold != null;
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

	public Long getProjectId() {
		return this.projectId;
	}

	public void setProjectId(Long projectId) {
		this.projectId = projectId;
	}

	public Long getUserId() {
		return this.userId;
	}

	public void setUserId(Long userId) {
		this.userId = userId;
	}

	public Integer getStars() {
		return this.stars;
	}

	public void setStars(Integer stars) {
		this.stars = stars;
	}

	public String getComment() {
		return this.comment;
	}

	public void setComment(String comment) {
		this.comment = comment;
	}

	public String getCommentHold() {
		return this.commentHold;
	}

	public void setCommentHold(String commentHold) {
		this.commentHold = commentHold;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public void setCreatedAt(Instant createdAt) {
		this.createdAt = createdAt;
	}

}
