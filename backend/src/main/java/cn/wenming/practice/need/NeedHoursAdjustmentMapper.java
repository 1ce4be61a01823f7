package cn.wenming.practice.need;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * The trail of {@code adjustNeedHours} (V60): one insert-only row per adjustment with the hours it
 * replaced, so a later adjustment never erases an earlier one's value, author, reason and time.
 */
@Mapper
interface NeedHoursAdjustmentMapper {

	@Insert("""
			INSERT INTO need_hours_adjustment (need_id, user_id, hours_before, hours_after, reason, adjusted_by, adjusted_at)
			VALUES (#{needId}, #{userId}, #{before,jdbcType=DECIMAL}, #{after}, #{reason}, #{by}, #{now})
			""")
	int insert(@Param("needId") long needId, @Param("userId") long userId, @Param("before") BigDecimal before,
			@Param("after") BigDecimal after, @Param("reason") String reason, @Param("by") long by,
			@Param("now") Instant now);

	/** The adjustments of the needs' participants, oldest first (one statement for a page of needs). */
	@Select("""
			<script>
			SELECT id, need_id, user_id, hours_before, hours_after, reason, adjusted_by, adjusted_at
			FROM need_hours_adjustment
			WHERE need_id IN <foreach collection="ids" item="i" open="(" separator="," close=")">#{i}</foreach>
			ORDER BY need_id, user_id, id
			</script>
			""")
	List<Row> ofNeeds(@Param("ids") Collection<Long> needIds);

	/** {@code hoursBefore} and {@code adjustedAt} are null only for adjustments backfilled by V60. */
	record Row(long id, long needId, long userId, BigDecimal hoursBefore, BigDecimal hoursAfter, String reason,
			long adjustedBy, Instant adjustedAt) {
	}

}
