package cn.wenming.practice.volunteer;

import java.time.Instant;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/** One change of a volunteer's 在职党员 flag, with its reason: GraphQL {@code InServicePartyChange}. */
@TableName("volunteer_party_change")
class PartyChange {

	@TableId(type = IdType.AUTO)
	private Long id;

	private Long volunteerId;

	private Boolean inService;

	private String reason;

	private Long changedBy;

	private Instant changedAt;

	public Long getId() {
		return this.id;
	}

	public void setId(Long id) {
		this.id = id;
	}

	public Long getVolunteerId() {
		return this.volunteerId;
	}

	public void setVolunteerId(Long volunteerId) {
		this.volunteerId = volunteerId;
	}

	public Boolean getInService() {
		return this.inService;
	}

	public void setInService(Boolean inService) {
		this.inService = inService;
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
