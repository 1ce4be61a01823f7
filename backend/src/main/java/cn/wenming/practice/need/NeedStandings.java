package cn.wenming.practice.need;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.springframework.stereotype.Component;

/**
 * Confirmed need-service hours for the hour boards: only hours an impartial admin confirmed count,
 * in the period of their confirmation (when they became credit hours).
 */
@Component
public class NeedStandings {

	private final StandingsMapper mapper;

	NeedStandings(StandingsMapper mapper) {
		this.mapper = mapper;
	}

	/** Hours of one volunteer (user id) or team. */
	public record Figure(long id, BigDecimal value) {
	}

	/** Confirmed hours per volunteer (user id), confirmed in {@code [from, to)}; {@code userIds} null for all. */
	public List<Figure> confirmedHoursByUser(Instant from, Instant to, Collection<Long> userIds) {
		return (userIds != null && userIds.isEmpty()) ? List.of() : this.mapper.byUser(from, to, userIds);
	}

	/** Confirmed hours per serving team, confirmed in {@code [from, to)}; {@code teamIds} null for all. */
	public List<Figure> confirmedHoursByTeam(Instant from, Instant to, Collection<Long> teamIds) {
		return (teamIds != null && teamIds.isEmpty()) ? List.of() : this.mapper.byTeam(from, to, teamIds);
	}

	/**
	 * Confirmed hours per volunteer id, confirmed in {@code [from, to)}: for the assessment's hours
	 * figures, beside the activity feature's credit hours. Only positive figures.
	 */
	public java.util.Map<Long, BigDecimal> confirmedHoursByVolunteer(Instant from, Instant to) {
		java.util.Map<Long, BigDecimal> hours = new java.util.HashMap<>();
		this.mapper.byVolunteer(from, to).forEach(f -> hours.put(f.id(), f.value()));
		return hours;
	}

	/** The team that served the need, or null. */
	public Long teamOf(long needId) {
		return this.mapper.teamOf(needId);
	}

	@Mapper
	interface StandingsMapper {

		@Select("""
				<script>
				SELECT p.user_id AS id, SUM(p.hours) AS value FROM need_participant p
				WHERE p.hours_status = 'CONFIRMED' AND p.confirmed_at &gt;= #{from} AND p.confirmed_at &lt; #{to}
				<if test="ids != null"> AND p.user_id IN
				<foreach collection="ids" item="i" open="(" separator="," close=")">#{i}</foreach></if>
				GROUP BY p.user_id
				</script>
				""")
		List<Figure> byUser(@Param("from") Instant from, @Param("to") Instant to, @Param("ids") Collection<Long> ids);

		@Select("""
				<script>
				SELECT n.assigned_team_id AS id, SUM(p.hours) AS value
				FROM need_participant p JOIN need n ON n.id = p.need_id
				WHERE n.assigned_team_id IS NOT NULL AND p.hours_status = 'CONFIRMED'
				AND p.confirmed_at &gt;= #{from} AND p.confirmed_at &lt; #{to}
				<if test="ids != null"> AND n.assigned_team_id IN
				<foreach collection="ids" item="i" open="(" separator="," close=")">#{i}</foreach></if>
				GROUP BY n.assigned_team_id
				</script>
				""")
		List<Figure> byTeam(@Param("from") Instant from, @Param("to") Instant to, @Param("ids") Collection<Long> ids);

		@Select("""
				SELECT p.volunteer_id AS id, SUM(p.hours) AS value FROM need_participant p
				WHERE p.hours_status = 'CONFIRMED' AND p.confirmed_at >= #{from} AND p.confirmed_at < #{to}
				GROUP BY p.volunteer_id HAVING SUM(p.hours) > 0
				""")
		List<Figure> byVolunteer(@Param("from") Instant from, @Param("to") Instant to);

		@Select("SELECT assigned_team_id FROM need WHERE id = #{id}")
		Long teamOf(@Param("id") long id);

	}

}
