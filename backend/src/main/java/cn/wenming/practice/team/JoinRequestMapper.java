package cn.wenming.practice.team;

import java.time.Instant;
import java.util.List;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface JoinRequestMapper extends BaseMapper<JoinRequest> {

	/**
	 * Decides a pending request. The WHERE clause makes the decision happen once: a concurrent
	 * second decider re-reads the row after the first commits and updates nothing.
	 */
	@Update("""
			UPDATE team_join_request
			SET status = #{status}, open_flag = NULL, decided_by = #{decidedBy}, decided_at = #{now},
			    decision_reason = #{reason}, updated_at = #{now}
			WHERE id = #{id} AND status = 'PENDING'
			""")
	int decide(@Param("id") long id, @Param("status") JoinRequestStatus status, @Param("decidedBy") Long decidedBy,
			@Param("reason") String reason, @Param("now") Instant now);

	/** Cancels every pending request of a team (it was disbanded). */
	@Update("""
			UPDATE team_join_request
			SET status = 'CANCELLED', open_flag = NULL, decided_by = #{decidedBy}, decided_at = #{now},
			    decision_reason = #{reason}, updated_at = #{now}
			WHERE team_id = #{teamId} AND status = 'PENDING'
			""")
	int cancelPendingOfTeam(@Param("teamId") long teamId, @Param("decidedBy") long decidedBy,
			@Param("reason") String reason, @Param("now") Instant now);

	/** Cancels a person's pending request to a team (they became a member another way). */
	@Update("""
			UPDATE team_join_request
			SET status = 'CANCELLED', open_flag = NULL, decided_by = #{decidedBy}, decided_at = #{now},
			    decision_reason = #{reason}, updated_at = #{now}
			WHERE team_id = #{teamId} AND user_id = #{userId} AND status = 'PENDING'
			""")
	int cancelPendingOfUser(@Param("teamId") long teamId, @Param("userId") long userId,
			@Param("decidedBy") long decidedBy, @Param("reason") String reason, @Param("now") Instant now);

	@Select("""
			<script>
			SELECT * FROM team_join_request WHERE team_id = #{teamId}
			<if test="status != null"> AND status = #{status}</if>
			<if test="afterId != null"> AND id &gt; #{afterId}</if>
			ORDER BY id
			LIMIT #{limit}
			</script>
			""")
	List<JoinRequest> page(@Param("teamId") long teamId, @Param("status") JoinRequestStatus status,
			@Param("afterId") Long afterId, @Param("limit") int limit);

}
