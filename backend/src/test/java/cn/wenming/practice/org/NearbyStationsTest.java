package cn.wenming.practice.org;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.jedis.JedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import static cn.wenming.practice.org.OrgApi.expectCode;
import static cn.wenming.practice.org.OrgApi.expectOk;
import static cn.wenming.practice.org.OrgApi.map;
import static cn.wenming.practice.testinfra.AfterCommit.awaitListeners;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The 15-minute service circle. Each test puts its stations around its own random spot in the
 * South Pacific, so no other test's stations are within the radius.
 */
@IntegrationTest
class NearbyStationsTest {

	private static final double EARTH_RADIUS = 6_371_008.8;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	OrgUnitMapper units;

	@Scenario
	OrgApi org;

	Session admin;

	long institute;

	double lat;

	double lon;

	@BeforeEach
	void setUp() {
		Fixtures.Tree tree = this.org.fixtures.tree();
		this.institute = tree.institute();
		this.admin = this.org.admin("INSTITUTE_ADMIN", tree.institute());
		ThreadLocalRandom random = ThreadLocalRandom.current();
		this.lat = -45 + random.nextDouble() * 15;
		this.lon = -150 + random.nextDouble() * 40;
	}

	@Test
	void nearestFirstWithDistances() {
		long east = station(0, 700);
		long north = station(300, 0);
		long southWest = station(-600, -600);
		station(2000, 0); // outside 1200 m
		long closedOne = station(100, 100);
		expectOk(this.org.as(this.admin).documentName("closeOrgUnit").variable("id", closedOne).execute());

		List<Map<String, Object>> found = nearby(this.lat, this.lon, null, null);
		assertThat(found).extracting(row -> Long.valueOf((String) ((Map<?, ?>) row.get("station")).get("id")))
			.containsExactly(north, east, southWest);
		for (Map<String, Object> row : found) {
			long id = Long.parseLong((String) ((Map<?, ?>) row.get("station")).get("id"));
			double expected = haversine(this.lat, this.lon, latOf(id), lonOf(id));
			assertThat(((Number) row.get("distanceMeters")).doubleValue()).isCloseTo(expected, within(expected * 0.01));
		}
		// radius and first narrow it down.
		assertThat(nearby(this.lat, this.lon, 500, null)).hasSize(1);
		assertThat(nearby(this.lat, this.lon, 5000, 2)).hasSize(2);
		assertThat(nearby(this.lat, this.lon, 5000, null)).hasSize(4);
	}

	@Test
	void aDeletedIndexIsRebuiltWithTheSameAnswer() {
		station(200, 200);
		station(-400, 100);
		station(50, -900);
		List<Map<String, Object>> before = nearby(this.lat, this.lon, null, null);
		assertThat(before).hasSize(3);

		this.redis.delete(NearbyStationIndex.KEY);
		List<Map<String, Object>> after = nearby(this.lat, this.lon, null, null);
		assertThat(after).isEqualTo(before);
		assertThat(this.redis.hasKey(NearbyStationIndex.KEY)).isTrue();
		assertThat(this.redis.opsForZSet().size(NearbyStationIndex.KEY)).isGreaterThanOrEqualTo(3);
		assertThat(this.redis.keys("org:{stations-geo}:tmp:*")).isEmpty();
	}

	@Test
	void stationsInsertedBehindTheIndexAppearAfterARebuild() {
		// Written straight to MySQL: no after-commit patch, only a rebuild can know about them.
		long id = this.org.fixtures.unit(this.institute, "STATION", Fixtures.unique("站"), this.lat + 0.001, this.lon);
		this.redis.delete(NearbyStationIndex.KEY);
		assertThat(ids(nearby(this.lat, this.lon, null, null))).containsExactly(id);
	}

	@Test
	void aRebuildInProgressIsNotDuplicatedAndPatchesNeverStartAPartialIndex() {
		long first = station(100, 0);
		this.redis.delete(NearbyStationIndex.KEY);
		// Someone else is rebuilding: readers answer from MySQL instead of rebuilding too ...
		this.redis.opsForValue().set(NearbyStationIndex.LOCK_KEY, "someone-else", java.time.Duration.ofSeconds(30));
		try {
			assertThat(ids(nearby(this.lat, this.lon, null, null))).containsExactly(first);
			assertThat(this.redis.hasKey(NearbyStationIndex.KEY)).isFalse();
			// ... and a change committed meanwhile neither creates a one-station index nor is lost.
			long second = station(200, 0);
			assertThat(this.redis.hasKey(NearbyStationIndex.KEY)).isFalse();
			assertThat(this.redis.hasKey(NearbyStationIndex.DIRTY_KEY)).isTrue();
			assertThat(ids(nearby(this.lat, this.lon, null, null))).containsExactly(first, second);
		}
		finally {
			this.redis.delete(NearbyStationIndex.LOCK_KEY);
		}
		// The next reader rebuilds; its own read of MySQL already holds the change.
		assertThat(ids(nearby(this.lat, this.lon, null, null))).hasSize(2);
		assertThat(this.redis.hasKey(NearbyStationIndex.KEY)).isTrue();
		assertThat(this.redis.hasKey(NearbyStationIndex.DIRTY_KEY)).isFalse();
	}

	@Test
	void closingOrRelocatingAStationUpdatesTheIndex() {
		long near = station(100, 0);
		long far = station(800, 0);
		assertThat(ids(nearby(this.lat, this.lon, null, null))).containsExactly(near, far);

		expectOk(this.org.as(this.admin).documentName("closeOrgUnit").variable("id", near).execute());
		awaitListeners(this.jdbc);
		assertThat(ids(nearby(this.lat, this.lon, null, null))).containsExactly(far);
		// Removed from the index itself, not only filtered out on the way back.
		assertThat(this.redis.opsForGeo().position(NearbyStationIndex.KEY, Long.toString(near)))
			.containsOnlyNulls();

		expectOk(this.org.as(this.admin)
			.documentName("updateOrgUnitLocation")
			.variable("input", map("id", far, "latitude", this.lat + 10 / 111_320.0, "longitude", this.lon))
			.execute());
		awaitListeners(this.jdbc);
		List<Map<String, Object>> moved = nearby(this.lat, this.lon, null, null);
		assertThat(ids(moved)).containsExactly(far);
		assertThat(((Number) moved.get(0).get("distanceMeters")).doubleValue()).isCloseTo(10, within(1.0));

		expectOk(this.org.as(this.admin)
			.documentName("updateOrgUnitLocation")
			.variable("input", map("id", far, "address", "坐标已删除"))
			.execute());
		awaitListeners(this.jdbc);
		assertThat(nearby(this.lat, this.lon, null, null)).isEmpty();
	}

	@Test
	void withoutRedisTheAnswerComesFromMySql() {
		station(300, 0);
		station(0, -500);
		station(900, 900); // about 1270 m: outside
		var dead = new JedisConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 1));
		dead.afterPropertiesSet();
		dead.start();
		try {
			var deadRedis = new StringRedisTemplate(dead);
			var withoutRedis = new NearbyStationIndex(deadRedis, this.units);
			var real = new NearbyStationIndex(this.redis, this.units);
			List<NearbyStationIndex.Hit> fallback = withoutRedis.search(this.lat, this.lon, 1200, 20);
			List<NearbyStationIndex.Hit> indexed = real.search(this.lat, this.lon, 1200, 20);
			assertThat(fallback).hasSize(2);
			assertThat(fallback).extracting(NearbyStationIndex.Hit::stationId)
				.containsExactlyElementsOf(indexed.stream().map(NearbyStationIndex.Hit::stationId).toList());
			for (int i = 0; i < fallback.size(); i++) {
				assertThat(fallback.get(i).distanceMeters()).isCloseTo(indexed.get(i).distanceMeters(), within(1.0));
			}
		}
		finally {
			dead.destroy();
		}
	}

	@Test
	void invalidArgumentsAreBadRequests() {
		Object[][] cases = { { 90.5, 0.0, 1200, 20 }, { -91.0, 0.0, 1200, 20 }, { 0.0, 180.5, 1200, 20 },
				{ 0.0, -181.0, 1200, 20 }, { 0.0, 0.0, 0, 20 }, { 0.0, 0.0, 50_001, 20 }, { 0.0, 0.0, 1200, 0 },
				{ 0.0, 0.0, 1200, 101 }, { 0.0, 0.0, 1200, 100_000 } };
		for (Object[] args : cases) {
			expectCode(this.org.as(null)
				.documentName("nearbyStations")
				.variable("latitude", args[0])
				.variable("longitude", args[1])
				.variable("radiusMeters", args[2])
				.variable("first", args[3])
				.execute(), "BAD_REQUEST");
		}
	}

	/**
	 * Creates an open station through the API, {@code north} and {@code east} meters from the spot,
	 * and waits for the index's after-commit patch.
	 */
	private long station(double north, double east) {
		double stationLat = this.lat + north / 111_320.0;
		double stationLon = this.lon + east / (111_320.0 * Math.cos(Math.toRadians(this.lat)));
		long id = Long.parseLong(this.org.as(this.admin)
			.documentName("createOrgUnit")
			.variable("input", map("parentId", this.institute, "level", "STATION", "name", Fixtures.unique("站"),
					"latitude", stationLat, "longitude", stationLon))
			.execute()
			.path("createOrgUnit.id")
			.entity(String.class)
			.get());
		awaitListeners(this.jdbc);
		return id;
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> nearby(double latitude, double longitude, Integer radius, Integer first) {
		var request = this.org.as(null)
			.documentName("nearbyStations")
			.variable("latitude", latitude)
			.variable("longitude", longitude);
		if (radius != null) {
			request = request.variable("radiusMeters", radius);
		}
		if (first != null) {
			request = request.variable("first", first);
		}
		var response = request.execute();
		response.errors().verify();
		return (List<Map<String, Object>>) (List<?>) response.path("nearbyStations").entityList(Map.class).get();
	}

	private static List<Long> ids(List<Map<String, Object>> rows) {
		return rows.stream().map(row -> Long.valueOf((String) ((Map<?, ?>) row.get("station")).get("id"))).toList();
	}

	private double latOf(long id) {
		return this.jdbc.queryForObject("SELECT latitude FROM org_unit WHERE id = ?", Double.class, id);
	}

	private double lonOf(long id) {
		return this.jdbc.queryForObject("SELECT longitude FROM org_unit WHERE id = ?", Double.class, id);
	}

	private static double haversine(double lat1, double lon1, double lat2, double lon2) {
		double dLat = Math.toRadians(lat2 - lat1);
		double dLon = Math.toRadians(lon2 - lon1);
		double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
				* Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
		return 2 * EARTH_RADIUS * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
	}

}
