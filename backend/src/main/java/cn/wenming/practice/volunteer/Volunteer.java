package cn.wenming.practice.volunteer;

import java.math.BigDecimal;
import java.time.Instant;

import com.baomidou.mybatisplus.annotation.FieldFill;
import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/** A registered volunteer (see V3__volunteer.sql); the GraphQL {@code Volunteer} private view. */
@TableName("volunteer")
class Volunteer implements IdentifiedVolunteer {

	@TableId(type = IdType.AUTO)
	private Long id;

	private Long userId;

	private String realName;

	private String idNumberCipher;

	private String idNumberHash;

	private String idNumberMasked;

	private Long homeStationId;

	private Boolean partyMember;

	private Boolean trained;

	/** 在职党员 (party member in service, 到站报到): declared by the volunteer. */
	private Boolean inServicePartyDeclared;

	/** 在职党员 as confirmed or set by an admin over the home station: what the assessment counts. */
	private Boolean inServicePartyMember;

	private Long inServicePartyBy;

	private Instant inServicePartyAt;

	private BigDecimal creditHours;

	private BigDecimal honorHours;

	@TableField(fill = FieldFill.INSERT)
	private Instant createdAt;

	@TableField(fill = FieldFill.INSERT_UPDATE)
	private Instant updatedAt;

	VolunteerRef toRef() {
		return new VolunteerRef(this.id, this.userId, this.homeStationId, Boolean.TRUE.equals(this.trained));
	}

	VolunteerProfile toProfile() {
		return new VolunteerProfile(this.id, cn.wenming.practice.shared.Masking.name(this.realName), this.homeStationId,
				this.creditHours);
	}

	public int getStar() {
		return StarLevel.of(this.creditHours);
	}

	@Override
	public Long getId() {
		return this.id;
	}

	public void setId(Long id) {
		this.id = id;
	}

	public Long getUserId() {
		return this.userId;
	}

	public void setUserId(Long userId) {
		this.userId = userId;
	}

	public String getRealName() {
		return this.realName;
	}

	public void setRealName(String realName) {
		this.realName = realName;
	}

	public String getIdNumberCipher() {
		return this.idNumberCipher;
	}

	public void setIdNumberCipher(String idNumberCipher) {
		this.idNumberCipher = idNumberCipher;
	}

	public String getIdNumberHash() {
		return this.idNumberHash;
	}

	public void setIdNumberHash(String idNumberHash) {
		this.idNumberHash = idNumberHash;
	}

	public String getIdNumberMasked() {
		return this.idNumberMasked;
	}

	public void setIdNumberMasked(String idNumberMasked) {
		this.idNumberMasked = idNumberMasked;
	}

	public Long getHomeStationId() {
		return this.homeStationId;
	}

	public void setHomeStationId(Long homeStationId) {
		this.homeStationId = homeStationId;
	}

	public Boolean getPartyMember() {
		return this.partyMember;
	}

	public void setPartyMember(Boolean partyMember) {
		this.partyMember = partyMember;
	}

	public Boolean getTrained() {
		return this.trained;
	}

	public void setTrained(Boolean trained) {
		this.trained = trained;
	}

	public BigDecimal getCreditHours() {
		return this.creditHours;
	}

	public void setCreditHours(BigDecimal creditHours) {
		this.creditHours = creditHours;
	}

	public BigDecimal getHonorHours() {
		return this.honorHours;
	}

	public void setHonorHours(BigDecimal honorHours) {
		this.honorHours = honorHours;
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

	public Boolean getInServicePartyDeclared() {
		return this.inServicePartyDeclared;
	}

	public void setInServicePartyDeclared(Boolean inServicePartyDeclared) {
		this.inServicePartyDeclared = inServicePartyDeclared;
	}

	public Boolean getInServicePartyMember() {
		return this.inServicePartyMember;
	}

	public void setInServicePartyMember(Boolean inServicePartyMember) {
		this.inServicePartyMember = inServicePartyMember;
	}

	public Long getInServicePartyBy() {
		return this.inServicePartyBy;
	}

	public void setInServicePartyBy(Long inServicePartyBy) {
		this.inServicePartyBy = inServicePartyBy;
	}

	public Instant getInServicePartyAt() {
		return this.inServicePartyAt;
	}

	public void setInServicePartyAt(Instant inServicePartyAt) {
		this.inServicePartyAt = inServicePartyAt;
	}

}
