package cn.wenming.practice.shared;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.geo.Distance;
import org.springframework.data.geo.GeoResult;
import org.springframework.data.geo.GeoResults;
import org.springframework.data.geo.Point;
import org.springframework.data.redis.connection.RedisGeoCommands;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.domain.geo.GeoReference;

/**
 * Places (stations, activities …) in a Redis GEO set, searched nearest first. MySQL is the truth;
 * the set is a cache that is
 * <ul>
 * <li>rebuilt when missing, into a temporary key that is then renamed, so a reader never sees a
 * half-built set; one rebuild at a time (a lock key), other readers answer from MySQL meanwhile;</li>
 * <li>patched after each committed change of a place ({@link #refresh}, called by {@link GeoIndexUpdates}
 * for a feature's {@link PlaceChanged} event), but only while it exists (a
 * patch must not create a one-member set that would pass for the whole index); a change that lands
 * during a rebuild marks the rebuild dirty, and a dirty rebuild is thrown away rather than published
 * stale;</li>
 * <li>bypassed when Redis is unreachable: the same answer is computed from MySQL.</li>
 * </ul>
 * All keys of one index share a hash tag, so the Lua scripts stay valid on a Redis Cluster.
 * Callers re-check hits against MySQL, so a missed patch can misplace a hit but never show a place
 * that no longer belongs.
 */
public final class GeoIndex {

	private static final Logger log = LoggerFactory.getLogger(GeoIndex.class);

	/** Redis' own earth radius, so that the MySQL fallback and geofences agree with GEOSEARCH. */
	public static final double EARTH_RADIUS_METERS = 6372797.560856;

	private static final Duration LOCK_TTL = Duration.ofSeconds(30);

	/** KEYS: index, lock, dirty. ARGV: op (add|rem), member, lon, lat. */
	private static final DefaultRedisScript<Long> PATCH = new DefaultRedisScript<>("""
			if redis.call('EXISTS', KEYS[2]) == 1 then redis.call('SET', KEYS[3], '1', 'PX', 60000) end
			if redis.call('EXISTS', KEYS[1]) == 1 then
			  if ARGV[1] == 'add' then redis.call('GEOADD', KEYS[1], ARGV[3], ARGV[4], ARGV[2])
			  else redis.call('ZREM', KEYS[1], ARGV[2]) end
			end
			return 1
			""", Long.class);

	/** KEYS: temp, index, dirty. Publishes the rebuilt set unless a change raced with the rebuild. */
	private static final DefaultRedisScript<Long> PUBLISH = new DefaultRedisScript<>("""
			if redis.call('DEL', KEYS[3]) == 1 then redis.call('DEL', KEYS[1]) return 0 end
			redis.call('RENAME', KEYS[1], KEYS[2])
			return 1
			""", Long.class);

	/** KEYS: lock. ARGV: token. Releases the lock only if it is still ours. */
	private static final DefaultRedisScript<Long> UNLOCK = new DefaultRedisScript<>("""
			if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
			return 0
			""", Long.class);

	/** A place that belongs in the index. */
	public record Place(long id, double latitude, double longitude) {
	}

	/** One search hit: a place id and its distance in meters. */
	public record Hit(long id, double distanceMeters) {
	}

	/**
	 * An event saying that one place of the index at {@link #geoIndexKey()} may have changed. A
	 * feature's event implements it and {@link GeoIndexUpdates} patches that index once the change
	 * has committed, through the event publication registry (retried until it succeeds).
	 */
	public interface PlaceChanged {

		/** The Redis key of the index, as given to {@link GeoIndex#GeoIndex}. */
		String geoIndexKey();

		long placeId();

	}

	/** A bean that holds a feature's index, so that {@link GeoIndexUpdates} can find it by key. */
	public interface Holder {

		GeoIndex geoIndex();

	}

	/** Where the truth lives: the feature's MySQL queries. */
	public interface Source {

		/** Every place that belongs in the index now. */
		List<Place> all();

		/** The place if it belongs in the index now, else empty. */
		Optional<Place> find(long id);

		/** Places that belong in the index inside a latitude/longitude box. */
		List<Place> within(double minLatitude, double maxLatitude, double minLongitude, double maxLongitude);

	}

	private final String key;

	private final String lockKey;

	private final String dirtyKey;

	private final String tempPrefix;

	private final String name;

	private final StringRedisTemplate redis;

	private final Source source;

	/**
	 * @param key the Redis key of the set; it should contain a hash tag such as {@code org:{stations-geo}}
	 * @param name what the places are, for log lines
	 */
	public GeoIndex(String key, String name, StringRedisTemplate redis, Source source) {
		this.key = key;
		this.lockKey = lockKeyOf(key);
		this.dirtyKey = dirtyKeyOf(key);
		this.tempPrefix = key + ":tmp:";
		this.name = name;
		this.redis = redis;
		this.source = source;
	}

	/** The Redis key of the set. */
	public String key() {
		return this.key;
	}

	/** The key of the lock held while the index at {@code key} is rebuilt. */
	public static String lockKeyOf(String key) {
		return key + ":rebuilding";
	}

	/** The key that marks a running rebuild of the index at {@code key} as stale. */
	public static String dirtyKeyOf(String key) {
		return key + ":dirty";
	}

	/** Nearest first, within {@code radiusMeters}, at most {@code limit}. */
	public List<Hit> search(double latitude, double longitude, int radiusMeters, int limit) {
		try {
			if (!Boolean.TRUE.equals(this.redis.hasKey(this.key)) && !rebuild()) {
				return fromDatabase(latitude, longitude, radiusMeters, limit);
			}
			GeoResults<RedisGeoCommands.GeoLocation<String>> results = this.redis.opsForGeo()
				.search(this.key, GeoReference.fromCoordinate(new Point(longitude, latitude)),
						new Distance(radiusMeters, RedisGeoCommands.DistanceUnit.METERS),
						RedisGeoCommands.GeoSearchCommandArgs.newGeoSearchArgs()
							.includeDistance()
							.sortAscending()
							.limit(limit));
			List<Hit> hits = new ArrayList<>();
			if (results != null) {
				for (GeoResult<RedisGeoCommands.GeoLocation<String>> result : results) {
					hits.add(new Hit(Long.parseLong(result.getContent().getName()),
							result.getDistance().in(RedisGeoCommands.DistanceUnit.METERS).getValue()));
				}
			}
			return hits;
		}
		catch (RuntimeException ex) {
			log.warn("{} index unavailable, answering from MySQL: {}", this.name, ex.getClass().getSimpleName());
			OpsMetrics.redisFallback("geo");
			return fromDatabase(latitude, longitude, radiusMeters, limit);
		}
	}

	/**
	 * Builds the whole set from MySQL under a lock. Returns whether the index exists afterwards;
	 * {@code false} if someone else is rebuilding, a change raced with us, or there is nothing to index.
	 */
	public boolean rebuild() {
		String token = UUID.randomUUID().toString();
		if (!Boolean.TRUE.equals(this.redis.opsForValue().setIfAbsent(this.lockKey, token, LOCK_TTL))) {
			return false;
		}
		String temp = this.tempPrefix + token;
		try {
			// Changes from before this point are in what we read next.
			this.redis.delete(this.dirtyKey);
			List<Place> places = this.source.all();
			if (places.isEmpty()) {
				return false;
			}
			Map<String, Point> members = new LinkedHashMap<>();
			for (Place place : places) {
				members.put(Long.toString(place.id()), new Point(place.longitude(), place.latitude()));
				if (members.size() == 1000) {
					this.redis.opsForGeo().add(temp, members);
					members.clear();
				}
			}
			if (!members.isEmpty()) {
				this.redis.opsForGeo().add(temp, members);
			}
			Long published = this.redis.execute(PUBLISH, List.of(temp, this.key, this.dirtyKey));
			boolean done = published != null && published == 1;
			log.info("{} index rebuilt with {} entries{}", this.name, places.size(),
					done ? "" : " (discarded: changed meanwhile)");
			return done;
		}
		finally {
			try {
				this.redis.delete(temp);
			}
			finally {
				this.redis.execute(UNLOCK, List.of(this.lockKey), token);
			}
		}
	}

	/**
	 * Brings one place's entry in line with MySQL. Called after the change that touched the place
	 * has committed ({@link GeoIndexUpdates}); a failure (Redis unreachable) is thrown, so that the
	 * event publication stays incomplete and the patch is retried. Patching twice is harmless.
	 */
	public void refresh(long id) {
		Optional<Place> place = this.source.find(id);
		if (place.isPresent()) {
			this.redis.execute(PATCH, List.of(this.key, this.lockKey, this.dirtyKey), "add", Long.toString(id),
					Double.toString(place.get().longitude()), Double.toString(place.get().latitude()));
		}
		else {
			this.redis.execute(PATCH, List.of(this.key, this.lockKey, this.dirtyKey), "rem", Long.toString(id), "0",
					"0");
		}
	}

	/** The same search against MySQL: a bounding box, then great-circle distance in Java. */
	public List<Hit> fromDatabase(double latitude, double longitude, int radiusMeters, int limit) {
		double latDelta = Math.toDegrees(radiusMeters / EARTH_RADIUS_METERS);
		double cos = Math.cos(Math.toRadians(latitude));
		double lonDelta = (cos < 1e-6) ? 180 : Math.toDegrees(radiusMeters / (EARTH_RADIUS_METERS * cos));
		double minLon = longitude - lonDelta;
		double maxLon = longitude + lonDelta;
		if (minLon < -180 || maxLon > 180) {
			// The box wraps around the antimeridian: take every longitude and let the distance decide.
			minLon = -180;
			maxLon = 180;
		}
		return this.source.within(latitude - latDelta, latitude + latDelta, minLon, maxLon)
			.stream()
			.map(place -> new Hit(place.id(), haversine(latitude, longitude, place.latitude(), place.longitude())))
			.filter(hit -> hit.distanceMeters() <= radiusMeters)
			.sorted(Comparator.comparingDouble(Hit::distanceMeters))
			.limit(limit)
			.toList();
	}

	/** Great-circle distance in meters, on Redis' sphere. */
	public static double haversine(double lat1, double lon1, double lat2, double lon2) {
		double dLat = Math.toRadians(lat2 - lat1);
		double dLon = Math.toRadians(lon2 - lon1);
		double a = Math.pow(Math.sin(dLat / 2), 2)
				+ Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
		return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(a)));
	}

}
