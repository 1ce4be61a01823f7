package cn.wenming.practice.recognition;

import java.time.Instant;
import java.util.List;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface OutstandingCandidateMapper extends BaseMapper<OutstandingCandidate> {

	/** Proposes once per year and volunteer: 1 when new, 0 when already proposed (by any unit). */
	@Insert("INSERT IGNORE INTO outstanding_candidate (org_unit_id, service_year, volunteer_id, user_id, year_hours, "
			+ "status, proposed_by, proposed_at) VALUES (#{c.orgUnitId}, #{c.serviceYear}, #{c.volunteerId}, "
			+ "#{c.userId}, #{c.yearHours}, 'PENDING', #{c.proposedBy}, #{c.proposedAt})")
	int propose(@Param("c") OutstandingCandidate candidate);

	@Select("""
			<script>
			SELECT * FROM outstanding_candidate
			WHERE org_unit_id = #{unitId} AND service_year = #{year}
			<if test="status != null"> AND status = #{status}</if>
			<if test="afterId != null"> AND id &gt; #{afterId}</if>
			ORDER BY id
			LIMIT #{limit}
			</script>
			""")
	List<OutstandingCandidate> page(@Param("unitId") long unitId, @Param("year") int year,
			@Param("status") String status, @Param("afterId") Long afterId, @Param("limit") int limit);

	/** Whether the user is a candidate of the year (in any state). */
	default boolean isCandidate(long userId, int year) {
		return selectCount(new LambdaQueryWrapper<OutstandingCandidate>().eq(OutstandingCandidate::getUserId, userId)
			.eq(OutstandingCandidate::getServiceYear, year)) > 0;
	}

	/** Guarded: 1 when this call decided it, 0 when someone else decided first. */
	@Update("UPDATE outstanding_candidate SET status = #{status}, decided_by = #{by}, decided_at = #{now}, "
			+ "decision_note = #{note} WHERE id = #{id} AND status = 'PENDING'")
	int decide(@Param("id") long id, @Param("status") String status, @Param("by") long by, @Param("now") Instant now,
			@Param("note") String note);

}
