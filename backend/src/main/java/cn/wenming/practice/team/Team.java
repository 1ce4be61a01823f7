package cn.wenming.practice.team;

import java.time.Instant;

import com.baomidou.mybatisplus.annotation.FieldFill;
import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/** A volunteer team (see V4__team.sql); GraphQL {@code Team} and {@code TeamCard}. */
@TableName("team")
class Team implements IdentifiedTeam {

	@TableId(type = IdType.AUTO)
	private Long id;

	private Long orgUnitId;

	private String name;

	private TeamKind kind;

	private String description;

	private Long leaderUserId;

	private TeamStatus status;

	private Integer activeFlag;

	private Long createdBy;

	private Instant disbandedAt;

	@TableField(fill = FieldFill.INSERT)
	private Instant createdAt;

	@TableField(fill = FieldFill.INSERT_UPDATE)
	private Instant updatedAt;

	@Override
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

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public TeamKind getKind() {
		return this.kind;
	}

	public void setKind(TeamKind kind) {
		this.kind = kind;
	}

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public Long getLeaderUserId() {
		return this.leaderUserId;
	}

	public void setLeaderUserId(Long leaderUserId) {
		this.leaderUserId = leaderUserId;
	}

	public TeamStatus getStatus() {
		return this.status;
	}

	public void setStatus(TeamStatus status) {
		this.status = status;
	}

	public Integer getActiveFlag() {
		return this.activeFlag;
	}

	public void setActiveFlag(Integer activeFlag) {
		this.activeFlag = activeFlag;
	}

	public Long getCreatedBy() {
		return this.createdBy;
	}

	public void setCreatedBy(Long createdBy) {
		this.createdBy = createdBy;
	}

	public Instant getDisbandedAt() {
		return this.disbandedAt;
	}

	public void setDisbandedAt(Instant disbandedAt) {
		this.disbandedAt = disbandedAt;
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
