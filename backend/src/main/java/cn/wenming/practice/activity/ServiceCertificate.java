package cn.wenming.practice.activity;

import java.math.BigDecimal;
import java.time.Instant;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/**
 * An issued service-record certificate (志愿服务证明, see V15__activity_certificate.sql): the PDF as
 * handed out, its totals and the verification code printed on it.
 */
@TableName("service_certificate")
class ServiceCertificate {

	@TableId(type = IdType.AUTO)
	private Long id;

	private String code;

	private Long volunteerId;

	private Integer serviceYear;

	private Integer activitiesCount;

	/** Confirmed need-service hours counted in {@link #creditHours} beside the activities. */
	private Integer needsCount;

	private BigDecimal creditHours;

	private BigDecimal needHours;

	private BigDecimal honorHours;

	private String maskedName;

	private Long issuingUnitId;

	private String issuingUnitName;

	private String contentHash;

	private byte[] pdf;

	private Long issuedBy;

	private Instant issuedAt;

	public Long getId() {
		return this.id;
	}

	public void setId(Long id) {
		this.id = id;
	}

	public String getCode() {
		return this.code;
	}

	public void setCode(String code) {
		this.code = code;
	}

	public Long getVolunteerId() {
		return this.volunteerId;
	}

	public void setVolunteerId(Long volunteerId) {
		this.volunteerId = volunteerId;
	}

	public Integer getServiceYear() {
		return this.serviceYear;
	}

	public void setServiceYear(Integer serviceYear) {
		this.serviceYear = serviceYear;
	}

	public Integer getActivitiesCount() {
		return this.activitiesCount;
	}

	public void setActivitiesCount(Integer activitiesCount) {
		this.activitiesCount = activitiesCount;
	}

	public BigDecimal getCreditHours() {
		return this.creditHours;
	}

	public void setCreditHours(BigDecimal creditHours) {
		this.creditHours = creditHours;
	}

	public Integer getNeedsCount() {
		return this.needsCount;
	}

	public void setNeedsCount(Integer needsCount) {
		this.needsCount = needsCount;
	}

	public BigDecimal getNeedHours() {
		return this.needHours;
	}

	public void setNeedHours(BigDecimal needHours) {
		this.needHours = needHours;
	}

	public BigDecimal getHonorHours() {
		return this.honorHours;
	}

	public void setHonorHours(BigDecimal honorHours) {
		this.honorHours = honorHours;
	}

	public String getMaskedName() {
		return this.maskedName;
	}

	public void setMaskedName(String maskedName) {
		this.maskedName = maskedName;
	}

	public Long getIssuingUnitId() {
		return this.issuingUnitId;
	}

	public void setIssuingUnitId(Long issuingUnitId) {
		this.issuingUnitId = issuingUnitId;
	}

	public String getIssuingUnitName() {
		return this.issuingUnitName;
	}

	public void setIssuingUnitName(String issuingUnitName) {
		this.issuingUnitName = issuingUnitName;
	}

	public String getContentHash() {
		return this.contentHash;
	}

	public void setContentHash(String contentHash) {
		this.contentHash = contentHash;
	}

	public byte[] getPdf() {
		return this.pdf;
	}

	public void setPdf(byte[] pdf) {
		this.pdf = pdf;
	}

	public Long getIssuedBy() {
		return this.issuedBy;
	}

	public void setIssuedBy(Long issuedBy) {
		this.issuedBy = issuedBy;
	}

	public Instant getIssuedAt() {
		return this.issuedAt;
	}

	public void setIssuedAt(Instant issuedAt) {
		this.issuedAt = issuedAt;
	}

}
