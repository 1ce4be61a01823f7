package cn.wenming.practice.leaderboard;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The names a board shows, kept in this instance's memory for a short time ({@code names-ttl}): a
 * page of 100 rows would otherwise cost two MySQL statements (names, then name-display choices)
 * on every read, about nine tenths of a leaderboard read's own time (docs/performance.md). What is
 * kept is the name as shown (masked or not), per member kind; a volunteer's own change of choice
 * is forgotten here at once ({@link #forgetVolunteer}). A Caffeine cache, bounded to
 * {@link #MAX_ENTRIES} and expiring {@code names-ttl} after the write.
 */
final class DisplayNames {

	static final int MAX_ENTRIES = 100_000;

	private final boolean keeps;

	private final Cache<Key, String> kept;

	DisplayNames(long ttlNanos, LongSupplier nanoTime) {
		this.keeps = ttlNanos > 0;
		this.kept = Caffeine.newBuilder()
			.maximumSize(MAX_ENTRIES)
			.expireAfterWrite(Math.max(ttlNanos, 0), TimeUnit.NANOSECONDS)
			.ticker(nanoTime::getAsLong)
			.build();
	}

	/** Volunteer boards share their members' names; teams and stations have their own. */
	private record Key(boolean volunteer, LeaderboardKind kind, long id) {

		static Key of(LeaderboardKind kind, long id) {
			return kind.ranksVolunteers() ? new Key(true, null, id) : new Key(false, kind, id);
		}

	}

	/**
	 * The shown names of {@code ids}: kept ones from memory, the rest from {@code load} (one call for
	 * all of them), which are then kept. Members {@code load} does not know are not kept.
	 */
	Map<Long, String> get(LeaderboardKind kind, Collection<Long> ids, Function<Set<Long>, Map<Long, String>> load) {
		Map<Long, String> names = new HashMap<>();
		if (!this.keeps) {
			names.putAll(load.apply(new HashSet<>(ids)));
			return names;
		}
		Set<Key> keys = new HashSet<>();
		ids.forEach(id -> keys.add(Key.of(kind, id)));
		this.kept.getAll(keys, missing -> {
			Set<Long> missingIds = new HashSet<>();
			missing.forEach(key -> missingIds.add(key.id()));
			Map<Key, String> loaded = new HashMap<>();
			load.apply(missingIds).forEach((id, name) -> loaded.put(Key.of(kind, id), name));
			return loaded;
		}).forEach((key, name) -> names.put(key.id(), name));
		return names;
	}

	void clear() {
		this.kept.invalidateAll();
	}

	/** A volunteer changed what they show: this instance shows it from the next read. */
	void forgetVolunteer(long userId) {
		this.kept.invalidate(new Key(true, null, userId));
	}

}
