package cn.wenming.practice.leaderboard;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The ranking rule, in one place: higher score first; equal scores share a rank and the next rank
 * skips ("1224", standard competition ranking, SQL's {@code RANK() OVER (ORDER BY score DESC)});
 * members with equal scores are listed by ascending id. Redis sorts ties by member string, so the
 * order among ties is always fixed here, never taken from Redis.
 */
final class Ranked {

	private Ranked() {
	}

	/** A member and its score. */
	record Scored(long id, double score) {
	}

	/** A ranked member. */
	record Entry(int rank, long id, double score) {
	}

	static final Comparator<Scored> ORDER = Comparator.comparingDouble(Scored::score).reversed()
		.thenComparingLong(Scored::id);

	/**
	 * Ranks {@code scored} and keeps the first {@code first}. The input must contain every member
	 * scoring higher than any it contains (a top slice), so ranks are counts within it.
	 */
	static List<Entry> rank(Collection<Scored> scored, int first) {
		List<Scored> sorted = new ArrayList<>(scored);
		sorted.sort(ORDER);
		List<Entry> ranked = new ArrayList<>();
		for (int i = 0; i < sorted.size() && i < first; i++) {
			Scored s = sorted.get(i);
			int rank = (i > 0 && sorted.get(i - 1).score() == s.score()) ? ranked.get(i - 1).rank() : i + 1;
			ranked.add(new Entry(rank, s.id(), s.score()));
		}
		return ranked;
	}

	/** A member's rank among all scores, or null when it has none. */
	static Entry rankOf(Collection<Scored> all, long id) {
		Scored own = all.stream().filter(s -> s.id() == id).findFirst().orElse(null);
		if (own == null) {
			return null;
		}
		long higher = all.stream().filter(s -> s.score() > own.score()).count();
		return new Entry(1 + (int) higher, id, own.score());
	}

}
