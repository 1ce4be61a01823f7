package cn.wenming.practice.lecture;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface LecturerMapper extends BaseMapper<Lecturer> {

	default Lecturer findByVolunteer(long volunteerId) {
		return selectOne(new LambdaQueryWrapper<Lecturer>().eq(Lecturer::getVolunteerId, volunteerId));
	}

	default List<Lecturer> findByIds(Collection<Long> ids) {
		return ids.isEmpty() ? List.of() : selectByIds(ids.stream().distinct().toList());
	}

	/** Re-registering moves the lecturer to the unit and replaces the topics. */
	@Update("""
			UPDATE lecturer SET org_unit_id = #{unitId}, topics = #{topics}, registered_by = #{by}, updated_at = #{now}
			WHERE volunteer_id = #{volunteerId}
			""")
	int reregister(@Param("volunteerId") long volunteerId, @Param("unitId") long unitId, @Param("topics") String topics,
			@Param("by") long by, @Param("now") Instant now);

	@Select("""
			<script>
			SELECT * FROM lecturer
			WHERE org_unit_id IN <foreach collection="unitIds" item="u" open="(" separator="," close=")">#{u}</foreach>
			<if test="afterId != null"> AND id &gt; #{afterId}</if>
			ORDER BY id
			LIMIT #{limit}
			</script>
			""")
	List<Lecturer> pageInUnits(@Param("unitIds") Collection<Long> unitIds, @Param("afterId") Long afterId,
			@Param("limit") int limit);

}
