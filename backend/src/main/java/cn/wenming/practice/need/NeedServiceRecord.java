package cn.wenming.practice.need;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.wenming.practice.volunteer.ConfirmedNeedService;
import cn.wenming.practice.volunteer.VolunteerServiceRecord;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.springframework.stereotype.Component;

/**
 * Volunteers' need-service totals for {@code Volunteer.stats}: confirmed hours (not revoked) count
 * like confirmed activity hours, in the year the need was completed; claims still waiting for an
 * impartial admin are pending hours. One grouped query for any number of volunteers. Also lists one
 * volunteer's confirmed needs for the service certificate ({@link ConfirmedNeedService}).
 */
@Component
class NeedServiceRecord implements VolunteerServiceRecord, ConfirmedNeedService {

	private final TotalsMapper mapper;

	NeedServiceRecord(TotalsMapper mapper) {
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
					row -> new Totals(0, row.needs(), row.hoursInPeriod(), row.pendingHours())));
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

	/** One volunteer's revoked need hours. */
	record Revoked(long volunteerId, int revoked) {
	}

	@Override
	public List<Line> confirmedBetween(long volunteerId, Instant from, Instant to) {
		return this.mapper.lines(volunteerId, from, to);
	}

	/** One volunteer's grouped totals. */
	record Row(long volunteerId, int needs, BigDecimal hoursInPeriod, BigDecimal pendingHours) {
	}

	@Mapper
	interface TotalsMapper {

		@Select("""
				<script>
				SELECT p.volunteer_id,
				       COALESCE(SUM(CASE WHEN p.hours_status = 'CONFIRMED' THEN 1 ELSE 0 END), 0) AS needs,
				       COALESCE(SUM(CASE WHEN p.hours_status = 'CONFIRMED'
				                          AND n.completed_at &gt;= #{from} AND n.completed_at &lt; #{to}
				                         THEN p.hours ELSE 0 END), 0) AS hours_in_period,
				       COALESCE(SUM(CASE WHEN p.hours_status = 'PENDING' THEN p.hours ELSE 0 END), 0) AS pending_hours
				FROM need_participant p JOIN need n ON n.id = p.need_id
				WHERE p.volunteer_id IN <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
				GROUP BY p.volunteer_id
				</script>
				""")
		List<Row> totals(@Param("ids") Collection<Long> ids, @Param("from") Instant from, @Param("to") Instant to);

		@Select("""
				<script>
				SELECT p.volunteer_id, COUNT(*) AS revoked
				FROM need_participant p JOIN need n ON n.id = p.need_id
				WHERE p.hours_status = 'REVOKED' AND n.completed_at &gt;= #{from} AND n.completed_at &lt; #{to}
				  AND p.volunteer_id IN <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
				GROUP BY p.volunteer_id
				</script>
				""")
		List<Revoked> revoked(@Param("ids") Collection<Long> ids, @Param("from") Instant from, @Param("to") Instant to);

		@Select("""
				SELECT p.need_id, c.name AS category, n.completed_at, p.hours
				FROM need_participant p JOIN need n ON n.id = p.need_id JOIN need_category c ON c.id = n.category_id
				WHERE p.volunteer_id = #{volunteerId} AND p.hours_status = 'CONFIRMED'
				  AND n.completed_at >= #{from} AND n.completed_at < #{to}
				ORDER BY n.completed_at, p.need_id
				""")
		List<Line> lines(@Param("volunteerId") long volunteerId, @Param("from") Instant from, @Param("to") Instant to);

	}

}
