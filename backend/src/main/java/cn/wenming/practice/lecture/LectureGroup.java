package cn.wenming.practice.lecture;

import java.time.Instant;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/** 宣讲团: lecturers grouped under an org unit; members are in {@code lecture_group_member}. */
@TableName("lecture_group")
class LectureGroup {

	@TableId(type = IdType.AUTO)
	Long id;

	Long orgUnitId;

	String name;

	Long createdBy;

	Instant createdAt;

	public Long getId() {
		return this.id;
	}

	LectureGroupView view() {
		return new LectureGroupView(this.id, this.orgUnitId, this.name);
	}

}
