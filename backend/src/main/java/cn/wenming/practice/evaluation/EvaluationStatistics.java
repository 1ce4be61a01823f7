package cn.wenming.practice.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The assessment's figures from 评估: each station's own spot checks (count and sum of totals) over a
 * date range and the peer reviews it received in a month (count and sum of their averages), in one
 * statement for any subtree. The assessment rolls them up the tree.
 */
@Component
public class EvaluationStatistics {

	private final SpotCheckMapper spotChecks;

	EvaluationStatistics(SpotCheckMapper spotChecks) {
		this.spotChecks = spotChecks;
	}

	/**
	 * Per unit among {@code unitIds} (stations; other ids find nothing): the spot checks checked on a
	 * date in [from, to) and the peer reviews received for {@code month}. Units with neither are absent.
	 */
	public List<StationEvaluations> byStation(Collection<Long> unitIds, LocalDate from, LocalDate to, YearMonth month) {
		if (unitIds.isEmpty()) {
			return List.of();
		}
		Map<Long, StationEvaluations> out = new LinkedHashMap<>();
		for (SpotCheckMapper.Figure row : this.spotChecks.figures(unitIds, from, to, month.toString())) {
			StationEvaluations before = out.getOrDefault(row.stationId(),
					new StationEvaluations(row.stationId(), 0, BigDecimal.ZERO, 0, BigDecimal.ZERO));
			out.put(row.stationId(), "SPOT".equals(row.kind())
					? new StationEvaluations(row.stationId(), row.rows(), row.total(), before.peerReviews(), before.peerReviewTotal())
					: new StationEvaluations(row.stationId(), before.spotChecks(), before.spotCheckTotal(), row.rows(), row.total()));
		}
		return List.copyOf(out.values());
	}

	/** A station's spot checks (count, sum of totals) and peer reviews received (count, sum of averages). */
	public record StationEvaluations(long stationId, long spotChecks, BigDecimal spotCheckTotal, long peerReviews,
			BigDecimal peerReviewTotal) {
	}

}
