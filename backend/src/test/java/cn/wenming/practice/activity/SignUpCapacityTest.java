package cn.wenming.practice.activity;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.shared.FieldCrypto;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.MutableClock;
import cn.wenming.practice.testinfra.Scenario;
import cn.wenming.practice.testinfra.Volunteers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Sign-up rules, the capacity race, the waitlist in arrival order and promotion on cancellation. */
@IntegrationTest
class SignUpCapacityTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	FieldCrypto crypto;

	@Scenario
	ActivityScenario s;

	@Test
	void fiveHundredConcurrentSignUpsForFiftyPlaces() throws Exception {
		String activityId = this.s.published(Duration.ofDays(1), Duration.ofHours(2), 50);
		ExecutorService pool = Executors.newFixedThreadPool(32);
		try {
			// Arranging (not what this test is about): 500 users log in through the API, and their
			// volunteer rows are written directly, encrypted as registration would.
			List<Future<Session>> logins = new ArrayList<>();
			for (int i = 0; i < 500; i++) {
				logins.add(pool.submit(() -> this.s.api.login(Fixtures.unique("race"))));
			}
			List<Session> volunteers = new ArrayList<>();
			for (Future<Session> future : logins) {
				volunteers.add(future.get(120, TimeUnit.SECONDS));
			}
			insertVolunteers(volunteers);

			CountDownLatch go = new CountDownLatch(1);
			List<Future<String>> results = new ArrayList<>();
			for (Session volunteer : volunteers) {
				Callable<String> task = () -> {
					go.await();
					return this.s.signUp(volunteer, activityId).path("signUp.status").entity(String.class).get();
				};
				results.add(pool.submit(task));
			}
			go.countDown();
			List<String> statuses = new ArrayList<>();
			for (Future<String> result : results) {
				statuses.add(result.get(120, TimeUnit.SECONDS));
			}
			assertThat(statuses).filteredOn("CONFIRMED"::equals).hasSize(50);
			assertThat(statuses).filteredOn("WAITLISTED"::equals).hasSize(450);
		}
		finally {
			pool.shutdownNow();
		}

		long id = Long.parseLong(activityId);
		assertThat(this.jdbc.queryForObject("SELECT confirmed_count FROM activity WHERE id = ?", Integer.class, id))
			.isEqualTo(50);
		// Sign-ups are written one at a time under the activity's row lock, so their ids record the
		// order in which they were served: the first 50 got places, the rest queue in that order.
		List<Map<String, Object>> rows = this.jdbc.queryForList(
				"SELECT status, waitlist_position FROM activity_sign_up WHERE activity_id = ? ORDER BY id", id);
		assertThat(rows).hasSize(500);
		assertThat(rows.subList(0, 50)).allSatisfy(row -> assertThat(row.get("status")).isEqualTo("CONFIRMED"));
		List<Integer> positions = rows.subList(50, 500).stream()
			.peek(row -> assertThat(row.get("status")).isEqualTo("WAITLISTED"))
			.map(row -> ((Number) row.get("waitlist_position")).intValue())
			.toList();
		List<Integer> expected = new ArrayList<>();
		for (int i = 1; i <= 450; i++) {
			expected.add(i);
		}
		assertThat(positions).containsExactlyElementsOf(expected);
	}

	@Test
	void aCancelledPlaceGoesToTheFirstOnTheWaitlist() {
		String activityId = this.s.published(Duration.ofDays(1), Duration.ofHours(2), 2);
		Session a = this.s.volunteer("a");
		Session b = this.s.volunteer("b");
		Session c = this.s.volunteer("c");
		Session d = this.s.volunteer("d");
		this.s.signUp(a, activityId).path("signUp.status").entity(String.class).isEqualTo("CONFIRMED");
		this.s.signUp(b, activityId).path("signUp.status").entity(String.class).isEqualTo("CONFIRMED");
		this.s.signUp(c, activityId).path("signUp.status").entity(String.class).isEqualTo("WAITLISTED")
			.path("signUp.waitlistPosition").entity(Integer.class).isEqualTo(1);
		this.s.signUp(d, activityId).path("signUp.status").entity(String.class).isEqualTo("WAITLISTED")
			.path("signUp.waitlistPosition").entity(Integer.class).isEqualTo(2);

		this.s.api.as(a).documentName("cancelSignUp").variable("activityId", activityId).execute()
			.path("cancelSignUp.status").entity(String.class).isEqualTo("CANCELLED");
		status(c, activityId, "CONFIRMED");
		status(d, activityId, "WAITLISTED");
		confirmedCount(activityId, 2);

		// A waitlisted person leaving frees no place.
		this.s.api.as(d).documentName("cancelSignUp").variable("activityId", activityId).execute()
			.path("cancelSignUp.status").entity(String.class).isEqualTo("CANCELLED");
		status(c, activityId, "CONFIRMED");
		// A confirmed person leaving with nobody waiting frees a place.
		this.s.api.as(b).documentName("cancelSignUp").variable("activityId", activityId).execute();
		confirmedCount(activityId, 1);
		// Having cancelled, one may sign up again.
		this.s.signUp(a, activityId).path("signUp.status").entity(String.class).isEqualTo("CONFIRMED");
		ApiErrors.expectCode(this.s.api.as(b).documentName("cancelSignUp").variable("activityId", activityId).execute(),
				"NOT_SIGNED_UP");
	}

	@Test
	void theWaitlistRankIsTheLivePlaceInTheQueue() {
		String activityId = this.s.published(Duration.ofDays(1), Duration.ofHours(2), 1);
		Session a = this.s.volunteer("a");
		Session b = this.s.volunteer("b");
		Session c = this.s.volunteer("c");
		Session d = this.s.volunteer("d");
		for (Session each : List.of(a, b, c, d)) {
			this.s.signUp(each, activityId);
		}
		assertThat(rank(a)).isNull();
		assertThat(List.of(rank(b), rank(c), rank(d))).containsExactly(1, 2, 3);
		// Someone ahead leaves the waitlist: d moves up, though the number it took stays 3.
		this.s.api.as(b).documentName("cancelSignUp").variable("activityId", activityId).execute();
		assertThat(rank(d)).isEqualTo(2);
		this.s.api.as(d).documentName("myActivities").execute()
			.path("myActivities.edges[0].node.waitlistPosition").entity(Integer.class).isEqualTo(3);
		// The confirmed one leaves: c is promoted (no rank any more), d is next.
		this.s.api.as(a).documentName("cancelSignUp").variable("activityId", activityId).execute();
		assertThat(rank(c)).isNull();
		assertThat(rank(d)).isEqualTo(1);
	}

	private Integer rank(Session volunteer) {
		@SuppressWarnings("unchecked")
		Map<String, Object> node = this.s.api.as(volunteer).documentName("myActivities").execute()
			.path("myActivities.edges[0].node").entity(Map.class).get();
		assertThat(node).containsKey("waitlistRank");
		Object rank = node.get("waitlistRank");
		return (rank == null) ? null : ((Number) rank).intValue();
	}

	@Test
	void onlyRegisteredTrainedVolunteersWhileOpenAndOnce() {
		String activityId = this.s.published(Duration.ofDays(1), Duration.ofHours(2), 5);
		Session resident = this.s.api.login(Fixtures.unique("resident"));
		ApiErrors.expectCode(this.s.signUp(resident, activityId), "VOLUNTEER_REQUIRED");
		ApiErrors.expectCode(this.s.api.anonymous().documentName("signUp").variable("activityId", activityId).execute(),
				"UNAUTHENTICATED");

		Session volunteer = this.s.volunteer("once");
		this.s.signUp(volunteer, activityId).path("signUp.status").entity(String.class).isEqualTo("CONFIRMED");
		ApiErrors.expectCode(this.s.signUp(volunteer, activityId), "ALREADY_SIGNED_UP");

		// 先培训再上岗.
		Map<String, Object> input = this.s.activityInput(Instant.now().plus(Duration.ofDays(1)),
				Instant.now().plus(Duration.ofDays(1).plusHours(2)), 5);
		input.put("trainingRequired", true);
		String trainingOnly = this.s.createActivity(this.s.admin, input).path("createActivity.id").entity(String.class).get();
		this.s.move(this.s.admin, "publishActivity", trainingOnly);
		ApiErrors.expectCode(this.s.signUp(volunteer, trainingOnly), "TRAINING_REQUIRED");
		this.jdbc.update("UPDATE volunteer SET trained = 1 WHERE user_id = ?", volunteer.userId());
		this.s.signUp(volunteer, trainingOnly).path("signUp.status").entity(String.class).isEqualTo("CONFIRMED");

		// After the deadline.
		Map<String, Object> early = this.s.activityInput(Instant.now().plus(Duration.ofHours(5)),
				Instant.now().plus(Duration.ofHours(7)), 5);
		early.put("signUpDeadline", Instant.now().plus(Duration.ofMinutes(10)).toString());
		String closing = this.s.createActivity(this.s.admin, early).path("createActivity.id").entity(String.class).get();
		this.s.move(this.s.admin, "publishActivity", closing);
		this.clock.shift(Duration.ofMinutes(11));
		ApiErrors.expectCode(this.s.signUp(volunteer, closing), "SIGN_UP_CLOSED");
		this.clock.reset();

		// Not while a draft (invisible), nor once under way.
		String draft = this.s.draft(Instant.now().plus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(1).plusHours(1)), 5);
		ApiErrors.expectCode(this.s.signUp(volunteer, draft), "NOT_FOUND");
		this.s.move(this.s.admin, "publishActivity", draft);
		this.s.move(this.s.admin, "startActivity", draft);
		ApiErrors.expectCode(this.s.signUp(volunteer, draft), "SIGN_UP_CLOSED");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM activity_sign_up WHERE activity_id IN (?, ?)",
				Integer.class, Long.parseLong(closing), Long.parseLong(draft))).isZero();
	}

	private void insertVolunteers(List<Session> sessions) {
		Timestamp now = Timestamp.from(Instant.now());
		List<Object[]> rows = new ArrayList<>();
		for (Session session : sessions) {
			String idNumber = Volunteers.idNumber();
			rows.add(new Object[] { session.userId(), "赛跑", this.crypto.encrypt(idNumber),
					this.crypto.blindIndex(idNumber), idNumber.substring(0, 4) + "**********" + idNumber.substring(14),
					this.s.tree.station(), now, now });
		}
		this.jdbc.batchUpdate("INSERT INTO volunteer (user_id, real_name, id_number_cipher, id_number_hash, "
				+ "id_number_masked, home_station_id, party_member, trained, credit_hours, honor_hours, version, "
				+ "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0, ?, ?)", rows);
	}

	private void status(Session as, String activityId, String expected) {
		this.s.api.as(as).documentName("activity").variable("id", activityId).execute()
			.path("activity.mySignUp.status").entity(String.class).isEqualTo(expected);
	}

	private void confirmedCount(String activityId, int expected) {
		this.s.api.anonymous().documentName("activity").variable("id", activityId).execute()
			.path("activity.confirmedCount").entity(Integer.class).isEqualTo(expected);
	}

}
