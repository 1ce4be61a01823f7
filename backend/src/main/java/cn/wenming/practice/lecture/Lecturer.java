package cn.wenming.practice.lecture;

import java.time.Instant;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/** 宣讲员: a volunteer registered as a lecturer by a unit covering their home station. */
@TableName("lecturer")
class Lecturer {

	@TableId(type = IdType.AUTO)
	Long id;

	Long volunteerId;

	Long orgUnitId;

	/** Topics, one a line (a topic has no line break). */
	String topics;

	Long registeredBy;

	Instant createdAt;

	Instant updatedAt;

	public Long getId() {
		return this.id;
	}

	public Long getVolunteerId() {
		return this.volunteerId;
	}

	LecturerView view() {
		return new LecturerView(this.id, this.volunteerId, this.orgUnitId, java.util.List.of(this.topics.split("\n")),
				this.createdAt);
	}

}
