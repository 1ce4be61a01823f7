package cn.wenming.practice.project;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import cn.wenming.practice.shared.CreationKeys;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface ProjectMapper extends BaseMapper<Project> {

	/** What this creator made with this idempotency key, if anything. */
	@Select("SELECT id, request_digest FROM project WHERE created_by = #{creator} AND idempotency_key = #{key}")
	CreationKeys.Earlier findByKey(@Param("creator") long creator, @Param("key") String key);

	default List<Project> findByIds(Collection<Long> ids) {
		return ids.isEmpty() ? List.of() : selectByIds(ids);
	}

	/** A page of projects of the units (a subtree, from {@code OrgDirectory}), by id. */
	@Select("""
			<script>
			SELECT p.* FROM project p
			WHERE p.org_unit_id IN <foreach collection="unitIds" item="u" open="(" separator="," close=")">#{u}</foreach>
			<if test="brandOnly"> AND p.brand = 1 AND p.status = 'ACTIVE'</if>
			<if test="afterId != null"> AND p.id &gt; #{afterId}</if>
			ORDER BY p.id
			LIMIT #{limit}
			</script>
			""")
	List<Project> pageInUnits(@Param("unitIds") Collection<Long> unitIds, @Param("brandOnly") boolean brandOnly,
			@Param("afterId") Long afterId,
			@Param("limit") int limit);

	/** Projects run by a team (by one of {@code teamIds} when not null), id and team only. */
	default List<Project> runByTeams(Collection<Long> teamIds) {
		return selectList(new LambdaQueryWrapper<Project>().select(Project::getId, Project::getTeamId)
			.isNotNull(Project::getTeamId)
			.in(teamIds != null, Project::getTeamId, teamIds));
	}

	@Update("""
			UPDATE project SET name = #{name}, category = #{category}, description = #{description},
			       team_id = #{teamId}, updated_at = #{now}
			WHERE id = #{id}
			""")
	int replace(@Param("id") long id, @Param("name") String name, @Param("category") String category,
			@Param("description") String description, @Param("teamId") Long teamId, @Param("now") Instant now);

	/** Sets the brand flag only if it has the other value: 1 when it changed, 0 when it already was so. */
	@Update("""
			UPDATE project SET brand = #{brand}, brand_marked_by = #{by}, brand_marked_at = #{now}, updated_at = #{now}
			WHERE id = #{id} AND brand <> #{brand}
			""")
	int setBrand(@Param("id") long id, @Param("brand") boolean brand, @Param("by") long by, @Param("now") Instant now);

}
