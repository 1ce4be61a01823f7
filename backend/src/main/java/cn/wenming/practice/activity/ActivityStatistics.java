package cn.wenming.practice.activity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

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
 * hours above zero, in the period the activity ended in (as {@code Volunteer.stats} does), plus
 * honor hours (补录) by service date.
 */
@Component
public class ActivityStatistics {

	private final StatisticsMapper mapper;

	ActivityStatistics(StatisticsMapper mapper) {
		this.mapper = mapper;
	}

	/**
	 * Held activities per organising unit at or below {@code pathPrefix}, started in
	 * [{@code yearFrom}, {@code to}); the month columns count those started at or after {@code monthFrom}.
	 * Units without any are absent.
	 */
	public List<HeldActivities> heldByUnit(String pathPrefix, Instant yearFrom, Instant monthFrom, Instant to) {
		return this.mapper.heldByUnit(pathPrefix, yearFrom, monthFrom, to);
	}

	/** Held activities started in [{@code from}, {@code to}) per station and the civilized unit that ran them. */
	public List<CivilizedUnitActivities> civilizedUnitActivities(String pathPrefix, Instant from, Instant to) {
		return this.mapper.civilizedUnitActivities(pathPrefix, from, to);
	}

	/**
	 * Per home station at or below {@code pathPrefix}: volunteers registered before {@code to} who
	 * have service hours in the period (credit hours of activities ended in [{@code from}, {@code to})
	 * or honor hours with a service date in [{@code fromDate}, {@code toDate})), how many of those
	 * are party members who attended an activity (credit hours, not honor hours), and the hours.
	 * Reads the volunteer feature's tables for the home station and party membership: activity is
	 * downstream of volunteer, and the join keeps this one statement.
	 */
	public List<VolunteerService> serviceByHomeStation(String pathPrefix, Instant from, Instant to, LocalDate fromDate,
			LocalDate toDate) {
		return this.mapper.serviceByHomeStation(pathPrefix, from, to, fromDate, toDate);
	}

	/** Held activities of one organising unit in the year so far and in the month. */
	public record HeldActivities(long unitId, int year, int month, int theoryLecturesYear, int theoryLecturesMonth) {
	}

	/** Held activities a civilized unit ran at a station. */
	public record CivilizedUnitActivities(long stationId, long civilizedUnitId, int activities) {
	}

	/** Volunteers of one home station with service in the period. */
	public record VolunteerService(long homeStationId, int volunteersWithHours, int partyMembersAttended,
			BigDecimal creditHours, BigDecimal honorHours) {
	}

	@Mapper
	interface StatisticsMapper {

		@Select("""
				SELECT a.org_unit_id AS unit_id,
				       COUNT(*) AS held_year,
				       SUM(CASE WHEN a.starts_at >= #{monthFrom} THEN 1 ELSE 0 END) AS held_month,
				       SUM(CASE WHEN a.theory_lecture = 1 THEN 1 ELSE 0 END) AS theory_year,
				       SUM(CASE WHEN a.theory_lecture = 1 AND a.starts_at >= #{monthFrom} THEN 1 ELSE 0 END) AS theory_month
				FROM activity a JOIN org_unit o ON o.id = a.org_unit_id
				WHERE o.path LIKE CONCAT(#{prefix}, '%') AND a.status = 'FINISHED'
				  AND a.starts_at >= #{yearFrom} AND a.starts_at < #{to}
				GROUP BY a.org_unit_id
				""")
		List<HeldActivities> heldByUnit(@Param("prefix") String prefix, @Param("yearFrom") Instant yearFrom,
				@Param("monthFrom") Instant monthFrom, @Param("to") Instant to);

		@Select("""
				SELECT a.org_unit_id AS station_id, a.civilized_unit_id, COUNT(*) AS activities
				FROM activity a JOIN org_unit o ON o.id = a.org_unit_id
				WHERE o.path LIKE CONCAT(#{prefix}, '%') AND a.status = 'FINISHED' AND a.civilized_unit_id IS NOT NULL
				  AND a.starts_at >= #{from} AND a.starts_at < #{to}
				GROUP BY a.org_unit_id, a.civilized_unit_id
				""")
		List<CivilizedUnitActivities> civilizedUnitActivities(@Param("prefix") String prefix,
				@Param("from") Instant from, @Param("to") Instant to);

		@Select("""
				SELECT v.home_station_id,
				       COUNT(*) AS volunteers_with_hours,
				       SUM(CASE WHEN v.party_member = 1 AND t.attended = 1 THEN 1 ELSE 0 END) AS party_members_attended,
				       COALESCE(SUM(t.credit_hours), 0) AS credit_hours,
				       COALESCE(SUM(t.honor_hours), 0) AS honor_hours
				FROM (
				    SELECT x.volunteer_id, MAX(x.attended) AS attended, SUM(x.credit_hours) AS credit_hours,
				           SUM(x.honor_hours) AS honor_hours
				    FROM (
				        SELECT s.volunteer_id, 1 AS attended, s.hours AS credit_hours, 0 AS honor_hours
				        FROM activity_sign_up s JOIN activity a ON a.id = s.activity_id
				        WHERE s.hours_confirmed_at IS NOT NULL AND s.hours_revoked_at IS NULL AND s.hours > 0
				          AND a.ends_at >= #{from} AND a.ends_at < #{to}
				        UNION ALL
				        SELECT h.volunteer_id, 0, 0, h.hours FROM volunteer_honor_hours h
				        WHERE h.hours > 0 AND h.service_date >= #{fromDate} AND h.service_date < #{toDate}
				    ) x
				    GROUP BY x.volunteer_id
				) t
				JOIN volunteer v ON v.id = t.volunteer_id
				JOIN org_unit o ON o.id = v.home_station_id
				WHERE o.path LIKE CONCAT(#{prefix}, '%') AND v.created_at < #{to}
				GROUP BY v.home_station_id
				""")
		List<VolunteerService> serviceByHomeStation(@Param("prefix") String prefix, @Param("from") Instant from,
				@Param("to") Instant to, @Param("fromDate") LocalDate fromDate, @Param("toDate") LocalDate toDate);

	}

}
