package cn.wenming.practice.recognition;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface HonourMapper extends BaseMapper<Honour> {

	/** Grants once per source key: 1 the first time, 0 when it was already granted. */
	@Insert("INSERT IGNORE INTO honour (volunteer_id, org_unit_id, title, source, source_key, honour_year, granted_by, "
			+ "granted_at) VALUES (#{h.volunteerId}, #{h.orgUnitId}, #{h.title}, #{h.source}, #{h.sourceKey}, #{h.honourYear}, #{h.grantedBy}, #{h.grantedAt})")
	int grant(@Param("h") Honour honour);

	/** The honours the volunteers hold (not revoked), oldest first. */
	default List<Honour> heldBy(Collection<Long> volunteerIds) {
		return volunteerIds.isEmpty() ? List.of()
				: selectList(new LambdaQueryWrapper<Honour>().in(Honour::getVolunteerId, volunteerIds)
					.isNull(Honour::getRevokedAt)
					.orderByAsc(Honour::getId));
	}

	@Select("SELECT title FROM honour WHERE volunteer_id = #{volunteerId} AND honour_year = #{year} AND revoked_at IS NULL ORDER BY id")
	List<String> titlesOf(@Param("volunteerId") long volunteerId, @Param("year") int year);

	/** A page of the honours a center granted, newest first. */
	@Select("""
			<script>
			SELECT * FROM honour
			WHERE org_unit_id = #{unitId}
			<if test="afterId != null"> AND id &lt; #{afterId}</if>
			ORDER BY id DESC
			LIMIT #{limit}
			</script>
			""")
	List<Honour> pageOf(@Param("unitId") long unitId, @Param("afterId") Long afterId,
			@Param("limit") int limit);

	/** Guarded: 1 when this call revoked it, 0 when it was already revoked. */
	@Update("UPDATE honour SET revoked_by = #{by}, revoked_at = #{now}, revoke_reason = #{reason} WHERE id = #{id} AND revoked_at IS NULL")
	int revoke(@Param("id") long id, @Param("by") long by, @Param("now") Instant now, @Param("reason") String reason);

}
