package cn.wenming.practice.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The assessment's figures from 评估: each station's own spot checks (count and sum of totals) over a
 * date range, and the peer reviews it received in a month (count and sum of their averages). The
 * assessment rolls them up the tree; one statement each for any subtree.
 */
@Component
public class EvaluationStatistics {

	private final SpotCheckMapper spotChecks;

	private final PeerReviewMapper reviews;

	EvaluationStatistics(SpotCheckMapper spotChecks, PeerReviewMapper reviews) {
		this.spotChecks = spotChecks;
		this.reviews = reviews;
	}

	/** Spot checks of the units {@code unitIds} (stations; other ids find none) checked on a date in [from, to). */
	public List<StationSpotChecks> spotChecksByStation(Collection<Long> unitIds, LocalDate from, LocalDate to) {
		if (unitIds.isEmpty()) {
			return List.of();
		}
		return this.spotChecks.totals(unitIds, from, to)
			.stream()
			.map(row -> new StationSpotChecks(row.stationId(), row.checks(), row.totalSum()))
			.toList();
	}

	/** Peer reviews the units {@code unitIds} received for the month. */
	public List<StationPeerReviews> peerReviewsByStation(Collection<Long> unitIds, YearMonth month) {
		if (unitIds.isEmpty()) {
			return List.of();
		}
		return this.reviews.stationTotals(unitIds, month.toString())
			.stream()
			.map(row -> new StationPeerReviews(row.stationId(), row.reviews(), row.averageSum()))
			.toList();
	}

	public record StationSpotChecks(long stationId, long checks, BigDecimal totalSum) {
	}

	public record StationPeerReviews(long stationId, long reviews, BigDecimal averageSum) {
	}

}
