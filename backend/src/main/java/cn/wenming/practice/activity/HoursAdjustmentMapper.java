package cn.wenming.practice.activity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * The trail of {@code adjustHours} (V58): one insert-only row per adjustment with the hours it
 * replaced, so a later adjustment never erases an earlier one nor the hours computed at check-out.
 */
@Mapper
interface HoursAdjustmentMapper {

	/** One adjustment; {@code before} is null when the sign-up had no hours yet (never checked out). */
	@Insert("""
			INSERT INTO activity_hours_adjustment (sign_up_id, hours_before, hours_after, reason, adjusted_by, adjusted_at)
			VALUES (#{signUpId}, #{before,jdbcType=DECIMAL}, #{after}, #{reason}, #{by}, #{now})
			""")
	int insert(@Param("signUpId") long signUpId, @Param("before") BigDecimal before, @Param("after") BigDecimal after,
			@Param("reason") String reason, @Param("by") long by, @Param("now") Instant now);

	/** The adjustments of the sign-ups, oldest first (one statement for a whole roster page). */
	@Select("""
			<script>
			SELECT id, sign_up_id, hours_before, hours_after, reason, adjusted_by, adjusted_at
			FROM activity_hours_adjustment
			WHERE sign_up_id IN <foreach collection="ids" item="i" open="(" separator="," close=")">#{i}</foreach>
			ORDER BY id
			</script>
			""")
	List<Row> ofSignUps(@Param("ids") Collection<Long> signUpIds);

	record Row(long id, long signUpId, BigDecimal hoursBefore, BigDecimal hoursAfter, String reason, long adjustedBy,
			Instant adjustedAt) {
	}

}
