package cn.wenming.practice.recognition;

import java.math.BigDecimal;
import java.time.Instant;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/**
 * 礼遇规则 (see V45__recognition.sql, V59__recognition_rule_approval.sql). Four eyes: a new rule is
 * PENDING and pays nobody until another admin over its center approves it (ACTIVE); it may instead
 * be REJECTED (with a reason) or WITHDRAWN by its creator; an ACTIVE rule may be DISABLED. Only
 * ACTIVE rules are applied.
 */
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

	String status;

	Long createdBy;

	/** The creator's idempotency key and the digest of the request it came with (V65; see CreationKeys). */
	String idempotencyKey;

	String requestDigest;

	Instant createdAt;

	/** Who approved, rejected or withdrew it; null on a rule set before approval was required (V59). */
	Long decidedBy;

	Instant decidedAt;

	String rejectReason;

	Long disabledBy;

	Instant disabledAt;

	public Long getId() {
		return this.id;
	}

	public Long getOrgUnitId() {
		return this.orgUnitId;
	}

	public String getStatus() {
		return this.status;
	}

	/** Whether a volunteer with this credited total and star level meets the trigger. */
	boolean metBy(BigDecimal creditHours, int starLevel) {
		return "STAR_LEVEL".equals(this.triggerKind) ? starLevel >= this.threshold.intValue()
				: creditHours.compareTo(this.threshold) >= 0;
	}

	RuleView view() {
		return new RuleView(this.id, this.orgUnitId, this.name, this.triggerKind, this.threshold, this.bonusPoints,
				this.honourTitle, this.status, ACTIVE.equals(this.status), this.createdBy, this.createdAt,
				this.decidedBy, this.decidedAt, this.rejectReason, this.disabledAt);
	}

	static final String PENDING = "PENDING";

	static final String ACTIVE = "ACTIVE";

	static final String REJECTED = "REJECTED";

	static final String WITHDRAWN = "WITHDRAWN";

	static final String DISABLED = "DISABLED";

	record RuleView(long id, long orgUnitId, String name, String trigger, BigDecimal threshold, int bonusPoints,
			String honourTitle, String status, boolean active, long createdById, Instant createdAt, Long decidedById,
			Instant decidedAt, String rejectReason, Instant disabledAt) {
	}

}
