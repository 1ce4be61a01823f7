package cn.wenming.practice.volunteer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import cn.wenming.practice.shared.CreationKeys;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * Honor-hour records: inserted as PENDING, then moved by guarded updates (approved once, revoked
 * once); never deleted.
 */
@Mapper
interface HonorHoursMapper extends BaseMapper<HonorHours> {

	/** The record this recorder made with this idempotency key, if any. */
	@Select("SELECT id, request_digest FROM volunteer_honor_hours WHERE recorded_by = #{recordedBy} AND idempotency_key = #{key}")
	CreationKeys.Earlier findByKey(@Param("recordedBy") long recordedBy, @Param("key") String key);

	/** A page of a volunteer's records by id (oldest recorded first). */
	@Select("""
			<script>
			SELECT * FROM volunteer_honor_hours WHERE volunteer_id = #{volunteerId}
			<if test="afterId != null"> AND id &gt; #{afterId}</if>
			ORDER BY id
			LIMIT #{limit}
			</script>
			""")
	List<HonorHours> pageOfVolunteer(@Param("volunteerId") long volunteerId, @Param("afterId") Long afterId,
			@Param("limit") int limit);

	@Select("""
			SELECT * FROM volunteer_honor_hours
			WHERE volunteer_id = #{volunteerId} AND status = 'APPROVED'
			  AND service_date >= #{from} AND service_date < #{to}
			ORDER BY service_date, id
			""")
	List<HonorHours> approvedBetween(@Param("volunteerId") long volunteerId, @Param("from") LocalDate from,
			@Param("to") LocalDate to);

	/**
	 * Approves a pending record exactly once, and never by its recorder: 0 rows when it is no
	 * longer pending or {@code by} recorded it, so the caller adds the hours only on 1.
	 */
	@Update("""
			UPDATE volunteer_honor_hours SET status = 'APPROVED', approved_by = #{by}, approved_at = #{now}
			WHERE id = #{id} AND status = 'PENDING' AND recorded_by <> #{by}
			""")
	int approve(@Param("id") long id, @Param("by") long by, @Param("now") Instant now);

	/** Revokes a record that is in {@code from}; 0 rows when it is not (any more). */
	@Update("""
			UPDATE volunteer_honor_hours SET status = 'REVOKED', revoked_by = #{by}, revoked_at = #{now},
			       revoke_reason = #{reason}
			WHERE id = #{id} AND status = #{from}
			""")
	int revoke(@Param("id") long id, @Param("from") HonorHoursStatus from, @Param("by") long by,
			@Param("reason") String reason, @Param("now") Instant now);

	/** A page of the records waiting for approval of volunteers based in the units (a subtree), by id. */
	@Select("""
			<script>
			SELECT h.* FROM volunteer_honor_hours h
			JOIN volunteer v ON v.id = h.volunteer_id
			WHERE h.status = 'PENDING'
			  AND v.home_station_id IN <foreach collection="unitIds" item="u" open="(" separator="," close=")">#{u}</foreach>
			<if test="afterId != null"> AND h.id &gt; #{afterId}</if>
			ORDER BY h.id
			LIMIT #{limit}
			</script>
			""")
	List<HonorHours> pendingInUnits(@Param("unitIds") Collection<Long> unitIds, @Param("afterId") Long afterId,
			@Param("limit") int limit);

}
