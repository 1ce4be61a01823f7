package cn.wenming.practice.recognition;

import java.time.Instant;
import java.time.LocalDate;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/** One star certification of a team (see V45__recognition.sql); the latest one counts. */
@TableName("team_certification")
class TeamCertification {

	@TableId(type = IdType.AUTO)
	Long id;

	Long teamId;

	Integer stars;

	String reason;

	LocalDate certifiedOn;

	Long certifiedBy;

	Instant createdAt;

	public Long getId() {
		return this.id;
	}

	public Long getTeamId() {
		return this.teamId;
	}

	CertificationView view() {
		return new CertificationView(this.id, this.teamId, this.stars, this.reason, this.certifiedOn.toString(),
				this.certifiedBy, this.createdAt);
	}

	record CertificationView(long id, long teamId, int stars, String reason, String certifiedOn,
			long certifiedByUserId, Instant createdAt) {
	}

}
