package cn.wenming.practice.recognition;

import java.math.BigDecimal;
import java.time.Instant;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/** 礼遇规则 (see V45__recognition.sql). */
@TableName("recognition_rule")
class RecognitionRule {

	@TableId(type = IdType.AUTO)
	Long id;

	Long orgUnitId;

	String name;

	String triggerKind;

	BigDecimal threshold;

	Integer bonusPoints;

	String honourTitle;

	Boolean active;

	Long createdBy;

	Instant createdAt;

	Long disabledBy;

	Instant disabledAt;

	public Long getId() {
		return this.id;
	}

	public Long getOrgUnitId() {
		return this.orgUnitId;
	}

	public Boolean getActive() {
		return this.active;
	}

	/** Whether a volunteer with this credited total and star level meets the trigger. */
	boolean metBy(BigDecimal creditHours, int starLevel) {
		return "STAR_LEVEL".equals(this.triggerKind) ? starLevel >= this.threshold.intValue()
				: creditHours.compareTo(this.threshold) >= 0;
	}

	RuleView view() {
		return new RuleView(this.id, this.orgUnitId, this.name, this.triggerKind, this.threshold, this.bonusPoints,
				this.honourTitle, Boolean.TRUE.equals(this.active), this.createdAt, this.disabledAt);
	}

	record RuleView(long id, long orgUnitId, String name, String trigger, BigDecimal threshold, int bonusPoints,
			String honourTitle, boolean active, Instant createdAt, Instant disabledAt) {
	}

}
