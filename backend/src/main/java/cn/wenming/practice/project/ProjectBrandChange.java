package cn.wenming.practice.project;

import java.time.Instant;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/** One change of a project's brand flag (品牌项目) by a center admin, with its reason: GraphQL {@code ProjectBrandChange}. */
@TableName("project_brand_change")
class ProjectBrandChange {

	@TableId(type = IdType.AUTO)
	private Long id;

	private Long projectId;

	private Boolean brand;

	private String reason;

	private Long changedBy;

	private Instant changedAt;

	public Long getId() {
		return this.id;
	}

	public void setId(Long id) {
		this.id = id;
	}

	public Long getProjectId() {
		return this.projectId;
	}

	public void setProjectId(Long projectId) {
		this.projectId = projectId;
	}

	public Boolean getBrand() {
		return this.brand;
	}

	public void setBrand(Boolean brand) {
		this.brand = brand;
	}

	public String getReason() {
		return this.reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

	public Long getChangedBy() {
		return this.changedBy;
	}

	public void setChangedBy(Long changedBy) {
		this.changedBy = changedBy;
	}

	public Instant getChangedAt() {
		return this.changedAt;
	}

	public void setChangedAt(Instant changedAt) {
		this.changedAt = changedAt;
	}

}
