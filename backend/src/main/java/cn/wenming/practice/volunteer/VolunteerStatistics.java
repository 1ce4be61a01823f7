package cn.wenming.practice.volunteer;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

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
	 * Volunteers registered before {@code registeredBefore} per home station among
	 * {@code subtreeUnitIds} (a subtree the caller has already read from org), and how many of them
	 * are party members (党员). Stations without any are absent.
	 */
	public List<Registered> registeredByHomeStation(Collection<Long> subtreeUnitIds, Instant registeredBefore) {
		return subtreeUnitIds.isEmpty() ? List.of()
				: this.mapper.registeredByHomeStation(subtreeUnitIds, registeredBefore);
	}

	/** Registered volunteers of one home station. */
	public record Registered(long homeStationId, int volunteers, int partyMembers) {
	}

	@Mapper
	interface StatisticsMapper {

		@Select("""
				<script>
				SELECT v.home_station_id, COUNT(*) AS volunteers,
				       SUM(CASE WHEN v.party_member = 1 THEN 1 ELSE 0 END) AS party_members
				FROM volunteer v
				WHERE v.home_station_id IN <foreach collection="unitIds" item="u" open="(" separator="," close=")">#{u}</foreach>
				  AND v.created_at &lt; #{before}
				GROUP BY v.home_station_id
				</script>
				""")
		List<Registered> registeredByHomeStation(@Param("unitIds") Collection<Long> unitIds,
				@Param("before") Instant before);

	}

}
