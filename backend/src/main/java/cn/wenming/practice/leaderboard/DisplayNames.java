package cn.wenming.practice.leaderboard;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The names a board shows, kept in this instance's memory for a short time ({@code names-ttl}): a
 * page of 100 rows would otherwise cost two MySQL statements (names, then name-display choices)
 * on every read, about nine tenths of a leaderboard read's own time (docs/performance.md). What is
 * kept is the name as shown (masked or not), per member kind; a volunteer's own change of choice
 * is forgotten here at once ({@link #forgetVolunteer}). Bounded: past {@link #MAX_ENTRIES} it starts over.
 */
final class DisplayNames {

	static final int MAX_ENTRIES = 100_000;

	private final long ttlNanos;

	private final LongSupplier nanoTime;

	private final Map<Key, Kept> kept = new ConcurrentHashMap<>();

	DisplayNames(long ttlNanos, LongSupplier nanoTime) {
		this.ttlNanos = ttlNanos;
		this.nanoTime = nanoTime;
	}

	/** Volunteer boards share their members' names; teams and stations have their own. */
	private record Key(boolean volunteer, LeaderboardKind kind, long id) {

		static Key of(LeaderboardKind kind, long id) {
			return kind.ranksVolunteers() ? new Key(true, null, id) : new Key(false, kind, id);
		}

	}

	private record Kept(String name, long until) {
	}

	/**
	 * The shown names of {@code ids}: kept ones from memory, the rest from {@code load} (one call for
	 * all of them), which are then kept. Members {@code load} does not know are not kept.
	 */
	Map<Long, String> get(LeaderboardKind kind, Collection<Long> ids, Function<Set<Long>, Map<Long, String>> load) {
		Map<Long, String> names = new HashMap<>();
		if (this.ttlNanos <= 0) {
			names.putAll(load.apply(new HashSet<>(ids)));
			return names;
		}
		long now = this.nanoTime.getAsLong();
		Set<Long> missing = new HashSet<>();
		for (long id : ids) {
			Kept k = this.kept.get(Key.of(kind, id));
			if (k != null && now - k.until() < 0) {
				names.put(id, k.name());
			}
			else {
				missing.add(id);
			}
		}
		if (!missing.isEmpty()) {
			Map<Long, String> loaded = load.apply(missing);
			if (this.kept.size() + loaded.size() > MAX_ENTRIES) {
				this.kept.clear();
			}
			long until = now + this.ttlNanos;
			loaded.forEach((id, name) -> this.kept.put(Key.of(kind, id), new Kept(name, until)));
			names.putAll(loaded);
		}
		return names;
	}

	void clear() {
		this.kept.clear();
	}

	/** A volunteer changed what they show: this instance shows it from the next read. */
	void forgetVolunteer(long userId) {
		this.kept.remove(new Key(true, null, userId));
	}

}
