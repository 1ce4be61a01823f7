package cn.wenming.practice.volunteer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.springframework.stereotype.Component;

/** Grouped volunteer figures over a whole org subtree for reports (the assessment), one statement each. */
@Component
public class VolunteerStatistics {

	private final StatisticsMapper mapper;

	VolunteerStatistics(StatisticsMapper mapper) {
		this.mapper = mapper;
	}

	/**
	 * Per home station among {@code subtreeUnitIds} (a subtree the caller has already read from org),
	 * over the volunteers registered before {@code registeredBefore}: how many there are and how many
	 * of them are party members (党员); how many have service hours in the period — credit hours
	 * (in {@code creditHours}, volunteer id → positive hours of activities that ended in the period,
	 * which the activity feature answers) or honor hours (补录) with a service date in
	 * [{@code honorFrom}, {@code honorTo}) — and how many party members attended an activity (credit
	 * hours, not honor hours); and the hours of each kind. Stations without volunteers are absent.
	 * <p>
	 * One statement, a row per registered volunteer of the subtree, totalled here: the credit hours
	 * live in the activity feature's tables, so they meet the volunteers' home stations in memory.
	 */
	public List<HomeStation> byHomeStation(Collection<Long> subtreeUnitIds, Instant registeredBefore,
			LocalDate honorFrom, LocalDate honorTo, Map<Long, BigDecimal> creditHours) {
		if (subtreeUnitIds.isEmpty()) {
			return List.of();
		}
		Map<Long, Totals> stations = new LinkedHashMap<>();
		for (Registration volunteer : this.mapper.registeredWithHonorHours(subtreeUnitIds, registeredBefore,
				honorFrom, honorTo)) {
			Totals station = stations.computeIfAbsent(volunteer.homeStationId(), id -> new Totals());
			BigDecimal credit = creditHours.get(volunteer.volunteerId());
			boolean attended = credit != null && credit.signum() > 0;
			station.volunteers++;
			if (volunteer.partyMember()) {
				station.partyMembers++;
			}
			if (attended || volunteer.honorHours().signum() > 0) {
				station.withHours++;
			}
			if (attended) {
				station.creditHours = station.creditHours.add(credit);
				if (volunteer.partyMember()) {
					station.partyAttended++;
				}
			}
			station.honorHours = station.honorHours.add(volunteer.honorHours());
		}
		return stations.entrySet()
			.stream()
			.map(e -> new HomeStation(e.getKey(), e.getValue().volunteers, e.getValue().partyMembers,
					e.getValue().withHours, e.getValue().partyAttended, e.getValue().creditHours,
					e.getValue().honorHours))
			.toList();
	}

	/** The registered volunteers of one home station and their service in the period. */
	public record HomeStation(long homeStationId, int volunteers, int partyMembers, int volunteersWithHours,
			int partyMembersAttended, BigDecimal creditHours, BigDecimal honorHours) {
	}

	/** One registered volunteer and their positive honor hours in the period (zero when none). */
	record Registration(long volunteerId, long homeStationId, boolean partyMember, BigDecimal honorHours) {
	}

	private static final class Totals {

		int volunteers;

		int partyMembers;

		int withHours;

		int partyAttended;

		BigDecimal creditHours = BigDecimal.ZERO;

		BigDecimal honorHours = BigDecimal.ZERO;

	}

	@Mapper
	interface StatisticsMapper {

		@Select("""
				<script>
				SELECT v.id AS volunteer_id, v.home_station_id, v.party_member, COALESCE(h.hours, 0) AS honor_hours
				FROM volunteer v
				LEFT JOIN (
				    SELECT volunteer_id, SUM(hours) AS hours FROM volunteer_honor_hours
				    WHERE status = 'APPROVED' AND hours &gt; 0 AND service_date &gt;= #{honorFrom} AND service_date &lt; #{honorTo}
				    GROUP BY volunteer_id
				) h ON h.volunteer_id = v.id
				WHERE v.home_station_id IN <foreach collection="unitIds" item="u" open="(" separator="," close=")">#{u}</foreach>
				  AND v.created_at &lt; #{before}
				</script>
				""")
		List<Registration> registeredWithHonorHours(@Param("unitIds") Collection<Long> unitIds,
				@Param("before") Instant before, @Param("honorFrom") LocalDate honorFrom,
				@Param("honorTo") LocalDate honorTo);

	}

}
