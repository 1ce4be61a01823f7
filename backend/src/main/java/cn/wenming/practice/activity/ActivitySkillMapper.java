package cn.wenming.practice.activity;

import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
interface ActivitySkillMapper {

	/** IGNORE: skills equal under the column collation collapse to one. */
	@Insert("""
			<script>
			INSERT IGNORE INTO activity_skill (activity_id, skill) VALUES
			<foreach collection="skills" item="skill" separator=",">(#{activityId}, #{skill})</foreach>
			</script>
			""")
	int insertAll(@Param("activityId") long activityId, @Param("skills") Collection<String> skills);

	@Delete("DELETE FROM activity_skill WHERE activity_id = #{activityId}")
	int deleteAll(@Param("activityId") long activityId);

	@Select("""
			<script>
			SELECT activity_id, skill FROM activity_skill
			WHERE activity_id IN <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
			ORDER BY activity_id, skill
			</script>
			""")
	List<SkillRow> findByActivities(@Param("ids") Collection<Long> activityIds);

	/** One skill of one activity. */
	class SkillRow {

		Long activityId;

		String skill;

	}

}
