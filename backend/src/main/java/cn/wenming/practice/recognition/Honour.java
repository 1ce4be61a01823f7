package cn.wenming.practice.recognition;

import java.time.Instant;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/** 荣誉称号 held by a volunteer (see V45__recognition.sql). */
@TableName("honour")
class Honour {

	@TableId(type = IdType.AUTO)
	Long id;

	Long volunteerId;

	Long orgUnitId;

	String title;

	String source;

	String sourceKey;

	Integer honourYear;

	Long grantedBy;

	Instant grantedAt;

	Long revokedBy;

	Instant revokedAt;

	String revokeReason;

	public Long getId() {
		return this.id;
	}

	public Long getVolunteerId() {
		return this.volunteerId;
	}

	public Instant getRevokedAt() {
		return this.revokedAt;
	}

	HonourView view() {
		return new HonourView(this.id, this.volunteerId, this.orgUnitId, this.title, this.source, this.honourYear, this.grantedAt,
				this.revokedAt != null, this.revokedAt, this.revokeReason);
	}

	record HonourView(long id, long volunteerId, long orgUnitId, String title, String source, int year, Instant grantedAt,
			boolean revoked, Instant revokedAt, String revokeReason) {
	}

}
