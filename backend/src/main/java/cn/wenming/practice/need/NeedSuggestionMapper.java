package cn.wenming.practice.need;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * The need statistics behind {@code suggestAssignees}: one statement per statistic, each
 * aggregated with GROUP BY over all candidate ids, so the cost does not grow with the number of
 * candidates. The candidates themselves come from the team, volunteer and org directories.
 */
@Mapper
interface NeedSuggestionMapper {

	/**
	 * Per candidate (kind TEAM by team id, VOLUNTEER by user id): openload (needs DISPATCHED,
	 * ACCEPTED, CLAIMED or IN_PROGRESS assigned to it), rated (how many of its completed needs were
	 * rated) and avgrating. Ids lists may be empty but not both.
	 */
	@Select("""
			<script>
			SELECT 'TEAM' AS kind, n.assigned_team_id AS id,
			       SUM(n.status IN ('DISPATCHED', 'ACCEPTED', 'CLAIMED', 'IN_PROGRESS')) AS openload,
			       COUNT(n.rating_stars) AS rated, AVG(n.rating_stars) AS avgrating
			FROM need n
			WHERE n.assigned_team_id IN <foreach item="i" collection="teamIds" open="(" separator="," close=")">#{i}</foreach>
			GROUP BY n.assigned_team_id
			UNION ALL
			SELECT 'VOLUNTEER' AS kind, n.assigned_user_id AS id,
			       SUM(n.status IN ('DISPATCHED', 'ACCEPTED', 'CLAIMED', 'IN_PROGRESS')) AS openload,
			       COUNT(n.rating_stars) AS rated, AVG(n.rating_stars) AS avgrating
			FROM need n
			WHERE n.assigned_user_id IN <foreach item="i" collection="userIds" open="(" separator="," close=")">#{i}</foreach>
			GROUP BY n.assigned_user_id
			</script>
			""")
	List<Map<String, Object>> loadAndRatings(@Param("teamIds") Collection<Long> teamIds,
			@Param("userIds") Collection<Long> userIds);

	/**
	 * Per candidate: accepted (ACCEPTED history rows of needs still assigned to it) and declined
	 * (DISPATCHED → PUBLISHED rows written by it; for a team, by its current leader). A decline
	 * clears the assignment, so the decliner is the only trace left of a declined dispatch.
	 */
	@Select("""
			<script>
			SELECT 'TEAM' AS kind, n.assigned_team_id AS id, COUNT(*) AS accepted, 0 AS declined
			FROM need_history h JOIN need n ON n.id = h.need_id
			WHERE h.to_status = 'ACCEPTED'
			  AND n.assigned_team_id IN <foreach item="i" collection="teamIds" open="(" separator="," close=")">#{i}</foreach>
			GROUP BY n.assigned_team_id
			UNION ALL
			SELECT 'VOLUNTEER' AS kind, n.assigned_user_id AS id, COUNT(*) AS accepted, 0 AS declined
			FROM need_history h JOIN need n ON n.id = h.need_id
			WHERE h.to_status = 'ACCEPTED'
			  AND n.assigned_user_id IN <foreach item="i" collection="userIds" open="(" separator="," close=")">#{i}</foreach>
			GROUP BY n.assigned_user_id
			UNION ALL
			SELECT 'USER' AS kind, h.actor_user_id AS id, 0 AS accepted, COUNT(*) AS declined
			FROM need_history h
			WHERE h.from_status = 'DISPATCHED' AND h.to_status = 'PUBLISHED'
			  AND h.actor_user_id IN <foreach item="i" collection="actorIds" open="(" separator="," close=")">#{i}</foreach>
			GROUP BY h.actor_user_id
			</script>
			""")
	List<Map<String, Object>> acceptance(@Param("teamIds") Collection<Long> teamIds,
			@Param("userIds") Collection<Long> userIds, @Param("actorIds") Collection<Long> actorIds);

}
