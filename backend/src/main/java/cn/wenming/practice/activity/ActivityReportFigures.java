package cn.wenming.practice.activity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.wenming.practice.shared.PeriodKeys;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.springframework.stereotype.Component;

/**
 * Activity figures of any period (a week or a month) over an org subtree for the 工作报告 (report):
 * held activities with their sign-ups and participants, the held activities themselves (the
 * highlights are picked among them) and credit hours per volunteer from the hours rollup. As in
 * {@link ActivityStatistics}: an activity is held when FINISHED, belongs to the period its start
 * falls in and to its organising unit; each method is one statement whatever the subtree's size.
 */
@Component
public class ActivityReportFigures {

	private final FiguresMapper mapper;

	ActivityReportFigures(FiguresMapper mapper) {
		this.mapper = mapper;
	}

	/**
	 * Per organising unit among {@code unitIds}, the held activities started in [{@code from},
	 * {@code to}): how many, their sign-ups (confirmed or no-show, not cancelled nor waitlisted), their
	 * participants (confirmed sign-ups checked in or with confirmed hours) and recorded 受益群众. Units
	 * without any are absent.
	 */
	public List<UnitActivities> byUnit(Collection<Long> unitIds, Instant from, Instant to) {
		return unitIds.isEmpty() ? List.of() : this.mapper.byUnit(unitIds, from, to);
	}

	/** The held activities started in [{@code from}, {@code to}) organised by a unit among {@code unitIds}, by start; at most {@code limit}. */
	public List<HeldActivity> held(Collection<Long> unitIds, Instant from, Instant to, int limit) {
		return unitIds.isEmpty() ? List.of() : this.mapper.held(unitIds, from, to, limit);
	}

	/** Credit hours per volunteer id in the rollup period ({@code WEEK 2026-W07}, {@code MONTH 2026-02}); only positive figures. */
	public Map<Long, BigDecimal> creditHoursByVolunteer(PeriodKeys.Period period, String value) {
		Map<Long, BigDecimal> hours = new HashMap<>();
		this.mapper.creditHours(period.name(), value).forEach(row -> hours.put(row.volunteerId(), row.hours()));
		return hours;
	}

	/** Held activities of one organising unit in a period. */
	public record UnitActivities(long unitId, int held, int signUps, int participants, int beneficiaries) {
	}

	/** One held activity. */
	public record HeldActivity(long id, long unitId, String title, Instant startsAt, int participants,
			Integer beneficiaries) {
	}

	@Mapper
	interface FiguresMapper {

		@Select("""
				<script>
				SELECT a.org_unit_id AS unit_id, COUNT(*) AS held,
				       COALESCE(SUM(s.sign_ups), 0) AS sign_ups, COALESCE(SUM(s.participants), 0) AS participants,
				       COALESCE(SUM(a.beneficiaries), 0) AS beneficiaries
				FROM activity a
				LEFT JOIN (
				    SELECT su.activity_id,
				           SUM(CASE WHEN su.status IN ('CONFIRMED', 'NO_SHOW') THEN 1 ELSE 0 END) AS sign_ups,
				           SUM(CASE WHEN su.status = 'CONFIRMED' AND (su.checked_in_at IS NOT NULL OR su.hours_confirmed_at IS NOT NULL)
				                    THEN 1 ELSE 0 END) AS participants
				    FROM activity_sign_up su JOIN activity sa ON sa.id = su.activity_id
				    WHERE sa.org_unit_id IN <foreach collection="unitIds" item="u" open="(" separator="," close=")">#{u}</foreach>
				      AND sa.status = 'FINISHED' AND sa.starts_at &gt;= #{from} AND sa.starts_at &lt; #{to}
				    GROUP BY su.activity_id
				) s ON s.activity_id = a.id
				WHERE a.org_unit_id IN <foreach collection="unitIds" item="u" open="(" separator="," close=")">#{u}</foreach>
				  AND a.status = 'FINISHED' AND a.starts_at &gt;= #{from} AND a.starts_at &lt; #{to}
				GROUP BY a.org_unit_id
				</script>
				""")
		List<UnitActivities> byUnit(@Param("unitIds") Collection<Long> unitIds, @Param("from") Instant from,
				@Param("to") Instant to);

		@Select("""
				<script>
				SELECT a.id, a.org_unit_id AS unit_id, a.title, a.starts_at,
				       (SELECT COUNT(*) FROM activity_sign_up su WHERE su.activity_id = a.id AND su.status = 'CONFIRMED'
				          AND (su.checked_in_at IS NOT NULL OR su.hours_confirmed_at IS NOT NULL)) AS participants,
				       a.beneficiaries
				FROM activity a
				WHERE a.org_unit_id IN <foreach collection="unitIds" item="u" open="(" separator="," close=")">#{u}</foreach>
				  AND a.status = 'FINISHED' AND a.starts_at &gt;= #{from} AND a.starts_at &lt; #{to}
				ORDER BY a.starts_at, a.id
				LIMIT #{limit}
				</script>
				""")
		List<HeldActivity> held(@Param("unitIds") Collection<Long> unitIds, @Param("from") Instant from,
				@Param("to") Instant to, @Param("limit") int limit);

		@Select("""
				SELECT volunteer_id, SUM(hours) AS hours FROM activity_hours_rollup
				WHERE period = #{period} AND period_value = #{value} AND subject = 'U'
				GROUP BY volunteer_id HAVING SUM(hours) > 0
				""")
		List<ActivityStatistics.VolunteerHours> creditHours(@Param("period") String period, @Param("value") String value);

	}

}
