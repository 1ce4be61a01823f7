package cn.wenming.practice.activity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Published and ongoing activities in a Redis GEO set, searched nearest first. The same pattern
 * as the org feature's station index: MySQL is the truth and the set is a cache that is rebuilt
 * when missing (into a temporary key, then renamed, one rebuild at a time, thrown away if a change
 * raced with it), patched after each committed state change only while it exists, and bypassed
 * (the answer computed from MySQL) when Redis is unreachable. Readers re-check every hit against
 * MySQL, so a missed patch can cost a stale hit's place in the list but never shows a cancelled
 * or finished activity.
 */
@Component
class NearbyActivityIndex {

	private static final Logger log = LoggerFactory.getLogger(NearbyActivityIndex.class);

	static final String KEY = "activity:{geo}";

	static final String LOCK_KEY = "activity:{geo}:rebuilding";

	static final String DIRTY_KEY = "activity:{geo}:dirty";

	private static final String TEMP_PREFIX = "activity:{geo}:tmp:";

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

	private final StringRedisTemplate redis;

	private final ActivityMapper activities;

	NearbyActivityIndex(StringRedisTemplate redis, ActivityMapper activities) {
		this.redis = redis;
		this.activities = activities;
	}

	/** One hit: an activity id and its distance in meters. */
	record Hit(long activityId, double distanceMeters) {
	}

	/** Nearest first, within {@code radiusMeters}, at most {@code limit}. */
	List<Hit> search(double latitude, double longitude, int radiusMeters, int limit) {
		try {
			if (!Boolean.TRUE.equals(this.redis.hasKey(KEY)) && !rebuild()) {
				return fromDatabase(latitude, longitude, radiusMeters, limit);
			}
			GeoResults<RedisGeoCommands.GeoLocation<String>> results = this.redis.opsForGeo()
				.search(KEY, GeoReference.fromCoordinate(new Point(longitude, latitude)),
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
			log.warn("Activity index unavailable, answering from MySQL: {}", ex.getClass().getSimpleName());
			return fromDatabase(latitude, longitude, radiusMeters, limit);
		}
	}

	/**
	 * Builds the whole set from MySQL under a lock. Returns whether the index exists afterwards;
	 * {@code false} if someone else is rebuilding, a change raced with us, or nothing is discoverable.
	 */
	boolean rebuild() {
		String token = UUID.randomUUID().toString();
		if (!Boolean.TRUE.equals(this.redis.opsForValue().setIfAbsent(LOCK_KEY, token, LOCK_TTL))) {
			return false;
		}
		String temp = TEMP_PREFIX + token;
		try {
			// Changes from before this point are in what we read next.
			this.redis.delete(DIRTY_KEY);
			List<Activity> rows = this.activities.discoverable();
			if (rows.isEmpty()) {
				return false;
			}
			Map<String, Point> members = new LinkedHashMap<>();
			for (Activity activity : rows) {
				members.put(Long.toString(activity.getId()),
						new Point(activity.getLongitude().doubleValue(), activity.getLatitude().doubleValue()));
				if (members.size() == 1000) {
					this.redis.opsForGeo().add(temp, members);
					members.clear();
				}
			}
			if (!members.isEmpty()) {
				this.redis.opsForGeo().add(temp, members);
			}
			Long published = this.redis.execute(PUBLISH, List.of(temp, KEY, DIRTY_KEY));
			log.info("Activity index rebuilt with {} activities{}", rows.size(),
					(published != null && published == 1) ? "" : " (discarded: changed meanwhile)");
			return published != null && published == 1;
		}
		finally {
			try {
				this.redis.delete(temp);
			}
			finally {
				this.redis.execute(UNLOCK, List.of(LOCK_KEY), token);
			}
		}
	}

	/** Brings one activity's entry in line with MySQL once the change that touched it has committed. */
	@TransactionalEventListener(fallbackExecution = true)
	void on(ActivityChanged event) {
		try {
			Activity activity = this.activities.selectById(event.activityId());
			if (activity != null && activity.getStatus().discoverable()) {
				this.redis.execute(PATCH, List.of(KEY, LOCK_KEY, DIRTY_KEY), "add", Long.toString(activity.getId()),
						activity.getLongitude().toPlainString(), activity.getLatitude().toPlainString());
			}
			else {
				this.redis.execute(PATCH, List.of(KEY, LOCK_KEY, DIRTY_KEY), "rem", Long.toString(event.activityId()),
						"0", "0");
			}
		}
		catch (RuntimeException ex) {
			// The change is committed and must stay so; readers re-check hits against MySQL.
			log.warn("Could not update the activity index for {}: {}", event.activityId(),
					ex.getClass().getSimpleName());
		}
	}

	/** The same search against MySQL: a bounding box, then great-circle distance in Java. */
	List<Hit> fromDatabase(double latitude, double longitude, int radiusMeters, int limit) {
		double latDelta = Math.toDegrees(radiusMeters / Geo.EARTH_RADIUS_METERS);
		double cos = Math.cos(Math.toRadians(latitude));
		double lonDelta = (cos < 1e-6) ? 180 : Math.toDegrees(radiusMeters / (Geo.EARTH_RADIUS_METERS * cos));
		double minLon = longitude - lonDelta;
		double maxLon = longitude + lonDelta;
		if (minLon < -180 || maxLon > 180) {
			minLon = -180;
			maxLon = 180;
		}
		return this.activities.discoverableWithin(latitude - latDelta, latitude + latDelta, minLon, maxLon)
			.stream()
			.map(a -> new Hit(a.getId(), Geo.haversine(latitude, longitude, a.getLatitude().doubleValue(),
					a.getLongitude().doubleValue())))
			.filter(hit -> hit.distanceMeters() <= radiusMeters)
			.sorted(Comparator.comparingDouble(Hit::distanceMeters))
			.limit(limit)
			.toList();
	}

}
