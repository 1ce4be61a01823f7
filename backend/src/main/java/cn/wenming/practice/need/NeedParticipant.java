package cn.wenming.practice.need;

import java.math.BigDecimal;

import com.baomidou.mybatisplus.annotation.TableName;

/** A volunteer who served a completed need, with the hours; GraphQL {@code NeedParticipant}. */
@TableName("need_participant")
class NeedParticipant {

	private Long needId;

	private Long userId;

	private Long volunteerId;

	private BigDecimal hours;

	public Long getNeedId() {
		return this.needId;
	}

	public void setNeedId(Long needId) {
		this.needId = needId;
	}

	public Long getUserId() {
		return this.userId;
	}

	public void setUserId(Long userId) {
		this.userId = userId;
	}

	public Long getVolunteerId() {
		return this.volunteerId;
	}

	public void setVolunteerId(Long volunteerId) {
		this.volunteerId = volunteerId;
	}

	public BigDecimal getHours() {
		return this.hours;
	}

	public void setHours(BigDecimal hours) {
		this.hours = hours;
	}
}
