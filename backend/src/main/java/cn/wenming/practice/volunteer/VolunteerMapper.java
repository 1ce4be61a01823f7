package cn.wenming.practice.volunteer;

import java.util.Collection;
import java.util.List;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface VolunteerMapper extends BaseMapper<Volunteer> {

	default Volunteer findByUserId(long userId) {
		return selectOne(new LambdaQueryWrapper<Volunteer>().eq(Volunteer::getUserId, userId));
	}

	default List<Volunteer> findByIds(Collection<Long> ids) {
		return ids.isEmpty() ? List.of() : selectByIds(ids);
	}

	default List<Volunteer> trainedInUnits(Collection<Long> unitIds) {
		return selectList(new LambdaQueryWrapper<Volunteer>().eq(Volunteer::getTrained, true)
			.in(Volunteer::getHomeStationId, unitIds)
			.orderByAsc(Volunteer::getId));
	}

	default List<Volunteer> findByUserIds(Collection<Long> userIds) {
		return userIds.isEmpty() ? List.of() : selectList(new LambdaQueryWrapper<Volunteer>()
			.in(Volunteer::getUserId, userIds));
	}

	/**
	 * A page of volunteers whose home station is one of the units (a subtree), by id; only the trained
	 * or only the untrained when {@code trained} is given; only names matching {@code nameLike} (a LIKE
	 * pattern escaped by {@code !}) when given.
	 */
	@Select("""
			<script>
			SELECT v.* FROM volunteer v
			WHERE v.home_station_id IN <foreach collection="unitIds" item="u" open="(" separator="," close=")">#{u}</foreach>
			<if test="trained != null"> AND v.trained = #{trained}</if>
			<if test="partyPending"> AND v.in_service_party_declared = 1 AND v.in_service_party_member = 0</if>
			<if test="nameLike != null"> AND v.real_name LIKE #{nameLike} ESCAPE '!'</if>
			<if test="afterId != null"> AND v.id &gt; #{afterId}</if>
			ORDER BY v.id
			LIMIT #{limit}
			</script>
			""")
	List<Volunteer> pageInUnits(@Param("unitIds") Collection<Long> unitIds, @Param("trained") Boolean trained,
			@Param("partyPending") boolean partyPending, @Param("nameLike") String nameLike, @Param("afterId") Long afterId,
			@Param("limit") int limit);

	/** 在职党员 set by an admin, only if it has the other value: 1 when it changed. */
	@Update("""
			UPDATE volunteer SET in_service_party_member = #{flag}, in_service_party_by = #{by},
			       in_service_party_at = #{now}, updated_at = #{now}
			WHERE id = #{id} AND in_service_party_member <> #{flag}
			""")
	int setInServiceParty(@Param("id") long id, @Param("flag") boolean flag, @Param("by") long by,
			@Param("now") java.time.Instant now);

	/**
	 * The volunteer's own declaration; withdrawing it also drops a confirmed flag (they say they no
	 * longer are one). 1 when the declaration changed.
	 */
	@Update("""
			UPDATE volunteer SET in_service_party_declared = #{declared},
			       in_service_party_member = CASE WHEN #{declared} THEN in_service_party_member ELSE 0 END,
			       updated_at = #{now}
			WHERE id = #{id} AND in_service_party_declared <> #{declared}
			""")
	int declareInServiceParty(@Param("id") long id, @Param("declared") boolean declared,
			@Param("now") java.time.Instant now);

	/**
	 * The resources list (资源清单): volunteers based in the units (a subtree) with a skill containing {@code skill}
	 * (a LIKE pattern, already escaped with {@code !}) and/or a service category, most hours first.
	 */
	@Select("""
			<script>
			SELECT v.* FROM volunteer v
			WHERE v.home_station_id IN <foreach collection="unitIds" item="u" open="(" separator="," close=")">#{u}</foreach>
			<if test="skillPattern != null">
			  AND EXISTS (SELECT 1 FROM volunteer_tag t WHERE t.volunteer_id = v.id AND t.kind = 'SKILL'
			              AND t.value LIKE #{skillPattern} ESCAPE '!')
			</if>
			<if test="category != null">
			  AND EXISTS (SELECT 1 FROM volunteer_tag t WHERE t.volunteer_id = v.id AND t.kind = 'CATEGORY'
			              AND t.value = #{category})
			</if>
			ORDER BY v.credit_hours DESC, v.id
			LIMIT #{limit}
			</script>
			""")
	List<Volunteer> search(@Param("unitIds") Collection<Long> unitIds, @Param("skillPattern") String skillPattern,
			@Param("category") String category, @Param("limit") int limit);

	/**
	 * A page of volunteers based in the units (a subtree) whose credited total is at least
	 * {@code minHours}, by id (for yearly recognition: a year's hours never exceed the total).
	 */
	@Select("""
			<script>
			SELECT v.* FROM volunteer v
			WHERE v.home_station_id IN <foreach collection="unitIds" item="u" open="(" separator="," close=")">#{u}</foreach>
			  AND v.credit_hours &gt;= #{minHours}
			<if test="afterId != null"> AND v.id &gt; #{afterId}</if>
			ORDER BY v.id
			LIMIT #{limit}
			</script>
			""")
	List<Volunteer> withCreditHoursAtLeast(@Param("unitIds") Collection<Long> unitIds,
			@Param("minHours") java.math.BigDecimal minHours, @Param("afterId") Long afterId, @Param("limit") int limit);

	/** 先培训再上岗: a recorded training makes the volunteer eligible for duty. */
	@Update("UPDATE volunteer SET trained = 1, updated_at = #{now} WHERE id = #{id}")
	int markTrained(@Param("id") long id, @Param("now") java.time.Instant now);

	/** Locks the volunteers' rows, in id order, until the transaction ends (see {@link VolunteerHours#lockForCredit}). */
	@Select("""
			<script>
			SELECT id FROM volunteer WHERE id IN
			<foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
			ORDER BY id FOR UPDATE
			</script>
			""")
	List<Long> lockForUpdate(@Param("ids") Collection<Long> ids);

	/** Atomic increment, so concurrent confirmations for one volunteer add up. */
	@Update("UPDATE volunteer SET credit_hours = credit_hours + #{hours}, updated_at = #{now} WHERE id = #{id}")
	int addCreditHours(@Param("id") long id, @Param("hours") java.math.BigDecimal hours,
			@Param("now") java.time.Instant now);

	/** Atomic decrement that stops at zero, so a revocation can never leave a negative total. */
	@Update("UPDATE volunteer SET credit_hours = GREATEST(credit_hours - #{hours}, 0), updated_at = #{now} WHERE id = #{id}")
	int subtractCreditHours(@Param("id") long id, @Param("hours") java.math.BigDecimal hours,
			@Param("now") java.time.Instant now);

	/** Atomic increment of the honor-hours total (补录), which never affects the star level. */
	@Update("UPDATE volunteer SET honor_hours = honor_hours + #{hours}, updated_at = #{now} WHERE id = #{id}")
	int addHonorHours(@Param("id") long id, @Param("hours") java.math.BigDecimal hours,
			@Param("now") java.time.Instant now);

	/** Takes revoked honor hours off the total, stopping at zero like credit hours. */
	@Update("UPDATE volunteer SET honor_hours = GREATEST(honor_hours - #{hours}, 0), updated_at = #{now} WHERE id = #{id}")
	int subtractHonorHours(@Param("id") long id, @Param("hours") java.math.BigDecimal hours,
			@Param("now") java.time.Instant now);

	/** Ids and sealed ID numbers of up to {@code limit} volunteers after {@code afterId}, for the key rotation. */
	@Select("SELECT id, id_number_cipher, id_number_hash FROM volunteer WHERE id > #{afterId} ORDER BY id LIMIT #{limit}")
	List<Volunteer> idNumbersAfter(@Param("afterId") long afterId, @Param("limit") int limit);

	/** Re-seals one ID number, unless it changed since it was read. */
	@Update("""
			UPDATE volunteer SET id_number_cipher = #{cipher}, id_number_hash = #{hash}
			WHERE id = #{id} AND id_number_cipher = #{oldCipher}
			""")
	int resealIdNumber(@Param("id") long id, @Param("oldCipher") String oldCipher, @Param("cipher") String cipher,
			@Param("hash") String hash);

	/** Whether an ID number is registered under any of its blind indexes (one per configured key). */
	@Select("""
			<script>
			SELECT EXISTS (SELECT 1 FROM volunteer WHERE id_number_hash IN
			<foreach collection="hashes" item="h" open="(" separator="," close=")">#{h}</foreach>)
			</script>
			""")
	boolean idNumberRegistered(@Param("hashes") Collection<String> hashes);

}
