package cn.wenming.practice.volunteer;

import java.time.LocalDate;
import java.util.List;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** Honor-hour records: inserted, never updated or deleted. */
@Mapper
interface HonorHoursMapper extends BaseMapper<HonorHours> {

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
			WHERE volunteer_id = #{volunteerId} AND service_date >= #{from} AND service_date < #{to}
			ORDER BY service_date, id
			""")
	List<HonorHours> between(@Param("volunteerId") long volunteerId, @Param("from") LocalDate from,
			@Param("to") LocalDate to);

}
