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

	/**
	 * 在职党员 per home station among {@code subtreeUnitIds}: volunteers registered before
	 * {@code registeredBefore} whose flag an admin confirmed, and how many of them served in the month
	 * — their user id is in {@code servedUserIds} (users with confirmed hours in the month, which the
	 * activity and need features answer). One statement, a row per flagged volunteer, counted here.
	 */
	public List<InServiceParty> inServicePartyByHomeStation(Collection<Long> subtreeUnitIds, Instant registeredBefore,
			java.util.Set<Long> servedUserIds) {
		if (subtreeUnitIds.isEmpty()) {
			return List.of();
		}
		Map<Long, int[]> stations = new LinkedHashMap<>();
		for (FlaggedVolunteer row : this.mapper.inServiceParty(subtreeUnitIds, registeredBefore)) {
			int[] counts = stations.computeIfAbsent(row.homeStationId(), id -> new int[2]);
			counts[0]++;
			if (servedUserIds.contains(row.userId())) {
				counts[1]++;
			}
		}
		return stations.entrySet()
			.stream()
			.map(e -> new InServiceParty(e.getKey(), e.getValue()[0], e.getValue()[1]))
			.toList();
	}

	/** 在职党员 of one home station: flagged, and served in the month. */
	public record InServiceParty(long homeStationId, int members, int served) {
	}

	record FlaggedVolunteer(long homeStationId, long userId) {
	}

	/**
	 * Staff-training sessions (中心培训) held on days in [{@code from}, {@code to}) by units among
	 * {@code unitIds}, per unit; units without any are absent. One grouped statement.
	 */
	public Map<Long, Integer> staffTrainingSessionsByUnit(Collection<Long> unitIds, LocalDate from, LocalDate to) {
		Map<Long, Integer> sessions = new java.util.HashMap<>();
		if (!unitIds.isEmpty()) {
			this.mapper.staffTrainingSessions(unitIds, from, to).forEach(row -> sessions.put(row.unitId(), row.sessions()));
		}
		return sessions;
	}

	/**
	 * Of {@code userIds}, how many sessions each attended on days in [{@code from}, {@code to}),
	 * whichever unit held them (a station's staff attend the center's training); those who attended
	 * none are absent. One statement.
	 */
	public Map<Long, Integer> staffTrainingAttendance(Collection<Long> userIds, LocalDate from, LocalDate to) {
		Map<Long, Integer> attended = new java.util.HashMap<>();
		if (!userIds.isEmpty()) {
			this.mapper.staffTrainingAttendance(userIds, from, to).forEach(row -> attended.put(row.unitId(), row.sessions()));
		}
		return attended;
	}

	/** A count per id (a unit's sessions, or a user's attended sessions). */
	record Count(long unitId, int sessions) {
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

		@Select("""
				<script>
				SELECT v.home_station_id, v.user_id FROM volunteer v
				WHERE v.home_station_id IN <foreach collection="unitIds" item="u" open="(" separator="," close=")">#{u}</foreach>
				  AND v.in_service_party_member = 1 AND v.created_at &lt; #{before}
				</script>
				""")
		List<FlaggedVolunteer> inServiceParty(@Param("unitIds") Collection<Long> unitIds,
				@Param("before") Instant before);

		@Select("""
				<script>
				SELECT t.org_unit_id AS unit_id, COUNT(*) AS sessions FROM staff_training t
				WHERE t.org_unit_id IN <foreach collection="unitIds" item="u" open="(" separator="," close=")">#{u}</foreach>
				  AND t.held_on &gt;= #{from} AND t.held_on &lt; #{to} AND t.withdrawn_at IS NULL
				GROUP BY t.org_unit_id
				</script>
				""")
		List<Count> staffTrainingSessions(@Param("unitIds") Collection<Long> unitIds, @Param("from") LocalDate from,
				@Param("to") LocalDate to);

		@Select("""
				<script>
				SELECT a.user_id AS unit_id, COUNT(*) AS sessions
				FROM staff_training_attendee a JOIN staff_training t ON t.id = a.training_id
				WHERE a.user_id IN <foreach collection="userIds" item="u" open="(" separator="," close=")">#{u}</foreach>
				  AND t.held_on &gt;= #{from} AND t.held_on &lt; #{to} AND t.withdrawn_at IS NULL
				GROUP BY a.user_id
				</script>
				""")
		List<Count> staffTrainingAttendance(@Param("userIds") Collection<Long> userIds, @Param("from") LocalDate from,
				@Param("to") LocalDate to);

	}

}
