package cn.wenming.practice.activity;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import cn.wenming.practice.shared.CreationKeys;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface ActivityMapper extends BaseMapper<Activity> {

	/** What this creator made with this idempotency key, if anything. */
	@Select("SELECT id, request_digest FROM activity WHERE created_by = #{creator} AND idempotency_key = #{key}")
	CreationKeys.Earlier findByKey(@Param("creator") long creator, @Param("key") String key);

	default List<Activity> findByIds(Collection<Long> ids) {
		return ids.isEmpty() ? List.of() : selectByIds(ids);
	}

	/**
	 * Locks the activity row for the rest of the transaction. Every sign-up and cancellation of an
	 * activity takes this lock first, so they are applied one at a time, in arrival order.
	 */
	@Select("SELECT * FROM activity WHERE id = #{id} FOR UPDATE")
	Activity lock(@Param("id") long id);

	/** Guarded state move: 0 rows when the activity is not in one of {@code from}. */
	@Update("""
			<script>
			UPDATE activity SET status = #{to}, updated_at = #{now}
			WHERE id = #{id} AND status IN
			<foreach collection="from" item="s" open="(" separator="," close=")">#{s}</foreach>
			</script>
			""")
	int move(@Param("id") long id, @Param("from") Collection<String> from, @Param("to") String to,
			@Param("now") Instant now);

	@Update("UPDATE activity SET cancel_reason = #{reason} WHERE id = #{id}")
	int setCancelReason(@Param("id") long id, @Param("reason") String reason);

	/**
	 * Writes the editable fields of {@code a} (updateActivity) and the confirmed count; the caller
	 * holds the row lock. A full replacement, so cleared optional fields become NULL.
	 */
	@Update("""
			UPDATE activity SET title = #{a.title}, description = #{a.description}, starts_at = #{a.startsAt},
			       ends_at = #{a.endsAt}, sign_up_deadline = #{a.signUpDeadline}, address = #{a.address},
			       latitude = #{a.latitude}, longitude = #{a.longitude}, geofence_meters = #{a.geofenceMeters},
			       capacity = #{a.capacity}, confirmed_count = #{a.confirmedCount},
			       training_required = #{a.trainingRequired}, theory_lecture = #{a.theoryLecture},
			       contact_name = #{a.contactName}, contact_phone = #{a.contactPhone}, updated_at = #{a.updatedAt}
			WHERE id = #{a.id}
			""")
	int replace(@Param("a") Activity a);

	@Update("""
			UPDATE activity SET confirmed_count = #{confirmed}, waitlist_seq = #{waitlistSeq}, updated_at = #{now}
			WHERE id = #{id}
			""")
	int setCounters(@Param("id") long id, @Param("confirmed") int confirmed, @Param("waitlistSeq") int waitlistSeq,
			@Param("now") Instant now);

	/**
	 * A page of activities by id: of the units {@code unitIds} (if given: a subtree, from
	 * {@code OrgDirectory}), of a category, starting
	 * before {@code to} and ending after {@code from}, in one status or (when {@code status} is null)
	 * in any status but DRAFT, whose title matches {@code titlePattern} (a LIKE pattern escaped by {@code !}).
	 */
	@Select("""
			<script>
			SELECT a.* FROM activity a
			WHERE 1 = 1
			<if test="unitIds != null">
			  AND a.org_unit_id IN <foreach collection="unitIds" item="u" open="(" separator="," close=")">#{u}</foreach>
			</if>
			<if test="category != null"> AND a.category = #{category}</if>
			<if test="from != null"> AND a.ends_at &gt; #{from}</if>
			<if test="to != null"> AND a.starts_at &lt; #{to}</if>
			<if test="status != null"> AND a.status = #{status}</if>
			<if test="status == null"> AND a.status &lt;&gt; 'DRAFT'</if>
			<if test="titlePattern != null"> AND a.title LIKE #{titlePattern} ESCAPE '!'</if>
			<if test="afterId != null"> AND a.id &gt; #{afterId}</if>
			ORDER BY a.id
			LIMIT #{limit}
			</script>
			""")
	List<Activity> page(@Param("unitIds") Collection<Long> unitIds, @Param("category") String category, @Param("from") Instant from,
			@Param("to") Instant to, @Param("status") String status, @Param("titlePattern") String titlePattern,
			@Param("afterId") Long afterId, @Param("limit") int limit);

	/** What the nearby index holds: activities that are recruiting or under way. */
	@Select("SELECT id, latitude, longitude FROM activity WHERE status IN ('PUBLISHED', 'ONGOING')")
	List<Activity> discoverable();

	/** The MySQL fallback of the nearby search: a bounding box, refined by distance in Java. */
	@Select("""
			SELECT id, latitude, longitude FROM activity
			WHERE status IN ('PUBLISHED', 'ONGOING')
			  AND latitude BETWEEN #{minLat} AND #{maxLat} AND longitude BETWEEN #{minLon} AND #{maxLon}
			""")
	List<Activity> discoverableWithin(@Param("minLat") double minLat, @Param("maxLat") double maxLat,
			@Param("minLon") double minLon, @Param("maxLon") double maxLon);

	@Select("SELECT COUNT(*) FROM activity WHERE org_unit_id = #{unitId} AND status IN ('DRAFT', 'PUBLISHED', 'ONGOING')")
	int countUnfinishedInUnit(@Param("unitId") long unitId);

}
