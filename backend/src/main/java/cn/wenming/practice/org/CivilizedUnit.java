package cn.wenming.practice.org;

import java.time.Instant;

import com.baomidou.mybatisplus.annotation.FieldFill;
import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/** A 文明单位 row, with the path of its org unit (for the contact masking scope check) when read by a join. */
@TableName("civilized_unit")
class CivilizedUnit {

	/** Who created it (V65; null on rows made before): the owner of its idempotency key. */
	Long createdBy;

	/** The creator's idempotency key and the digest of the request it came with (V65; see CreationKeys). */
	String idempotencyKey;

	String requestDigest;

	@TableId(type = IdType.AUTO)
	private Long id;

	private String name;

	private Long orgUnitId;

	private String contactName;

	private String contactPhone;

	/** 文明单位 or 文明校园; rows from before V49 are units. */
	private CivilizedUnitKind kind;

	/** The 学段 of a 文明校园; null for a 文明单位. */
	private SchoolLevel schoolLevel;

	@TableField(fill = FieldFill.INSERT)
	private Instant createdAt;

	@TableField(fill = FieldFill.INSERT_UPDATE)
	private Instant updatedAt;

	@TableField(exist = false)
	private String orgUnitPath;

	/** Set only by the paired-units batch query: the org unit (站, 所 or 中心) this row was found for. */
	@TableField(exist = false)
	private Long pairedUnitId;

	public Long getId() {
		return this.id;
	}

	public void setId(Long id) {
		this.id = id;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public Long getOrgUnitId() {
		return this.orgUnitId;
	}

	public void setOrgUnitId(Long orgUnitId) {
		this.orgUnitId = orgUnitId;
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

	public void setContactPhone(String contactPhone) {
		this.contactPhone = contactPhone;
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

	public String getOrgUnitPath() {
		return this.orgUnitPath;
	}

	public void setOrgUnitPath(String orgUnitPath) {
		this.orgUnitPath = orgUnitPath;
	}

	public CivilizedUnitKind getKind() {
		return this.kind;
	}

	public void setKind(CivilizedUnitKind kind) {
		this.kind = kind;
	}

	public SchoolLevel getSchoolLevel() {
		return this.schoolLevel;
	}

	public void setSchoolLevel(SchoolLevel schoolLevel) {
		this.schoolLevel = schoolLevel;
	}

	public Long getPairedUnitId() {
		return this.pairedUnitId;
	}

	public void setPairedUnitId(Long pairedUnitId) {
		this.pairedUnitId = pairedUnitId;
	}

}
