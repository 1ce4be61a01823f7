package cn.wenming.practice.activity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.wenming.practice.project.ProjectDirectory;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.springframework.stereotype.Component;

/**
 * Grouped activity figures for rankings, each in a fixed number of statements (one, or two where
 * the project feature says which projects a team runs). Service is placed in time by the
 * activity's end ({@code ends_at}), as {@code Volunteer.stats.hoursThisYear} does; only confirmed,
 * not revoked credit hours count; an activity is "held" once FINISHED. Arguments {@code ids} are
 * null for everybody, else a filter (empty → nothing). Only positive figures are returned.
 */
@Component
public class ActivityStandings {

	private final ActivityStandingsMapper mapper;

	private final ProjectDirectory projects;

	ActivityStandings(ActivityStandingsMapper mapper, ProjectDirectory projects) {
		this.mapper = mapper;
		this.projects = projects;
	}

	/** A figure of one volunteer (user id), team or org unit. */
	public record Figure(long id, BigDecimal value) {
	}

	/** Credit hours per volunteer (by user id) for activities that ended in {@code [from, to)}. */
	public List<Figure> creditHoursByUser(Instant from, Instant to, Collection<Long> userIds) {
		return (userIds != null && userIds.isEmpty()) ? List.of() : this.mapper.hoursByUser(from, to, userIds);
	}

	/**
	 * Credit hours per team, for activities of the team's projects that ended in {@code [from, to)}:
	 * the projects the teams run (the project feature's, one statement), then the hours per project
	 * (one statement), added up per team.
	 */
	public List<Figure> creditHoursByTeam(Instant from, Instant to, Collection<Long> teamIds) {
		Map<Long, Long> teamOfProject = this.projects.runByTeams(teamIds);
		if (teamOfProject.isEmpty()) {
			return List.of();
		}
		Map<Long, BigDecimal> hours = new HashMap<>();
		for (Figure project : this.mapper.hoursByProject(from, to, teamOfProject.keySet())) {
			hours.merge(teamOfProject.get(project.id()), project.value(), BigDecimal::add);
		}
		return hours.entrySet()
			.stream()
			.filter(team -> team.getValue().signum() > 0)
			.map(team -> new Figure(team.getKey(), team.getValue()))
			.toList();
	}

	/** FINISHED activities per org unit (the activity's own unit) that ended in {@code [from, to)}. */
	public List<Figure> finishedByUnit(Instant from, Instant to, Collection<Long> unitIds) {
		return (unitIds != null && unitIds.isEmpty()) ? List.of() : this.mapper.finishedByUnit(from, to, unitIds);
	}

	/** The team whose project the activity belongs to, or null. */
	public Long teamOf(long activityId) {
		Long project = this.mapper.projectOf(activityId);
		return (project != null) ? this.projects.teamOf(project) : null;
	}

	/** The activity's org unit, or null when it does not exist. */
	public Long unitOf(long activityId) {
		return this.mapper.unitOf(activityId);
	}

	@Mapper
	interface ActivityStandingsMapper {

		@Select("""
				<script>
				SELECT s.user_id AS id, SUM(s.hours) AS value
				FROM activity_sign_up s JOIN activity a ON a.id = s.activity_id
				WHERE s.hours_confirmed_at IS NOT NULL AND s.hours_revoked_at IS NULL
				  AND a.ends_at &gt;= #{from} AND a.ends_at &lt; #{to}
				<if test="ids != null">
				  AND s.user_id IN <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
				</if>
				GROUP BY s.user_id HAVING SUM(s.hours) &gt; 0
				</script>
				""")
		List<Figure> hoursByUser(@Param("from") Instant from, @Param("to") Instant to,
				@Param("ids") Collection<Long> ids);

		@Select("""
				<script>
				SELECT a.project_id AS id, SUM(s.hours) AS value
				FROM activity_sign_up s JOIN activity a ON a.id = s.activity_id
				WHERE s.hours_confirmed_at IS NOT NULL AND s.hours_revoked_at IS NULL
				  AND a.ends_at &gt;= #{from} AND a.ends_at &lt; #{to}
				  AND a.project_id IN <foreach collection="projectIds" item="id" open="(" separator="," close=")">#{id}</foreach>
				GROUP BY a.project_id
				</script>
				""")
		List<Figure> hoursByProject(@Param("from") Instant from, @Param("to") Instant to,
				@Param("projectIds") Collection<Long> projectIds);

		@Select("""
				<script>
				SELECT a.org_unit_id AS id, COUNT(*) AS value FROM activity a
				WHERE a.status = 'FINISHED' AND a.ends_at &gt;= #{from} AND a.ends_at &lt; #{to}
				<if test="ids != null">
				  AND a.org_unit_id IN <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
				</if>
				GROUP BY a.org_unit_id
				</script>
				""")
		List<Figure> finishedByUnit(@Param("from") Instant from, @Param("to") Instant to,
				@Param("ids") Collection<Long> ids);

		@Select("SELECT project_id FROM activity WHERE id = #{id}")
		Long projectOf(@Param("id") long activityId);

		@Select("SELECT org_unit_id FROM activity WHERE id = #{id}")
		Long unitOf(@Param("id") long activityId);

	}

}
