package cn.wenming.practice.activity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.wenming.practice.project.ProjectDirectory;
import cn.wenming.practice.shared.PeriodKeys;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.springframework.stereotype.Component;

/**
 * Grouped activity figures for rankings, each in a fixed number of statements (one, or two where
 * the project feature says which projects a team runs). Service is placed in time by the
 * activity's end ({@code ends_at}), as {@code Volunteer.stats.hoursThisYear} does; only confirmed,
 * not revoked credit hours count; an activity is "held" once FINISHED. Hours are read from the
 * rollup ({@code activity_hours_rollup}, {@link ActivityHoursRollup}) by period label, never from
 * the sign-ups, each read bounded by a key range and a statement timeout. Arguments {@code ids} are
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

	/** The JDBC query timeout of the rollup reads: a slow database answers an error, it does not hold a connection. */
	static final int TIMEOUT_SECONDS = 5;

	/** Credit hours per volunteer (by user id) of activities that ended in the period (label as {@link PeriodKeys}). */
	public List<Figure> creditHoursByUser(PeriodKeys.Period period, String value, Collection<Long> userIds) {
		return (userIds != null && userIds.isEmpty()) ? List.of()
				: this.mapper.hoursOfSubjects(period.name(), value, ActivityHoursRollup.USER, userIds);
	}

	/**
	 * Credit hours of the volunteers with user ids in {@code [fromUserId, toUserId]} in the period: one
	 * range of the rollup's key, for a page of members whose ids are dense.
	 */
	public List<Figure> creditHoursBetween(PeriodKeys.Period period, String value, long fromUserId, long toUserId) {
		return this.mapper.hoursBetween(period.name(), value, fromUserId, toUserId);
	}

	/**
	 * Credit hours per team in the period, for activities of the team's projects: the projects the
	 * teams run (the project feature's, one statement), then the hours per project from the rollup
	 * (one statement), added up per team.
	 */
	public List<Figure> creditHoursByTeam(PeriodKeys.Period period, String value, Collection<Long> teamIds) {
		Map<Long, Long> teamOfProject = this.projects.runByTeams(teamIds);
		if (teamOfProject.isEmpty()) {
			return List.of();
		}
		Map<Long, BigDecimal> hours = new HashMap<>();
		for (Figure project : this.mapper.hoursOfSubjects(period.name(), value, ActivityHoursRollup.PROJECT,
				teamOfProject.keySet())) {
			hours.merge(teamOfProject.get(project.id()), project.value(), BigDecimal::add);
		}
		return hours.entrySet()
			.stream()
			.filter(team -> team.getValue().signum() > 0)
			.map(team -> new Figure(team.getKey(), team.getValue()))
			.toList();
	}

	/**
	 * The {@code limit} volunteers (by user id) with the most credit hours in the period, most first
	 * (ties in no particular order): a range of the rollup's rank index (V51), for a board's top while
	 * the board itself is being built.
	 */
	public List<Figure> topCreditHours(PeriodKeys.Period period, String value, int limit) {
		return this.mapper.topHours(period.name(), value, limit);
	}

	/** How many volunteers have more than {@code hours} credit hours in the period (an index range count). */
	public long countCreditHoursAbove(PeriodKeys.Period period, String value, BigDecimal hours) {
		return this.mapper.countAbove(period.name(), value, hours);
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
				SELECT subject_id AS id, hours AS value FROM activity_hours_rollup
				WHERE period = #{period} AND period_value = #{value} AND subject = #{subject} AND hours &gt; 0
				<if test="ids != null">
				  AND subject_id IN <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
				</if>
				</script>
				""")
		@Options(timeout = TIMEOUT_SECONDS)
		List<Figure> hoursOfSubjects(@Param("period") String period, @Param("value") String value,
				@Param("subject") String subject, @Param("ids") Collection<Long> ids);

		@Select("""
				SELECT subject_id AS id, hours AS value FROM activity_hours_rollup
				WHERE period = #{period} AND period_value = #{value} AND subject = 'U'
				  AND subject_id BETWEEN #{from} AND #{to} AND hours > 0
				""")
		@Options(timeout = TIMEOUT_SECONDS)
		List<Figure> hoursBetween(@Param("period") String period, @Param("value") String value, @Param("from") long from,
				@Param("to") long to);

		@Select("""
				SELECT subject_id AS id, hours AS value FROM activity_hours_rollup
				WHERE period = #{period} AND period_value = #{value} AND subject = 'U' AND hours > 0
				ORDER BY hours DESC LIMIT #{limit}
				""")
		@Options(timeout = TIMEOUT_SECONDS)
		List<Figure> topHours(@Param("period") String period, @Param("value") String value, @Param("limit") int limit);

		@Select("""
				SELECT COUNT(*) FROM activity_hours_rollup
				WHERE period = #{period} AND period_value = #{value} AND subject = 'U' AND hours > #{hours}
				""")
		@Options(timeout = TIMEOUT_SECONDS)
		long countAbove(@Param("period") String period, @Param("value") String value, @Param("hours") BigDecimal hours);

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
