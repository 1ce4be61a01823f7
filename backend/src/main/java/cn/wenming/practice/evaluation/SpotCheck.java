package cn.wenming.practice.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/** 抽查评估: one spot check of a station; its scored items are in {@code spot_check_item}. */
@TableName("spot_check")
class SpotCheck {

	@TableId(type = IdType.AUTO)
	Long id;

	Long stationId;

	LocalDate checkedOn;

	BigDecimal total;

	String findings;

	Long checkedBy;

	Instant createdAt;

	/** Set when the record was withdrawn by a correction: it stays readable, no figure counts it. */
	Instant withdrawnAt;

	/** The checker's idempotency key and the digest of the input it came with (V62; null before). */
	String idempotencyKey;

	String requestDigest;

	public Long getId() {
		return this.id;
	}

}
