package cn.wenming.practice.need;

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
 * Need figures of any period (a week or a month) for the 工作报告 (report), beside what
 * {@link NeedStatistics#byStation} answers: overdue needs and confirmed need-service hours per
 * volunteer. One statement each, whatever the subtree's size.
 */
@Component
public class NeedReportFigures {

	private final FiguresMapper mapper;

	NeedReportFigures(FiguresMapper mapper) {
		this.mapper = mapper;
	}

	/**
	 * Overdue needs per station among {@code unitIds}: those whose completion deadline (set at 派单)
	 * fell in [{@code from}, {@code to}) and that were not completed by it, except rejected or
	 * cancelled ones. Stations without any are absent.
	 */
	public Map<Long, Integer> overdueByStation(Collection<Long> unitIds, Instant from, Instant to) {
		Map<Long, Integer> counts = new HashMap<>();
		if (!unitIds.isEmpty()) {
			this.mapper.overdue(unitIds, from, to).forEach(row -> counts.put(row.stationId(), row.overdue()));
		}
		return counts;
	}

	/** Confirmed need-service hours per volunteer id in the rollup period ({@code WEEK 2026-W07}, {@code MONTH 2026-02}); only positive figures. */
	public Map<Long, BigDecimal> confirmedHoursByVolunteer(PeriodKeys.Period period, String value) {
		Map<Long, BigDecimal> hours = new HashMap<>();
		this.mapper.confirmedHours(period.name(), value).forEach(row -> hours.put(row.id(), row.value()));
		return hours;
	}

	record StationOverdue(long stationId, int overdue) {
	}

	@Mapper
	interface FiguresMapper {

		@Select("""
				<script>
				SELECT n.station_id, COUNT(*) AS overdue FROM need n
				WHERE n.station_id IN <foreach collection="unitIds" item="u" open="(" separator="," close=")">#{u}</foreach>
				  AND n.deadline_at &gt;= #{from} AND n.deadline_at &lt; #{to}
				  AND n.status NOT IN ('REJECTED', 'CANCELLED')
				  AND (n.completed_at IS NULL OR n.completed_at &gt; n.deadline_at)
				GROUP BY n.station_id
				</script>
				""")
		List<StationOverdue> overdue(@Param("unitIds") Collection<Long> unitIds, @Param("from") Instant from,
				@Param("to") Instant to);

		@Select("""
				SELECT volunteer_id AS id, SUM(hours) AS value FROM need_hours_rollup
				WHERE period = #{period} AND period_value = #{value} AND subject = 'U'
				GROUP BY volunteer_id HAVING SUM(hours) > 0
				""")
		List<NeedStandings.Figure> confirmedHours(@Param("period") String period, @Param("value") String value);

	}

}
