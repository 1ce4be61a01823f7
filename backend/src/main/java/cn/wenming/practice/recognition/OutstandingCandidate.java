package cn.wenming.practice.recognition;

import java.math.BigDecimal;
import java.time.Instant;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/** A 年度优秀志愿者 candidate (see V45__recognition.sql). */
@TableName("outstanding_candidate")
class OutstandingCandidate {

	@TableId(type = IdType.AUTO)
	Long id;

	Long orgUnitId;

	Integer serviceYear;

	Long volunteerId;

	Long userId;

	BigDecimal yearHours;

	String status;

	Long proposedBy;

	Instant proposedAt;

	Long decidedBy;

	Instant decidedAt;

	String decisionNote;

	public Long getId() {
		return this.id;
	}

	public Long getUserId() {
		return this.userId;
	}

	public Integer getServiceYear() {
		return this.serviceYear;
	}

	CandidateView view() {
		return new CandidateView(this.id, this.orgUnitId, this.serviceYear, this.volunteerId, this.userId,
				this.yearHours, this.status, this.proposedAt, this.decidedBy, this.decidedAt, this.decisionNote);
	}

	record CandidateView(long id, long orgUnitId, int year, long volunteerId, long userId, BigDecimal yearHours,
			String status, Instant proposedAt, Long decidedByUserId, Instant decidedAt, String note) {
	}

}
