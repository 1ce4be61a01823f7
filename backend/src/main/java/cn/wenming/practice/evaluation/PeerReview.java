package cn.wenming.practice.evaluation;

import java.math.BigDecimal;
import java.time.Instant;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/** 站互评: one station's rating of another for a month; the item scores are in {@code peer_review_score}. */
@TableName("peer_review")
class PeerReview {

	@TableId(type = IdType.AUTO)
	Long id;

	String period;

	Long reviewerStationId;

	Long reviewedStationId;

	BigDecimal average;

	String comment;

	Long reviewedBy;

	Instant createdAt;

	/** Set when the record was withdrawn by a correction: it stays readable, no figure counts it. */
	Instant withdrawnAt;

	public Long getId() {
		return this.id;
	}

}
