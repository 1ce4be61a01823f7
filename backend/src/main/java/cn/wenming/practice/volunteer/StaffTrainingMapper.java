package cn.wenming.practice.volunteer;

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
interface StaffTrainingMapper extends BaseMapper<StaffTraining> {

	/** The session this admin recorded with this idempotency key, if any. */
	@Select("SELECT id, request_digest FROM staff_training WHERE recorded_by = #{recordedBy} AND idempotency_key = #{key}")
	CreationKeys.Earlier findByKey(@Param("recordedBy") long recordedBy, @Param("key") String key);

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

	@Select("SELECT * FROM staff_training WHERE id = #{id} FOR UPDATE")
	StaffTraining lockById(@Param("id") long id);

	/** Writes what a correction may change. */
	@org.apache.ibatis.annotations.Update("""
			UPDATE staff_training SET held_on = #{t.heldOn}, topic = #{t.topic}, withdrawn_at = #{t.withdrawnAt}
			WHERE id = #{t.id}
			""")
	int writeCorrection(@Param("t") StaffTraining training);

	@org.apache.ibatis.annotations.Delete("DELETE FROM staff_training_attendee WHERE training_id = #{trainingId}")
	int deleteAttendees(@Param("trainingId") long trainingId);

	/** The actor's entry with the key: a key is its corrector's own ({@code (corrected_by, idempotency_key)}, V55). */
	@Select("""
			SELECT id, training_id, action, reason, before_state, after_state, request_digest, corrected_by, corrected_at
			FROM staff_training_correction WHERE corrected_by = #{actor} AND idempotency_key = #{key}
			""")
	Correction correctionByKey(@Param("actor") long actor, @Param("key") String key);

	@Insert("""
			INSERT INTO staff_training_correction (training_id, action, reason, before_state, after_state, idempotency_key,
			  request_digest, corrected_by, corrected_at)
			VALUES (#{c.trainingId}, #{c.action}, #{c.reason}, #{c.beforeState}, #{c.afterState}, #{c.idempotencyKey},
			  #{c.requestDigest}, #{c.correctedBy}, #{c.correctedAt})
			""")
	int insertCorrection(@Param("c") NewCorrection correction);

	/** The trails of many sessions at once, oldest entry first. */
	@Select("""
			<script>
			SELECT id, training_id, action, reason, before_state, after_state, request_digest, corrected_by, corrected_at
			FROM staff_training_correction
			WHERE training_id IN <foreach collection="ids" item="i" open="(" separator="," close=")">#{i}</foreach>
			ORDER BY training_id, id
			</script>
			""")
	List<Correction> correctionsOf(@Param("ids") Collection<Long> trainingIds);

	/** One trail entry; the states are JSON text of the session before and after (null after a withdrawal). */
	record Correction(long id, long trainingId, String action, String reason, String beforeState, String afterState,
			String requestDigest, long correctedBy, java.time.Instant correctedAt) {
	}

	record NewCorrection(long trainingId, String action, String reason, String beforeState, String afterState,
			String idempotencyKey, String requestDigest, long correctedBy, java.time.Instant correctedAt) {
	}

	/** One attendee of one session. */
	record Attendee(long trainingId, long userId) {
	}

}
