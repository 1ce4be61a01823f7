package cn.wenming.practice.team;

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
interface TeamMapper extends BaseMapper<Team> {

	default List<Team> findByIds(Collection<Long> ids) {
		return ids.isEmpty() ? List.of() : selectByIds(ids);
	}

	/**
	 * A page of ACTIVE teams based in the units (a subtree, from {@code OrgDirectory}), by id; with a
	 * {@code namePattern} (LIKE, escaped with {@code !}) only those whose name matches.
	 */
	@Select("""
			<script>
			SELECT t.* FROM team t
			WHERE t.status = 'ACTIVE' AND t.org_unit_id IN <foreach collection="unitIds" item="u" open="(" separator="," close=")">#{u}</foreach>
			<if test="namePattern != null"> AND t.name LIKE #{namePattern} ESCAPE '!'</if>
			<if test="afterId != null"> AND t.id &gt; #{afterId}</if>
			ORDER BY t.id
			LIMIT #{limit}
			</script>
			""")
	List<Team> pageInUnits(@Param("unitIds") Collection<Long> unitIds, @Param("namePattern") String namePattern,
			@Param("afterId") Long afterId,
			@Param("limit") int limit);

	/** ACTIVE teams the user is a member (or the leader) of. */
	@Select("""
			SELECT t.* FROM team t JOIN team_member m ON m.team_id = t.id
			WHERE m.user_id = #{userId} AND t.status = 'ACTIVE'
			ORDER BY t.id
			LIMIT 200
			""")
	List<Team> activeOfMember(@Param("userId") long userId);

	/**
	 * The resources list (资源清单): ACTIVE teams based in the units (a subtree) offering a skill
	 * containing {@code skillPattern} (LIKE, escaped with {@code !}) and/or a service category.
	 */
	@Select("""
			<script>
			SELECT t.* FROM team t
			WHERE t.status = 'ACTIVE' AND t.org_unit_id IN <foreach collection="unitIds" item="u" open="(" separator="," close=")">#{u}</foreach>
			<if test="skillPattern != null">
			  AND EXISTS (SELECT 1 FROM team_tag g WHERE g.team_id = t.id AND g.kind = 'SKILL'
			              AND g.value LIKE #{skillPattern} ESCAPE '!')
			</if>
			<if test="category != null">
			  AND EXISTS (SELECT 1 FROM team_tag g WHERE g.team_id = t.id AND g.kind = 'CATEGORY'
			              AND g.value = #{category})
			</if>
			ORDER BY t.id
			LIMIT #{limit}
			</script>
			""")
	List<Team> search(@Param("unitIds") Collection<Long> unitIds, @Param("skillPattern") String skillPattern,
			@Param("category") String category, @Param("limit") int limit);

	@Select("SELECT COUNT(*) FROM team WHERE org_unit_id = #{unitId} AND status = 'ACTIVE'")
	int countActiveInUnit(@Param("unitId") long unitId);

	@Select("SELECT COUNT(*) FROM team WHERE leader_user_id = #{userId} AND status = 'ACTIVE'")
	int countActiveLedBy(@Param("userId") long userId);

	/**
	 * Guarded hand-over: 0 rows when the team is no longer ACTIVE or someone changed the leader first.
	 * By the primary key, as {@link #disband}.
	 */
	@Update("""
			UPDATE team FORCE INDEX (PRIMARY) SET leader_user_id = #{newLeader}, updated_at = #{now}
			WHERE id = #{id} AND leader_user_id = #{oldLeader} AND status = 'ACTIVE'
			""")
	int changeLeader(@Param("id") long id, @Param("oldLeader") long oldLeader, @Param("newLeader") long newLeader,
			@Param("now") Instant now);

	/**
	 * 0 rows when already disbanded or no longer led by {@code leader} (a hand-over came first).
	 * Clearing active_flag frees the name for a new team. By the primary key: through idx_team_leader
	 * (the optimizer's choice for the leader guard) it locked the index entries a hand-over moves,
	 * and the two deadlocked.
	 */
	@Update("""
			UPDATE team FORCE INDEX (PRIMARY)
			SET status = 'DISBANDED', active_flag = NULL, disbanded_at = #{now}, updated_at = #{now}
			WHERE id = #{id} AND status = 'ACTIVE' AND leader_user_id = #{leader}
			""")
	int disband(@Param("id") long id, @Param("leader") long leader, @Param("now") Instant now);

	default List<Team> ledBy(long userId) {
		return selectList(new LambdaQueryWrapper<Team>().select(Team::getId)
			.eq(Team::getStatus, TeamStatus.ACTIVE)
			.eq(Team::getLeaderUserId, userId)
			.orderByAsc(Team::getId));
	}

	default List<Team> activeInUnits(Collection<Long> unitIds) {
		return selectList(new LambdaQueryWrapper<Team>().eq(Team::getStatus, TeamStatus.ACTIVE)
			.in(Team::getOrgUnitId, unitIds)
			.orderByAsc(Team::getId));
	}

	default List<Team> findByIdsOrdered(Collection<Long> ids) {
		return ids.isEmpty() ? List.of() : selectList(new LambdaQueryWrapper<Team>().in(Team::getId, ids).orderByAsc(Team::getId));
	}

}
