package cn.wenming.practice.need;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.springframework.stereotype.Component;

/**
 * Grouped need figures over a whole org subtree for reports (the assessment; the monthly 落实清单),
 * one statement whatever the size of the subtree.
 */
@Component
public class NeedStatistics {

	private final StatisticsMapper mapper;

	NeedStatistics(StatisticsMapper mapper) {
		this.mapper = mapper;
	}

	/**
	 * Per station among {@code subtreeUnitIds} (a subtree the caller has already read from org), for the period [{@code from}, {@code to}):
	 * <ul>
	 * <li>{@code received}: needs submitted in the period (every source and outcome);</li>
	 * <li>{@code fulfilled}: needs completed in the period (whenever submitted);</li>
	 * <li>{@code receivedOpenToFulfil} / {@code receivedFulfilled}: of the needs submitted in the period,
	 * those not rejected or cancelled, and of these the ones completed before the period ended
	 * (the fulfilment rate of the month's orders; stable once the month is over);</li>
	 * <li>{@code rated}, {@code satisfied}, {@code starsTotal}: needs rated in the period, those
	 * rated 4★ or 5★ (满意), and the sum of their stars.</li>
	 * </ul>
	 * Stations without any such need are absent.
	 */
	public List<NeedCounts> byStation(Collection<Long> subtreeUnitIds, Instant from, Instant to) {
		return byStation(subtreeUnitIds, from, from, to);
	}

	/**
	 * As {@link #byStation(Collection, Instant, Instant)} for [{@code from}, {@code to}), with the
	 * 受益群众 of the needs completed in that period and in [{@code yearFrom}, {@code to}) (the year
	 * so far) — in the same statement, so the assessment's statement count stays as it was. A need
	 * completed without a count (before V37) served its resident: 1. Stations with needs completed
	 * only earlier in the year are present with zero period figures.
	 */
	public List<NeedCounts> byStation(Collection<Long> subtreeUnitIds, Instant yearFrom, Instant from, Instant to) {
		return subtreeUnitIds.isEmpty() ? List.of() : this.mapper.byStation(subtreeUnitIds, yearFrom, from, to);
	}

	/** One station's need figures for a period; {@code beneficiaries*}: 受益群众 of the needs completed. */
	public record NeedCounts(long stationId, int received, int fulfilled, int receivedOpenToFulfil,
			int receivedFulfilled, int rated, int satisfied, int starsTotal, int beneficiaries,
			int beneficiariesYear) {
	}

	@Mapper
	interface StatisticsMapper {

		@Select("""
				<script>
				SELECT n.station_id,
				       SUM(CASE WHEN n.created_at >= #{from} AND n.created_at &lt; #{to} THEN 1 ELSE 0 END) AS received,
				       SUM(CASE WHEN n.completed_at >= #{from} AND n.completed_at &lt; #{to} THEN 1 ELSE 0 END) AS fulfilled,
				       SUM(CASE WHEN n.created_at >= #{from} AND n.created_at &lt; #{to}
				                 AND n.status NOT IN ('REJECTED', 'CANCELLED') THEN 1 ELSE 0 END) AS received_open_to_fulfil,
				       SUM(CASE WHEN n.created_at >= #{from} AND n.created_at &lt; #{to}
				                 AND n.completed_at IS NOT NULL AND n.completed_at &lt; #{to} THEN 1 ELSE 0 END) AS received_fulfilled,
				       SUM(CASE WHEN n.rated_at >= #{from} AND n.rated_at &lt; #{to} AND n.rating_stars IS NOT NULL
				                THEN 1 ELSE 0 END) AS rated,
				       SUM(CASE WHEN n.rated_at >= #{from} AND n.rated_at &lt; #{to} AND n.rating_stars >= 4
				                THEN 1 ELSE 0 END) AS satisfied,
				       COALESCE(SUM(CASE WHEN n.rated_at >= #{from} AND n.rated_at &lt; #{to} THEN n.rating_stars END), 0)
				         AS stars_total,
				       COALESCE(SUM(CASE WHEN n.completed_at >= #{from} AND n.completed_at &lt; #{to}
				                THEN COALESCE(n.beneficiaries, 1) END), 0) AS beneficiaries,
				       COALESCE(SUM(CASE WHEN n.completed_at >= #{yearFrom} AND n.completed_at &lt; #{to}
				                THEN COALESCE(n.beneficiaries, 1) END), 0) AS beneficiaries_year
				FROM need n
				WHERE n.station_id IN <foreach collection="unitIds" item="u" open="(" separator="," close=")">#{u}</foreach>
				  AND ((n.created_at >= #{from} AND n.created_at &lt; #{to})
				    OR (n.completed_at >= #{from} AND n.completed_at &lt; #{to})
				    OR (n.rated_at >= #{from} AND n.rated_at &lt; #{to})
				    OR (n.completed_at >= #{yearFrom} AND n.completed_at &lt; #{to}))
				GROUP BY n.station_id
				</script>
				""")
		List<NeedCounts> byStation(@Param("unitIds") Collection<Long> unitIds, @Param("yearFrom") Instant yearFrom,
				@Param("from") Instant from, @Param("to") Instant to);

	}

}
