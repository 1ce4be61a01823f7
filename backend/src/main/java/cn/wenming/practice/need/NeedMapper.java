package cn.wenming.practice.need;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import cn.wenming.practice.org.OrgLevel;
import cn.wenming.practice.shared.CreationKeys;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface NeedMapper extends BaseMapper<Need> {

	/** The need this user submitted with this idempotency key, if any. */
	@Select("SELECT id, request_digest FROM need WHERE created_by = #{createdBy} AND idempotency_key = #{key}")
	CreationKeys.Earlier findByKey(@Param("createdBy") long createdBy, @Param("key") String key);

	default List<Need> findByIds(Collection<Long> ids) {
		return ids.isEmpty() ? List.of() : selectByIds(ids);
	}

	/** A page of the resident's own needs, newest first. */
	@Select("""
			<script>
			SELECT * FROM need WHERE resident_user_id = #{userId}
			<if test="beforeId != null"> AND id &lt; #{beforeId}</if>
			ORDER BY id DESC
			LIMIT #{limit}
			</script>
			""")
	List<Need> pageOfResident(@Param("userId") long userId, @Param("beforeId") Long beforeId, @Param("limit") int limit);

	/**
	 * A page of the needs of the stations among {@code unitIds} (a subtree, from {@code OrgDirectory};
	 * optionally of one status), newest first.
	 */
	@Select("""
			<script>
			SELECT n.* FROM need n
			WHERE n.station_id IN <foreach collection="unitIds" item="u" open="(" separator="," close=")">#{u}</foreach>
			<if test="status != null"> AND n.status = #{status}</if>
			<if test="beforeId != null"> AND n.id &lt; #{beforeId}</if>
			ORDER BY n.id DESC
			LIMIT #{limit}
			</script>
			""")
	List<Need> pageInUnits(@Param("unitIds") Collection<Long> unitIds, @Param("status") NeedStatus status,
			@Param("beforeId") Long beforeId, @Param("limit") int limit);

	/**
	 * A page of the needs of the stations among {@code unitIds} (optionally of one status) for the
	 * dispatch desk: escalated ones first, then by the deadline of their current stage (review,
	 * dispatch, acceptance, completion; the same rules as {@link NeedDeadlines}), soonest first, those
	 * without one last. Paged by offset: the order key moves as needs move, so no keyset is stable.
	 */
	@Select("""
			<script>
			SELECT n.* FROM need n
			WHERE n.station_id IN <foreach collection="unitIds" item="u" open="(" separator="," close=")">#{u}</foreach>
			<if test="status != null"> AND n.status = #{status}</if>
			ORDER BY (n.escalation_level IS NULL),
			  (CASE n.status WHEN 'SUBMITTED' THEN n.created_at + INTERVAL #{reviewSeconds} SECOND
			    WHEN 'PUBLISHED' THEN n.stage_started_at + INTERVAL #{dispatchSeconds} SECOND
			    WHEN 'DISPATCHED' THEN n.dispatched_at + INTERVAL #{acceptSeconds} SECOND
			    WHEN 'CLAIMED' THEN n.deadline_at WHEN 'ACCEPTED' THEN n.deadline_at WHEN 'IN_PROGRESS' THEN n.deadline_at
			    END) IS NULL,
			  (CASE n.status WHEN 'SUBMITTED' THEN n.created_at + INTERVAL #{reviewSeconds} SECOND
			    WHEN 'PUBLISHED' THEN n.stage_started_at + INTERVAL #{dispatchSeconds} SECOND
			    WHEN 'DISPATCHED' THEN n.dispatched_at + INTERVAL #{acceptSeconds} SECOND
			    WHEN 'CLAIMED' THEN n.deadline_at WHEN 'ACCEPTED' THEN n.deadline_at WHEN 'IN_PROGRESS' THEN n.deadline_at
			    END),
			  n.id
			LIMIT #{limit} OFFSET #{offset}
			</script>
			""")
	List<Need> pageDueInUnits(@Param("unitIds") Collection<Long> unitIds, @Param("status") NeedStatus status,
			@Param("reviewSeconds") long reviewSeconds, @Param("dispatchSeconds") long dispatchSeconds,
			@Param("acceptSeconds") long acceptSeconds, @Param("offset") int offset, @Param("limit") int limit);

	@Select("""
			<script>
			SELECT COUNT(*) FROM need WHERE station_id = #{stationId}
			AND status IN <foreach collection="statuses" item="s" open="(" separator="," close=")">#{s}</foreach>
			</script>
			""")
	int countInStatuses(@Param("stationId") long stationId, @Param("statuses") Collection<NeedStatus> statuses);

	/**
	 * Needs whose current stage is overdue and not yet escalated, oldest id first from
	 * {@code afterId}: not reviewed since {@code reviewCutoff}, on the wish wall (neither dispatched
	 * nor claimed) since {@code dispatchCutoff}, not accepted since {@code acceptCutoff}, or accepted
	 * (or claimed) and past the dispatched deadline at {@code now}.
	 */
	@Select("""
			SELECT * FROM need
			WHERE escalation_level IS NULL AND id > #{afterId}
			  AND ((status = 'SUBMITTED' AND created_at < #{reviewCutoff})
			    OR (status = 'PUBLISHED' AND stage_started_at < #{dispatchCutoff})
			    OR (status = 'DISPATCHED' AND dispatched_at < #{acceptCutoff})
			    OR (status IN ('ACCEPTED', 'CLAIMED', 'IN_PROGRESS') AND deadline_at < #{now}))
			ORDER BY id
			LIMIT #{limit}
			""")
	List<Need> overdueNotEscalated(@Param("reviewCutoff") Instant reviewCutoff,
			@Param("dispatchCutoff") Instant dispatchCutoff, @Param("acceptCutoff") Instant acceptCutoff,
			@Param("now") Instant now, @Param("afterId") long afterId, @Param("limit") int limit);

	/** Needs escalated to {@code level} before {@code cutoff} and still in that stage, oldest id first. */
	@Select("""
			SELECT * FROM need
			WHERE escalation_level = #{level} AND escalated_at < #{cutoff} AND id > #{afterId}
			ORDER BY id
			LIMIT #{limit}
			""")
	List<Need> escalatedBefore(@Param("level") OrgLevel level, @Param("cutoff") Instant cutoff,
			@Param("afterId") long afterId, @Param("limit") int limit);

	/** Completed needs not rated since {@code cutoff}, oldest id first. */
	@Select("""
			SELECT * FROM need
			WHERE status = 'COMPLETED' AND completed_at < #{cutoff} AND id > #{afterId}
			ORDER BY id
			LIMIT #{limit}
			""")
	List<Need> completedBefore(@Param("cutoff") Instant cutoff, @Param("afterId") long afterId,
			@Param("limit") int limit);

	/** A page of the needs of the units (a subtree) escalated to {@code level}, newest first. */
	@Select("""
			<script>
			SELECT n.* FROM need n
			WHERE n.station_id IN <foreach collection="unitIds" item="u" open="(" separator="," close=")">#{u}</foreach>
			  AND n.escalation_level = #{level}
			<if test="beforeId != null"> AND n.id &lt; #{beforeId}</if>
			ORDER BY n.id DESC
			LIMIT #{limit}
			</script>
			""")
	List<Need> pageEscalatedInUnits(@Param("unitIds") Collection<Long> unitIds, @Param("level") OrgLevel level,
			@Param("beforeId") Long beforeId, @Param("limit") int limit);

	/** A page of the needs of the stations among {@code unitIds} with hours waiting for confirmation, newest first. */
	@Select("""
			<script>
			SELECT n.* FROM need n
			WHERE n.station_id IN <foreach collection="unitIds" item="u" open="(" separator="," close=")">#{u}</foreach>
			AND EXISTS (SELECT 1 FROM need_participant p WHERE p.need_id = n.id AND p.hours_status = 'PENDING')
			<if test="beforeId != null"> AND n.id &lt; #{beforeId}</if>
			ORDER BY n.id DESC
			LIMIT #{limit}
			</script>
			""")
	List<Need> pageWithPendingHours(@Param("unitIds") Collection<Long> unitIds, @Param("beforeId") Long beforeId,
			@Param("limit") int limit);

	/** Ids and stored contact fields of up to {@code limit} needs after {@code afterId}, for the key rotation. */
	@Select("SELECT id, address, contact_phone FROM need WHERE id > #{afterId} ORDER BY id LIMIT #{limit}")
	List<Need> contactsAfter(@Param("afterId") long afterId, @Param("limit") int limit);

	/** Re-seals one need's contact fields, unless they changed since they were read (no version bump: nothing a user sees changes). */
	@Update("""
			UPDATE need SET address = #{address}, contact_phone = #{phone}
			WHERE id = #{id} AND address = #{oldAddress} AND contact_phone = #{oldPhone}
			""")
	int resealContacts(@Param("id") long id, @Param("oldAddress") String oldAddress, @Param("oldPhone") String oldPhone,
			@Param("address") String address, @Param("phone") String phone);

}
