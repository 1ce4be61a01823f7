package cn.wenming.practice.need;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * The read model behind {@code suggestAssignees}: one statement for the candidates and one per
 * statistic, each aggregated with GROUP BY over all candidate ids, so the cost does not grow with
 * the number of candidates. It reads the team, volunteer and org tables directly (read only)
 * because ranking needs coordinates and tags of hundreds of candidates in one round trip, which
 * the directories' per-entity APIs do not offer.
 */
@Mapper
interface NeedSuggestionMapper {

	/**
	 * Active teams and trained volunteers based in the subtree at {@code path} or in one of the
	 * {@code ancestorIds} units, nearest to the point first (plain degree distance, good enough for
	 * ordering within a county), at most {@code limit}. Columns: kind, id, userid, name, lat, lng,
	 * tags (comma separated SKILL and CATEGORY values).
	 */
	@Select("""
			<script>
			SELECT c.* FROM (
			  SELECT 'TEAM' AS kind, t.id AS id, t.leader_user_id AS userid, t.name AS name,
			         o.latitude AS lat, o.longitude AS lng,
			         (SELECT GROUP_CONCAT(tt.value SEPARATOR ',') FROM team_tag tt WHERE tt.team_id = t.id) AS tags
			  FROM team t JOIN org_unit o ON o.id = t.org_unit_id
			  WHERE t.status = 'ACTIVE'
			    AND (o.path LIKE CONCAT(#{path}, '%')
			         <if test="!ancestorIds.isEmpty()"> OR o.id IN <foreach item="a" collection="ancestorIds" open="(" separator="," close=")">#{a}</foreach></if>)
			  UNION ALL
			  SELECT 'VOLUNTEER' AS kind, v.id AS id, v.user_id AS userid, NULL AS name,
			         o.latitude AS lat, o.longitude AS lng,
			         (SELECT GROUP_CONCAT(vt.value SEPARATOR ',') FROM volunteer_tag vt WHERE vt.volunteer_id = v.id) AS tags
			  FROM volunteer v JOIN org_unit o ON o.id = v.home_station_id
			  WHERE v.trained = 1
			    AND (o.path LIKE CONCAT(#{path}, '%')
			         <if test="!ancestorIds.isEmpty()"> OR o.id IN <foreach item="a" collection="ancestorIds" open="(" separator="," close=")">#{a}</foreach></if>)
			) c
			ORDER BY (c.lat IS NULL),
			         (c.lat - #{lat}) * (c.lat - #{lat}) + (c.lng - #{lng}) * (c.lng - #{lng}), c.kind, c.id
			LIMIT #{limit}
			</script>
			""")
	List<Map<String, Object>> candidates(@Param("path") String path, @Param("ancestorIds") Collection<Long> ancestorIds,
			@Param("lat") double lat, @Param("lng") double lng, @Param("limit") int limit);

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
