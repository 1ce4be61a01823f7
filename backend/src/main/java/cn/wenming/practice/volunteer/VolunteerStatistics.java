package cn.wenming.practice.volunteer;

import java.time.Instant;
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
	 * Volunteers registered before {@code registeredBefore} per home station at or below
	 * {@code pathPrefix}, and how many of them are party members (党员). Stations without any are absent.
	 */
	public List<Registered> registeredByHomeStation(String pathPrefix, Instant registeredBefore) {
		return this.mapper.registeredByHomeStation(pathPrefix, registeredBefore);
	}

	/** Registered volunteers of one home station. */
	public record Registered(long homeStationId, int volunteers, int partyMembers) {
	}

	@Mapper
	interface StatisticsMapper {

		@Select("""
				SELECT v.home_station_id, COUNT(*) AS volunteers,
				       SUM(CASE WHEN v.party_member = 1 THEN 1 ELSE 0 END) AS party_members
				FROM volunteer v JOIN org_unit o ON o.id = v.home_station_id
				WHERE o.path LIKE CONCAT(#{prefix}, '%') AND v.created_at < #{before}
				GROUP BY v.home_station_id
				""")
		List<Registered> registeredByHomeStation(@Param("prefix") String prefix, @Param("before") Instant before);

	}

}
