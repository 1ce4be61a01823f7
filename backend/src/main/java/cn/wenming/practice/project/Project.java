package cn.wenming.practice.project;

import java.time.Instant;

import com.baomidou.mybatisplus.annotation.FieldFill;
import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

import cn.wenming.practice.volunteer.ServiceCategory;

/** A service project (服务清单, see V6__activity.sql); GraphQL {@code Project}. */
@TableName("project")
class Project {

	@TableId(type = IdType.AUTO)
	private Long id;

	private Long orgUnitId;

	private Long teamId;

	private String name;

	private ServiceCategory category;

	private String description;

	private Boolean brand;

	private ProjectStatus status;

	/** Who set the brand flag (品牌项目) last, a center admin, and when; null while never set. */
	private Long brandMarkedBy;

	private Instant brandMarkedAt;

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

	public Long getOrgUnitId() {
		return this.orgUnitId;
	}

	public void setOrgUnitId(Long orgUnitId) {
		this.orgUnitId = orgUnitId;
	}

	public Long getTeamId() {
		return this.teamId;
	}

	public void setTeamId(Long teamId) {
		this.teamId = teamId;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public ServiceCategory getCategory() {
		return this.category;
	}

	public void setCategory(ServiceCategory category) {
		this.category = category;
	}

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public Boolean getBrand() {
		return this.brand;
	}

	public void setBrand(Boolean brand) {
		this.brand = brand;
	}

	public ProjectStatus getStatus() {
		return this.status;
	}

	public void setStatus(ProjectStatus status) {
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

	public Long getBrandMarkedBy() {
		return this.brandMarkedBy;
	}

	public void setBrandMarkedBy(Long brandMarkedBy) {
		this.brandMarkedBy = brandMarkedBy;
	}

	public Instant getBrandMarkedAt() {
		return this.brandMarkedAt;
	}

	public void setBrandMarkedAt(Instant brandMarkedAt) {
		this.brandMarkedAt = brandMarkedAt;
	}

}
