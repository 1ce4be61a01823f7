package cn.wenming.practice.activity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.wenming.practice.volunteer.VolunteerServiceRecord;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.springframework.stereotype.Component;

/**
 * Volunteers' activity totals for {@code Volunteer.stats}: only confirmed hours that were not
 * revoked count, as for credit hours; hours of a checked-out (or adjusted) sign-up that nobody
 * confirmed yet are pending. One grouped query for any number of volunteers.
 */
@Component
class ActivityServiceRecord implements VolunteerServiceRecord {

	private final TotalsMapper mapper;

	ActivityServiceRecord(TotalsMapper mapper) {
		this.mapper = mapper;
	}

	@Override
	public Map<Long, Totals> totals(Collection<Long> volunteerIds, Instant from, Instant to) {
		if (volunteerIds.isEmpty()) {
			return Map.of();
		}
		return this.mapper.totals(volunteerIds, from, to)
			.stream()
			.collect(Collectors.toMap(Row::volunteerId,
					row -> new Totals(row.activities(), 0, row.hoursInPeriod(), row.pendingHours())));
	}

	@Override
	public Map<Long, Integer> revokedCounts(Collection<Long> volunteerIds, Instant from, Instant to) {
		if (volunteerIds.isEmpty()) {
			return Map.of();
		}
		return this.mapper.revoked(volunteerIds, from, to)
			.stream()
			.collect(Collectors.toMap(Revoked::volunteerId, Revoked::revoked));
	}

	/** One volunteer's revoked hours. */
	record Revoked(long volunteerId, int revoked) {
	}

	/** One volunteer's grouped totals. */
	record Row(long volunteerId, int activities, BigDecimal hoursInPeriod, BigDecimal pendingHours) {
	}

	@Mapper
	interface TotalsMapper {

		// Pending: what confirmHours would accept (checked out, or hours set by the organiser).
		@Select("""
				<script>
				SELECT s.volunteer_id,
				       COALESCE(SUM(CASE WHEN s.hours_confirmed_at IS NOT NULL AND s.hours_revoked_at IS NULL
				                         THEN 1 ELSE 0 END), 0) AS activities,
				       COALESCE(SUM(CASE WHEN s.hours_confirmed_at IS NOT NULL AND s.hours_revoked_at IS NULL
				                          AND a.ends_at &gt;= #{from} AND a.ends_at &lt; #{to} THEN s.hours ELSE 0 END), 0)
				         AS hours_in_period,
				       COALESCE(SUM(CASE WHEN s.hours_confirmed_at IS NULL AND s.status = 'CONFIRMED'
				                         THEN COALESCE(s.hours, 0) ELSE 0 END), 0) AS pending_hours
				FROM activity_sign_up s JOIN activity a ON a.id = s.activity_id
				WHERE (s.hours_confirmed_at IS NOT NULL OR s.checked_out_at IS NOT NULL OR s.hours_adjusted_at IS NOT NULL)
				  AND s.volunteer_id IN <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
				GROUP BY s.volunteer_id
				</script>
				""")
		List<Row> totals(@Param("ids") Collection<Long> ids, @Param("from") Instant from, @Param("to") Instant to);

		@Select("""
				<script>
				SELECT s.volunteer_id, COUNT(*) AS revoked
				FROM activity_sign_up s JOIN activity a ON a.id = s.activity_id
				WHERE s.hours_revoked_at IS NOT NULL AND a.ends_at &gt;= #{from} AND a.ends_at &lt; #{to}
				  AND s.volunteer_id IN <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
				GROUP BY s.volunteer_id
				</script>
				""")
		List<Revoked> revoked(@Param("ids") Collection<Long> ids, @Param("from") Instant from, @Param("to") Instant to);

	}

}
