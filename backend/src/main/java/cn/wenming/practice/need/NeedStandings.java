package cn.wenming.practice.need;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.wenming.practice.shared.PeriodKeys;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.springframework.stereotype.Component;

/**
 * Confirmed need-service hours for the hour boards and the assessment: only hours an impartial admin
 * confirmed count, in the period of their confirmation (when they became credit hours). Read from the
 * rollup ({@code need_hours_rollup}, {@link NeedHoursRollup}) by period label, never from the
 * participants; every read is bounded by a key range and has a statement timeout.
 */
@Component
public class NeedStandings {

	/** The JDBC query timeout of the rollup reads: a slow database answers an error, it does not hold a connection. */
	static final int TIMEOUT_SECONDS = 5;

	private final StandingsMapper mapper;

	NeedStandings(StandingsMapper mapper) {
		this.mapper = mapper;
	}

	/** Hours of one volunteer (user id) or team. */
	public record Figure(long id, BigDecimal value) {
	}

	/** Confirmed hours per volunteer (user id), confirmed in the period; {@code userIds} null for all. Only positive figures. */
	public List<Figure> confirmedHoursByUser(PeriodKeys.Period period, String value, Collection<Long> userIds) {
		return (userIds != null && userIds.isEmpty()) ? List.of()
				: this.mapper.ofSubjects(period.name(), value, NeedHoursRollup.USER, userIds);
	}

	/** Confirmed hours of the volunteers with user ids in {@code [fromUserId, toUserId]}: one key range. */
	public List<Figure> confirmedHoursBetween(PeriodKeys.Period period, String value, long fromUserId, long toUserId) {
		return this.mapper.between(period.name(), value, fromUserId, toUserId);
	}

	/** Confirmed hours per serving team, confirmed in the period; {@code teamIds} null for all. Only positive figures. */
	public List<Figure> confirmedHoursByTeam(PeriodKeys.Period period, String value, Collection<Long> teamIds) {
		return (teamIds != null && teamIds.isEmpty()) ? List.of()
				: this.mapper.ofSubjects(period.name(), value, NeedHoursRollup.TEAM, teamIds);
	}

	/**
	 * Confirmed hours per volunteer id, confirmed in the year {@code year} up to the end of month
	 * {@code month} (China time): for the assessment's hours figures, beside the activity feature's
	 * credit hours. The year's rows when the whole year is asked for, else the months'. Only positive
	 * figures.
	 */
	public Map<Long, BigDecimal> confirmedHoursByVolunteer(int year, int month) {
		Map<Long, BigDecimal> hours = new HashMap<>();
		List<Figure> rows = (month == 12)
				? this.mapper.byVolunteer(PeriodKeys.Period.YEAR.name(), Integer.toString(year), Integer.toString(year))
				: this.mapper.byVolunteer(PeriodKeys.Period.MONTH.name(),
						PeriodKeys.Period.MONTH.valueOn(LocalDate.of(year, 1, 1)),
						PeriodKeys.Period.MONTH.valueOn(LocalDate.of(year, month, 1)));
		rows.forEach(f -> hours.put(f.id(), f.value()));
		return hours;
	}

	/**
	 * The {@code limit} volunteers (by user id) with the most confirmed hours in the period, most
	 * first (ties in no particular order): a range of the rollup's rank index (V51).
	 */
	public List<Figure> topConfirmedHours(PeriodKeys.Period period, String value, int limit) {
		return this.mapper.topHours(period.name(), value, limit);
	}

	/** How many volunteers have more than {@code hours} confirmed hours in the period (an index range count). */
	public long countConfirmedHoursAbove(PeriodKeys.Period period, String value, BigDecimal hours) {
		return this.mapper.countAbove(period.name(), value, hours);
	}

	/** The team that served the need, or null. */
	public Long teamOf(long needId) {
		return this.mapper.teamOf(needId);
	}

	@Mapper
	interface StandingsMapper {

		@Select("""
				<script>
				SELECT subject_id AS id, hours AS value FROM need_hours_rollup
				WHERE period = #{period} AND period_value = #{value} AND subject = #{subject} AND hours &gt; 0
				<if test="ids != null"> AND subject_id IN
				<foreach collection="ids" item="i" open="(" separator="," close=")">#{i}</foreach></if>
				</script>
				""")
		@Options(timeout = TIMEOUT_SECONDS)
		List<Figure> ofSubjects(@Param("period") String period, @Param("value") String value,
				@Param("subject") String subject, @Param("ids") Collection<Long> ids);

		@Select("""
				SELECT subject_id AS id, hours AS value FROM need_hours_rollup
				WHERE period = #{period} AND period_value = #{value} AND subject = 'U'
				  AND subject_id BETWEEN #{from} AND #{to} AND hours > 0
				""")
		@Options(timeout = TIMEOUT_SECONDS)
		List<Figure> between(@Param("period") String period, @Param("value") String value, @Param("from") long from,
				@Param("to") long to);

		@Select("""
				SELECT volunteer_id AS id, SUM(hours) AS value FROM need_hours_rollup
				WHERE period = #{period} AND period_value BETWEEN #{first} AND #{last} AND subject = 'U'
				GROUP BY volunteer_id HAVING SUM(hours) > 0
				""")
		List<Figure> byVolunteer(@Param("period") String period, @Param("first") String first,
				@Param("last") String last);

		@Select("""
				SELECT subject_id AS id, hours AS value FROM need_hours_rollup
				WHERE period = #{period} AND period_value = #{value} AND subject = 'U' AND hours > 0
				ORDER BY hours DESC LIMIT #{limit}
				""")
		@Options(timeout = TIMEOUT_SECONDS)
		List<Figure> topHours(@Param("period") String period, @Param("value") String value, @Param("limit") int limit);

		@Select("""
				SELECT COUNT(*) FROM need_hours_rollup
				WHERE period = #{period} AND period_value = #{value} AND subject = 'U' AND hours > #{hours}
				""")
		@Options(timeout = TIMEOUT_SECONDS)
		long countAbove(@Param("period") String period, @Param("value") String value, @Param("hours") BigDecimal hours);

		@Select("SELECT assigned_team_id FROM need WHERE id = #{id}")
		Long teamOf(@Param("id") long id);

	}

}
