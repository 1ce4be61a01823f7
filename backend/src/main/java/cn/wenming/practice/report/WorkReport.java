package cn.wenming.practice.report;

import java.time.Instant;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/** One version of a unit's report for a kind and period; {@code figures} is the JSON snapshot. */
@TableName("work_report")
class WorkReport {

	@TableId(type = IdType.AUTO)
	Long id;

	Long orgUnitId;

	String kind;

	String period;

	Integer version;

	String status;

	String figures;

	String highlights;

	String highlightedIds;

	Long supersedesId;

	String correctionReason;

	Instant computedAt;

	Long createdBy;

	Instant createdAt;

	Instant updatedAt;

	Long publishedBy;

	Instant publishedAt;

	public Long getId() {
		return this.id;
	}

	ReportStatus statusValue() {
		return ReportStatus.valueOf(this.status);
	}

}
