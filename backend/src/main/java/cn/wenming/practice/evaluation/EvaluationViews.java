package cn.wenming.practice.evaluation;

import java.time.Instant;
import java.util.List;

/** The read views of 站互评 and 抽查评估 (records the controller returns). */
final class EvaluationViews {

	private EvaluationViews() {
	}

	record PeerReviewView(long id, String period, long reviewerStationId, String reviewerStationName,
			long reviewedStationId, String reviewedStationName, double average, String comment, List<ScoreView> scores,
			Instant createdAt, boolean withdrawn) {
	}

	record ScoreView(long itemId, String itemName, int score) {
	}

	/** A station's peer-review averages for a period: overall (mean of the reviews' averages) and per item. */
	record PeerReviewSummary(long stationId, String stationName, String period, int reviews, double average,
			List<ItemAverage> items) {
	}

	record ItemAverage(long itemId, String itemName, double average) {
	}

	record SpotCheckView(long id, long stationId, String stationName, String checkedOn, double total, double maxTotal,
			String findings, List<SpotCheckItemView> items, Instant createdAt, boolean withdrawn) {
	}

	record SpotCheckItemView(String name, double score, double maxScore) {
	}

	/** What a spot check stated before or after a correction (GraphQL {@code SpotCheckSnapshot}). */
	record SpotCheckState(String checkedOn, double total, String findings, List<SpotCheckItemView> items) {
	}

	/** What a peer review stated before or after a correction (GraphQL {@code PeerReviewSnapshot}). */
	record PeerReviewState(double average, String comment, List<ScoreView> scores) {
	}

	/**
	 * One entry of a correction trail (GraphQL {@code SpotCheckCorrection} / {@code PeerReviewCorrection}):
	 * {@code after} is null when the record was withdrawn.
	 */
	record CorrectionView<S>(long id, String action, String reason, S before, S after, long correctedBy,
			String correctedByName, Instant correctedAt) {
	}

}
