package cn.wenming.practice.lecture;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import cn.wenming.practice.shared.CreationKeys;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
interface LectureMapper extends BaseMapper<Lecture> {

	/** The lecture this admin recorded with this idempotency key, if any. */
	@Select("SELECT id, request_digest FROM lecture WHERE recorded_by = #{recordedBy} AND idempotency_key = #{key}")
	CreationKeys.Earlier findByKey(@Param("recordedBy") long recordedBy, @Param("key") String key);

	@Insert("""
			<script>
			INSERT INTO lecture_speaker (lecture_id, lecturer_id) VALUES
			<foreach collection="lecturerIds" item="l" separator=",">(#{lectureId}, #{l})</foreach>
			</script>
			""")
	int addSpeakers(@Param("lectureId") long lectureId, @Param("lecturerIds") Collection<Long> lecturerIds);

	@Select("""
			<script>
			SELECT lecture_id AS owner_id, lecturer_id FROM lecture_speaker
			WHERE lecture_id IN <foreach collection="lectureIds" item="l" open="(" separator="," close=")">#{l}</foreach>
			ORDER BY lecture_id, lecturer_id
			</script>
			""")
	List<LectureGroupMapper.LecturerLink> speakers(@Param("lectureIds") Collection<Long> lectureIds);

	@Select("""
			<script>
			SELECT * FROM lecture
			WHERE org_unit_id IN <foreach collection="unitIds" item="u" open="(" separator="," close=")">#{u}</foreach>
			<if test="afterId != null"> AND id &gt; #{afterId}</if>
			ORDER BY id
			LIMIT #{limit}
			</script>
			""")
	List<Lecture> pageInUnits(@Param("unitIds") Collection<Long> unitIds, @Param("afterId") Long afterId,
			@Param("limit") int limit);

	/**
	 * Lectures per unit held on a date in [from, to), for the assessment, with the activity each was
	 * held as (one row per linked lecture, since a lecture's activity is unique; one row for the rest).
	 */
	@Select("""
			<script>
			SELECT org_unit_id AS unit_id, activity_id, COUNT(*) AS lectures FROM lecture
			WHERE org_unit_id IN <foreach collection="unitIds" item="u" open="(" separator="," close=")">#{u}</foreach>
			  AND held_on &gt;= #{from} AND held_on &lt; #{to}
			GROUP BY org_unit_id, activity_id
			</script>
			""")
	List<UnitCount> countByUnit(@Param("unitIds") Collection<Long> unitIds, @Param("from") LocalDate from,
			@Param("to") LocalDate to);

	@Select("""
			<script>
			SELECT * FROM lecture
			WHERE org_unit_id = #{unitId} AND held_on &gt;= #{from} AND held_on &lt; #{to}
			ORDER BY held_on, id
			</script>
			""")
	List<Lecture> ofUnitBetween(@Param("unitId") long unitId, @Param("from") LocalDate from, @Param("to") LocalDate to);

	/** Which of the activities a lecture stands for. */
	@Select("""
			<script>
			SELECT activity_id FROM lecture
			WHERE activity_id IN <foreach collection="activityIds" item="a" open="(" separator="," close=")">#{a}</foreach>
			</script>
			""")
	List<Long> linkedActivities(@Param("activityIds") Collection<Long> activityIds);

	record UnitCount(long unitId, Long activityId, long lectures) {
	}

}
