package cn.wenming.practice.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rows of a rollup per subject (a volunteer, a project, a team) as "PERIOD|label" → hours, and
 * which subjects' rows differ between what the rollup holds and what its source rows add up to.
 * Rows of zero hours count as absent on both sides (a revocation leaves a zero row behind; a sum
 * has no row for it), and hours are compared to the cent.
 */
public final class RollupDrift {

	/** Rows of one rollup (or of its source sums) by subject id. */
	public static final class Rows {

		private final Map<Long, Map<String, BigDecimal>> bySubject = new HashMap<>();

		/** Adds one row; zero hours are ignored. */
		public void put(long subjectId, String period, String periodValue, BigDecimal hours) {
			if (hours == null || hours.signum() == 0) {
				return;
			}
			this.bySubject.computeIfAbsent(subjectId, id -> new HashMap<>())
				.merge(period + "|" + periodValue, hours.setScale(2, RoundingMode.HALF_UP), BigDecimal::add);
		}

		/** The subject's rows ("PERIOD|label" → hours), empty when it has none. */
		public Map<String, BigDecimal> of(long subjectId) {
			return this.bySubject.getOrDefault(subjectId, Map.of());
		}

		/** The subject's all-time hours (its {@code ALL|all} row), zero when absent. */
		public BigDecimal allTime(long subjectId) {
			return of(subjectId).getOrDefault("ALL|all", BigDecimal.ZERO.setScale(2));
		}

		Set<Long> subjects() {
			return this.bySubject.keySet();
		}

	}

	private RollupDrift() {
	}

	/** The subjects whose rows differ between {@code held} (the rollup) and {@code expected} (the sums), ascending. */
	public static Set<Long> drifted(Rows held, Rows expected) {
		Set<Long> subjects = new TreeSet<>(held.subjects());
		subjects.addAll(expected.subjects());
		subjects.removeIf(id -> held.of(id).equals(expected.of(id)));
		return subjects;
	}

	/** How many of the subject's period rows differ (present on one side only, or other hours). */
	public static int differing(Rows held, Rows expected, long subjectId) {
		Map<String, BigDecimal> a = held.of(subjectId);
		Map<String, BigDecimal> b = expected.of(subjectId);
		Set<String> keys = new TreeSet<>(a.keySet());
		keys.addAll(b.keySet());
		int differing = 0;
		for (String key : keys) {
			if (!java.util.Objects.equals(a.get(key), b.get(key))) {
				differing++;
			}
		}
		return differing;
	}

}
