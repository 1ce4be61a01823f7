package cn.wenming.practice.org;

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
 * The 15-minute service circle: open stations with coordinates in a Redis GEO set, searched
 * nearest first. MySQL is the truth; the set is a cache that is
 * <ul>
 * <li>rebuilt when missing, into a temporary key that is then renamed, so a reader never sees a
 * half-built set; one rebuild at a time (a lock key), other readers answer from MySQL meanwhile;</li>
 * <li>patched after each committed change of a station, but only while it exists (a patch must not
 * create a one-member set that would pass for the whole index); a change that lands during a
 * rebuild marks the rebuild dirty, and a dirty rebuild is thrown away rather than published stale;</li>
 * <li>bypassed when Redis is unreachable: the same answer is computed from MySQL.</li>
 * </ul>
 * All keys share one hash tag so the Lua scripts stay valid on a Redis Cluster.
 */
@Component
class NearbyStationIndex {

	private static final Logger log = LoggerFactory.getLogger(NearbyStationIndex.class);

	static final String KEY = "org:{stations-geo}";

	static final String LOCK_KEY = "org:{stations-geo}:rebuilding";

	static final String DIRTY_KEY = "org:{stations-geo}:dirty";

	private static final String TEMP_PREFIX = "org:{stations-geo}:tmp:";

	private static final Duration LOCK_TTL = Duration.ofSeconds(30);

	/** Redis' own earth radius, so that the MySQL fallback gives the same distances as GEOSEARCH. */
	static final double EARTH_RADIUS_METERS = 6372797.560856;

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

	private final OrgUnitMapper units;

	NearbyStationIndex(StringRedisTemplate redis, OrgUnitMapper units) {
		this.redis = redis;
		this.units = units;
	}

	/** One hit: a station id and its distance in meters. */
	record Hit(long stationId, double distanceMeters) {
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
			log.warn("Station index unavailable, answering from MySQL: {}", ex.getClass().getSimpleName());
			return fromDatabase(latitude, longitude, radiusMeters, limit);
		}
	}

	/**
	 * Builds the whole set from MySQL under a lock. Returns whether the index exists afterwards;
	 * {@code false} if someone else is rebuilding, a change raced with us, or there are no stations.
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
			List<OrgUnit> stations = this.units.openStationsWithCoordinates();
			if (stations.isEmpty()) {
				return false;
			}
			Map<String, Point> members = new LinkedHashMap<>();
			for (OrgUnit station : stations) {
				members.put(Long.toString(station.getId()),
						new Point(station.getLongitude().doubleValue(), station.getLatitude().doubleValue()));
				if (members.size() == 1000) {
					this.redis.opsForGeo().add(temp, members);
					members.clear();
				}
			}
			if (!members.isEmpty()) {
				this.redis.opsForGeo().add(temp, members);
			}
			Long published = this.redis.execute(PUBLISH, List.of(temp, KEY, DIRTY_KEY));
			log.info("Station index rebuilt with {} stations{}", stations.size(),
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

	/** Brings one station's entry in line with MySQL once the change that touched it has committed. */
	@TransactionalEventListener(fallbackExecution = true)
	void on(StationChanged event) {
		try {
			OrgUnit unit = this.units.selectById(event.stationId());
			boolean indexed = unit != null && unit.getLevel() == OrgLevel.STATION
					&& OrgUnit.OPEN.equals(unit.getStatus()) && unit.getLatitude() != null
					&& unit.getLongitude() != null;
			if (indexed) {
				this.redis.execute(PATCH, List.of(KEY, LOCK_KEY, DIRTY_KEY), "add", Long.toString(unit.getId()),
						unit.getLongitude().toPlainString(), unit.getLatitude().toPlainString());
			}
			else {
				this.redis.execute(PATCH, List.of(KEY, LOCK_KEY, DIRTY_KEY), "rem", Long.toString(event.stationId()),
						"0", "0");
			}
		}
		catch (RuntimeException ex) {
			// The change is committed and must stay so. Readers re-check each hit against MySQL, so a
			// missed patch can leave a stale distance but never shows a closed station.
			log.warn("Could not update the station index for {}: {}", event.stationId(), ex.getClass().getSimpleName());
		}
	}

	/** The same search against MySQL: a bounding box, then great-circle distance in Java. */
	List<Hit> fromDatabase(double latitude, double longitude, int radiusMeters, int limit) {
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
		return this.units
			.openStationsWithin(latitude - latDelta, latitude + latDelta, minLon, maxLon)
			.stream()
			.map(s -> new Hit(s.getId(), haversine(latitude, longitude, s.getLatitude().doubleValue(),
					s.getLongitude().doubleValue())))
			.filter(hit -> hit.distanceMeters() <= radiusMeters)
			.sorted(Comparator.comparingDouble(Hit::distanceMeters))
			.limit(limit)
			.toList();
	}

	static double haversine(double lat1, double lon1, double lat2, double lon2) {
		double dLat = Math.toRadians(lat2 - lat1);
		double dLon = Math.toRadians(lon2 - lon1);
		double a = Math.pow(Math.sin(dLat / 2), 2)
				+ Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
		return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(a)));
	}

}
