package cn.wenming.practice.project;

import java.time.Instant;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/**
 * A resident's rating of a need served under a project, as announced by
 * {@link ServiceRated}; keyed by the need id so a replay counts once
 * (V20__need_project.sql). This feature keeps its own copy rather than reading the need tables.
 */
@TableName("project_need_rating")
class ProjectNeedRating {

	@TableId(type = IdType.INPUT)
	private Long needId;

	private Long projectId;

	private Integer stars;

	private Instant ratedAt;

	private Instant createdAt;

	public Long getNeedId() {
		return this.needId;
	}

	public void setNeedId(Long needId) {
		this.needId = needId;
	}

	public Long getProjectId() {
		return this.projectId;
	}

	public void setProjectId(Long projectId) {
		this.projectId = projectId;
	}

	public Integer getStars() {
		return this.stars;
	}

	public void setStars(Integer stars) {
		this.stars = stars;
	}

	public Instant getRatedAt() {
		return this.ratedAt;
	}

	public void setRatedAt(Instant ratedAt) {
		this.ratedAt = ratedAt;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public void setCreatedAt(Instant createdAt) {
		this.createdAt = createdAt;
	}

}
