package cn.wenming.practice.activity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
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
 * Grouped figures over a whole org subtree for reports (the assessment, 考核). Each method is one
 * grouped SQL statement whatever the size of the subtree; callers roll the rows up the org tree.
 * <p>
 * An activity is <em>held</em> when it is FINISHED; it belongs to the period its start falls in and
 * to the unit that organised it (its project's unit). Service counts only confirmed, non-revoked
 * hours above zero, in the period the activity ended in (as {@code Volunteer.stats} does); the
 * volunteer feature adds honor hours (补录) by service date and places both at home stations.
 */
@Component
public class ActivityStatistics {

	private final StatisticsMapper mapper;

	ActivityStatistics(StatisticsMapper mapper) {
		this.mapper = mapper;
	}

	/**
	 * Held activities per organising unit among {@code subtreeUnitIds} (a subtree the caller has
	 * already read from org), started in [{@code yearFrom}, {@code to}); the month columns count those
	 * started at or after {@code monthFrom}. Units without any are absent.
	 */
	public List<HeldActivities> heldByUnit(Collection<Long> subtreeUnitIds, Instant yearFrom, Instant monthFrom,
			Instant to) {
		return heldByUnit(subtreeUnitIds, yearFrom, monthFrom, to, List.of());
	}

	/**
	 * As {@link #heldByUnit(Collection, Instant, Instant, Instant)}, but the month's theory-lecture
	 * column leaves out {@code recordedLectures}: activities another feature already counts (a
	 * recorded lecture held as that activity), so the event is counted once.
	 */
	public List<HeldActivities> heldByUnit(Collection<Long> subtreeUnitIds, Instant yearFrom, Instant monthFrom,
			Instant to, Collection<Long> recordedLectures) {
		return subtreeUnitIds.isEmpty() ? List.of()
				: this.mapper.heldByUnit(subtreeUnitIds, yearFrom, monthFrom, to, recordedLectures);
	}

	/**
	 * Held activities started in [{@code from}, {@code to}) per unit among {@code subtreeUnitIds}
	 * and the civilized unit that ran them.
	 */
	public List<CivilizedUnitActivities> civilizedUnitActivities(Collection<Long> subtreeUnitIds, Instant from,
			Instant to) {
		return subtreeUnitIds.isEmpty() ? List.of() : this.mapper.civilizedUnitActivities(subtreeUnitIds, from, to);
	}

	/**
	 * Credit hours per volunteer (by volunteer id) of activities that ended in the year {@code year} up
	 * to the end of month {@code month} (China time), wherever the volunteer is registered: the
	 * volunteer feature places them at their home stations ({@code VolunteerStatistics.byHomeStation}).
	 * Read from the rollup ({@link ActivityHoursRollup}): the year's row when the whole year is asked
	 * for, else the months' rows. Only positive figures.
	 */
	public Map<Long, BigDecimal> creditHoursByVolunteer(int year, int month) {
		Map<Long, BigDecimal> hours = new HashMap<>();
		List<VolunteerHours> rows = (month == 12)
				? this.mapper.creditHoursByVolunteer(PeriodKeys.Period.YEAR.name(), Integer.toString(year),
						Integer.toString(year))
				: this.mapper.creditHoursByVolunteer(PeriodKeys.Period.MONTH.name(),
						PeriodKeys.Period.MONTH.valueOn(LocalDate.of(year, 1, 1)),
						PeriodKeys.Period.MONTH.valueOn(LocalDate.of(year, month, 1)));
		rows.forEach(row -> hours.put(row.volunteerId(), row.hours()));
		return hours;
	}

	/**
	 * Held activities flagged as theory lectures (理论宣讲) started in [{@code from}, {@code to}), one row
	 * each, organised by a unit among {@code unitIds}: the lecture feature counts those no recorded
	 * lecture stands for. A unit holds a few a month, so the rows stay few.
	 */
	public List<HeldTheoryLecture> heldTheoryLectures(Collection<Long> unitIds, Instant from, Instant to) {
		return unitIds.isEmpty() ? List.of() : this.mapper.heldTheoryLectures(unitIds, from, to);
	}

	/**
	 * 站每周活动 (seed 003): per organising unit among {@code unitIds}, in how many of the weeks
	 * [{@code firstWeek} + 7k days, + 7 days) for k in 0..{@code weeks}-1 it held (started and
	 * finished) at least one activity. Units without any are absent. One grouped statement.
	 */
	public Map<Long, Integer> weeksWithHeldActivities(Collection<Long> unitIds, Instant firstWeek, int weeks) {
		Map<Long, Integer> counts = new HashMap<>();
		if (!unitIds.isEmpty() && weeks > 0) {
			this.mapper.weeksHeld(unitIds, firstWeek, firstWeek.plus(java.time.Duration.ofDays(7L * weeks)))
				.forEach(row -> counts.put(row.id(), row.count()));
		}
		return counts;
	}

	/**
	 * Users (by user id) with positive confirmed activity hours in the month (China time, placed by
	 * the activity's end as the rollup does): one statement on the rollup.
	 */
	public java.util.Set<Long> usersWithCreditHoursInMonth(int year, int month) {
		return new java.util.HashSet<>(this.mapper.subjectsWithHours(PeriodKeys.Period.MONTH.name(),
				PeriodKeys.Period.MONTH.valueOn(LocalDate.of(year, month, 1)), "U"));
	}

	/** Projects with positive confirmed activity hours in the month: one statement on the rollup. */
	public java.util.Set<Long> projectsWithCreditHoursInMonth(int year, int month) {
		return new java.util.HashSet<>(this.mapper.subjectsWithHours(PeriodKeys.Period.MONTH.name(),
				PeriodKeys.Period.MONTH.valueOn(LocalDate.of(year, month, 1)), "P"));
	}

	/** A count per id. */
	record IdCount(long id, int count) {
	}

	/** The facts of one activity another feature links to (a lecture held as that activity). */
	public java.util.Optional<ActivityFacts> facts(long activityId) {
		return java.util.Optional.ofNullable(this.mapper.facts(activityId));
	}

	/** A held activity flagged as a theory lecture. */
	public record HeldTheoryLecture(long id, long unitId, String title, Instant startsAt, String address) {
	}

	/** What a linking feature checks about an activity: its organising unit, start and status name. */
	public record ActivityFacts(long id, long unitId, String title, Instant startsAt, String status,
			boolean theoryLecture) {

		public boolean finished() {
			return ActivityStatus.FINISHED.name().equals(this.status);
		}

	}

	/**
	 * Held activities of one organising unit in the year so far and in the month; the theory-lecture
	 * month column leaves out the activities the caller said are counted elsewhere. And their 受益群众
	 * (recorded counts; an activity without one adds nothing).
	 */
	public record HeldActivities(long unitId, int year, int month, int theoryLecturesYear, int theoryLecturesMonth,
			int beneficiariesYear, int beneficiariesMonth) {
	}

	/** Held activities a civilized unit (文明单位 or 文明校园) ran at a unit it is paired with (站, 所 or 中心). */
	public record CivilizedUnitActivities(long unitId, long civilizedUnitId, int activities) {
	}

	/** Credit hours of one volunteer. */
	record VolunteerHours(long volunteerId, BigDecimal hours) {
	}

	@Mapper
	interface StatisticsMapper {

		@Select("""
				<script>
				SELECT a.org_unit_id AS unit_id,
				       COUNT(*) AS held_year,
				       SUM(CASE WHEN a.starts_at &gt;= #{monthFrom} THEN 1 ELSE 0 END) AS held_month,
				       SUM(CASE WHEN a.theory_lecture = 1 THEN 1 ELSE 0 END) AS theory_year,
				       SUM(CASE WHEN a.theory_lecture = 1 AND a.starts_at &gt;= #{monthFrom}
				       <if test="!recorded.isEmpty()"> AND a.id NOT IN <foreach collection="recorded" item="r" open="(" separator="," close=")">#{r}</foreach></if>
				       THEN 1 ELSE 0 END) AS theory_month,
				       COALESCE(SUM(a.beneficiaries), 0) AS beneficiaries_year,
				       COALESCE(SUM(CASE WHEN a.starts_at &gt;= #{monthFrom} THEN a.beneficiaries END), 0) AS beneficiaries_month
				FROM activity a
				WHERE a.org_unit_id IN <foreach collection="unitIds" item="u" open="(" separator="," close=")">#{u}</foreach>
				  AND a.status = 'FINISHED' AND a.starts_at &gt;= #{yearFrom} AND a.starts_at &lt; #{to}
				GROUP BY a.org_unit_id
				</script>
				""")
		List<HeldActivities> heldByUnit(@Param("unitIds") Collection<Long> unitIds, @Param("yearFrom") Instant yearFrom,
				@Param("monthFrom") Instant monthFrom, @Param("to") Instant to,
				@Param("recorded") Collection<Long> recorded);

		@Select("""
				<script>
				SELECT a.org_unit_id AS unit_id, a.civilized_unit_id, COUNT(*) AS activities
				FROM activity a
				WHERE a.org_unit_id IN <foreach collection="unitIds" item="u" open="(" separator="," close=")">#{u}</foreach>
				  AND a.status = 'FINISHED' AND a.civilized_unit_id IS NOT NULL
				  AND a.starts_at &gt;= #{from} AND a.starts_at &lt; #{to}
				GROUP BY a.org_unit_id, a.civilized_unit_id
				</script>
				""")
		List<CivilizedUnitActivities> civilizedUnitActivities(@Param("unitIds") Collection<Long> unitIds,
				@Param("from") Instant from, @Param("to") Instant to);

		@Select("""
				<script>
				SELECT a.id, a.org_unit_id AS unit_id, a.title, a.starts_at, a.address
				FROM activity a
				WHERE a.org_unit_id IN <foreach collection="unitIds" item="u" open="(" separator="," close=")">#{u}</foreach>
				  AND a.status = 'FINISHED' AND a.theory_lecture = 1
				  AND a.starts_at &gt;= #{from} AND a.starts_at &lt; #{to}
				ORDER BY a.starts_at, a.id
				</script>
				""")
		List<HeldTheoryLecture> heldTheoryLectures(@Param("unitIds") Collection<Long> unitIds,
				@Param("from") Instant from, @Param("to") Instant to);

		@Select("""
				<script>
				SELECT a.org_unit_id AS id,
				       COUNT(DISTINCT FLOOR(TIMESTAMPDIFF(SECOND, #{from}, a.starts_at) / 604800)) AS held_weeks
				FROM activity a
				WHERE a.org_unit_id IN <foreach collection="unitIds" item="u" open="(" separator="," close=")">#{u}</foreach>
				  AND a.status = 'FINISHED' AND a.starts_at &gt;= #{from} AND a.starts_at &lt; #{to}
				GROUP BY a.org_unit_id
				</script>
				""")
		List<IdCount> weeksHeld(@Param("unitIds") Collection<Long> unitIds, @Param("from") Instant from,
				@Param("to") Instant to);

		@Select("""
				SELECT subject_id FROM activity_hours_rollup
				WHERE period = #{period} AND period_value = #{value} AND subject = #{subject} AND hours > 0
				""")
		List<Long> subjectsWithHours(@Param("period") String period, @Param("value") String value,
				@Param("subject") String subject);

		@Select("SELECT id, org_unit_id AS unit_id, title, starts_at, status, theory_lecture FROM activity WHERE id = #{id}")
		ActivityFacts facts(@Param("id") long id);

		@Select("""
				SELECT volunteer_id, SUM(hours) AS hours FROM activity_hours_rollup
				WHERE period = #{period} AND period_value BETWEEN #{first} AND #{last} AND subject = 'U'
				GROUP BY volunteer_id HAVING SUM(hours) > 0
				""")
		List<VolunteerHours> creditHoursByVolunteer(@Param("period") String period, @Param("first") String first,
				@Param("last") String last);

	}

}
