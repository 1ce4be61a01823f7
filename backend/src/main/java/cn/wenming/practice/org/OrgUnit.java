package cn.wenming.practice.org;

import java.math.BigDecimal;
import java.time.Instant;

import com.baomidou.mybatisplus.annotation.FieldFill;
import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/** An org unit row (see V1__org.sql). */
@TableName("org_unit")
class OrgUnit {

	/** Who created it (V65; null on rows made before): the owner of its idempotency key. */
	Long createdBy;

	/** The creator's idempotency key and the digest of the request it came with (V65; see CreationKeys). */
	String idempotencyKey;

	String requestDigest;

	static final String OPEN = "OPEN";

	static final String CLOSED = "CLOSED";

	@TableId(type = IdType.AUTO)
	private Long id;

	private Long parentId;

	private OrgLevel level;

	private String name;

	private String address;

	/** The unit's duty phone (值班电话): residents call it from the mini-program's 点单 in care mode. */
	private String phone;

	private String regionCode;

	private BigDecimal latitude;

	private BigDecimal longitude;

	private String path;

	private String status;

	/** Raised by every update, which checks it (OrgUnitMapper's statements): optimistic locking. */
	private Integer version;

	@TableField(fill = FieldFill.INSERT)
	private Instant createdAt;

	@TableField(fill = FieldFill.INSERT_UPDATE)
	private Instant updatedAt;

	OrgUnitRef toRef() {
		return new OrgUnitRef(this.id, this.parentId, this.level, this.name, this.path, OPEN.equals(this.status));
	}

	public Long getId() {
		return this.id;
	}

	public void setId(Long id) {
		this.id = id;
	}

	public Long getParentId() {
		return this.parentId;
	}

	public void setParentId(Long parentId) {
		this.parentId = parentId;
	}

	public OrgLevel getLevel() {
		return this.level;
	}

	public void setLevel(OrgLevel level) {
		this.level = level;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getAddress() {
		return this.address;
	}

	public String getPhone() {
		return this.phone;
	}

	public void setPhone(String phone) {
		this.phone = phone;
	}

	public void setAddress(String address) {
		this.address = address;
	}

	public String getRegionCode() {
		return this.regionCode;
	}

	public void setRegionCode(String regionCode) {
		this.regionCode = regionCode;
	}

	public BigDecimal getLatitude() {
		return this.latitude;
	}

	public void setLatitude(BigDecimal latitude) {
		this.latitude = latitude;
	}

	public BigDecimal getLongitude() {
		return this.longitude;
	}

	public void setLongitude(BigDecimal longitude) {
		this.longitude = longitude;
	}

	public String getPath() {
		return this.path;
	}

	public void setPath(String path) {
		this.path = path;
	}

	public String getStatus() {
		return this.status;
	}

	public void setStatus(String status) {
		this.status = status;
	}

	public Integer getVersion() {
		return this.version;
	}

	public void setVersion(Integer version) {
		this.version = version;
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
