package cn.wenming.practice.activity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import cn.wenming.practice.testinfra.AfterCommit;
import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.HeavyTest;
import cn.wenming.practice.testinfra.ThreeInstances;
import cn.wenming.practice.testinfra.Volunteers;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-up race on three instances ({@link ThreeInstances}): volunteers registered through all
 * three sign up for one activity at the same moment, each request to a different instance. Places
 * are given exactly up to capacity, the rest queue with positions 1…n without gaps or repeats, and
 * the activity's counter agrees with the rows — as on one instance, because the capacity check is
 * MySQL's row lock, not anything an instance holds.
 */
@HeavyTest
class SignUpScaleOutTest {

	@Test
	void aSignUpRaceSpreadOverThreeInstancesFillsExactlyTheCapacity() throws Exception {
		ThreeInstances instances = ThreeInstances.get();
		JdbcTemplate jdbc = instances.jdbc();
		ActivityScenario s = new ActivityScenario(instances.api(0), new Fixtures(jdbc));
		int capacity = 30;
		int volunteers = 90;
		String activityId = s.published(Duration.ofDays(1), Duration.ofHours(2), capacity);
		// The nearby index (a GEO set whose build and patch scripts share one hash tag) works on the
		// cluster, and every instance finds the new activity in it once the after-commit patch ran.
		AfterCommit.awaitListeners(jdbc);
		for (int i = 0; i < instances.size(); i++) {
			List<String> nearby = instances.api(i).anonymous().documentName("nearbyActivities")
				.variable("latitude", s.latitude).variable("longitude", s.longitude).variable("radiusMeters", 2000)
				.execute().path("nearbyActivities[*].activity.id").entityList(String.class).get();
			assertThat(nearby).as("nearby on instance %s", i).contains(activityId);
		}

		ExecutorService pool = Executors.newFixedThreadPool(30);
		try {
			List<Future<Session>> registered = new ArrayList<>();
			for (int i = 0; i < volunteers; i++) {
				Api api = instances.api(i % 3);
				registered.add(pool.submit(() -> {
					Session session = api.login(Fixtures.unique("scale-signup"));
					Volunteers.register(api.as(session), s.tree.station());
					return session;
				}));
			}
			List<Session> sessions = new ArrayList<>();
			for (Future<Session> future : registered) {
				sessions.add(future.get(120, TimeUnit.SECONDS));
			}

			CountDownLatch go = new CountDownLatch(1);
			List<Future<String>> results = new ArrayList<>();
			for (int i = 0; i < sessions.size(); i++) {
				Session session = sessions.get(i);
				Api api = instances.api((i + 1) % 3);
				results.add(pool.submit(() -> {
					go.await();
					return api.as(session).documentName("signUp").variable("activityId", activityId)
						.variable("source", "menu").execute().path("signUp.status").entity(String.class).get();
				}));
			}
			go.countDown();
			List<String> statuses = new ArrayList<>();
			for (Future<String> result : results) {
				statuses.add(result.get(120, TimeUnit.SECONDS));
			}
			assertThat(statuses).filteredOn("CONFIRMED"::equals).hasSize(capacity);
			assertThat(statuses).filteredOn("WAITLISTED"::equals).hasSize(volunteers - capacity);
		}
		finally {
			pool.shutdownNow();
		}

		long id = Long.parseLong(activityId);
		assertThat(jdbc.queryForObject("SELECT confirmed_count FROM activity WHERE id = ?", Integer.class, id))
			.isEqualTo(capacity);
		assertThat(jdbc.queryForObject(
				"SELECT COUNT(*) FROM activity_sign_up WHERE activity_id = ? AND status = 'CONFIRMED'", Integer.class, id))
			.isEqualTo(capacity);
		List<Integer> positions = jdbc.queryForList("SELECT waitlist_position FROM activity_sign_up "
				+ "WHERE activity_id = ? AND status = 'WAITLISTED' ORDER BY waitlist_position", Integer.class, id);
		List<Integer> expected = new ArrayList<>();
		for (int i = 1; i <= volunteers - capacity; i++) {
			expected.add(i);
		}
		assertThat(positions).containsExactlyElementsOf(expected);

		// Every instance answers the same counts (nothing cached per instance).
		for (int i = 0; i < instances.size(); i++) {
			Map<?, ?> activity = instances.api(i).anonymous().documentName("activity").variable("id", activityId)
				.execute().path("activity").entity(Map.class).get();
			assertThat(activity.get("confirmedCount")).isEqualTo(capacity);
		}
	}

}
