package cn.wenming.practice.volunteer;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
interface StaffTrainingMapper extends BaseMapper<StaffTraining> {

	@Insert("""
			<script>
			INSERT INTO staff_training_attendee (training_id, user_id) VALUES
			<foreach collection="userIds" item="u" separator=",">(#{trainingId}, #{u})</foreach>
			</script>
			""")
	int insertAttendees(@Param("trainingId") long trainingId, @Param("userIds") Collection<Long> userIds);

	/** Sessions held by the units (a subtree) on days in [from, to), newest first. */
	@Select("""
			<script>
			SELECT t.* FROM staff_training t
			WHERE t.org_unit_id IN <foreach collection="unitIds" item="u" open="(" separator="," close=")">#{u}</foreach>
			  AND t.held_on &gt;= #{from} AND t.held_on &lt; #{to}
			ORDER BY t.held_on DESC, t.id DESC
			LIMIT 500
			</script>
			""")
	List<StaffTraining> inUnits(@Param("unitIds") Collection<Long> unitIds, @Param("from") LocalDate from,
			@Param("to") LocalDate to);

	/** The attendees of many sessions at once. */
	@Select("""
			<script>
			SELECT training_id, user_id FROM staff_training_attendee
			WHERE training_id IN <foreach collection="ids" item="i" open="(" separator="," close=")">#{i}</foreach>
			ORDER BY training_id, user_id
			</script>
			""")
	List<Attendee> attendeesOf(@Param("ids") Collection<Long> trainingIds);

	/** One attendee of one session. */
	record Attendee(long trainingId, long userId) {
	}

}
