package cn.wenming.practice.activity;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static cn.wenming.practice.testinfra.AfterCommit.awaitListeners;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code updateActivity}: organisers edit drafts and recruiting activities; capacity never drops
 * below the confirmed count, a raised capacity promotes the waitlist in order, the nearby index
 * follows a moved place, and time and place are fixed once someone has checked in.
 */
@IntegrationTest
class ActivityUpdateTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	StringRedisTemplate redis;

	@Scenario
	ActivityScenario s;

	@Test
	void aDraftIsEditedAsAWhole() {
		Instant start = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
		String id = this.s.draft(start, start.plus(Duration.ofHours(2)), 10);
		Map<String, Object> input = editable(start.plus(Duration.ofDays(1)), start.plus(Duration.ofDays(1)).plus(Duration.ofHours(3)), 12);
		input.put("title", "重阳敬老");
		input.put("description", null);
		input.put("skills", List.of("理发"));
		input.put("theoryLecture", true);
		input.put("trainingRequired", true);
		input.put("signUpDeadline", start.plus(Duration.ofHours(12)).toString());
		update(this.s.admin, id, input).path("updateActivity.title").entity(String.class).isEqualTo("重阳敬老")
			.path("updateActivity.description").valueIsNull()
			.path("updateActivity.skills").entityList(String.class).containsExactly("理发")
			.path("updateActivity.theoryLecture").entity(Boolean.class).isEqualTo(true)
			.path("updateActivity.trainingRequired").entity(Boolean.class).isEqualTo(true)
			.path("updateActivity.capacity").entity(Integer.class).isEqualTo(12)
			.path("updateActivity.startsAt").entity(Instant.class).isEqualTo(start.plus(Duration.ofDays(1)))
			.path("updateActivity.signUpDeadline").entity(Instant.class).isEqualTo(start.plus(Duration.ofHours(12)))
			.path("updateActivity.status").entity(String.class).isEqualTo("DRAFT");

		// Times must stay consistent.
		Map<String, Object> backwards = editable(start, start.minus(Duration.ofHours(1)), 10);
		ApiErrors.expectBadField(update(this.s.admin, id, backwards), "input.endsAfterStart");
		Map<String, Object> lateDeadline = editable(start, start.plus(Duration.ofHours(2)), 10);
		lateDeadline.put("signUpDeadline", start.plus(Duration.ofHours(3)).toString());
		ApiErrors.expectCode(update(this.s.admin, id, lateDeadline), "BAD_REQUEST");
	}

	@Test
	void onlyAdminsOfTheActivitysUnitEditAndOnlyBeforeItStarts() {
		Instant start = Instant.now().plus(Duration.ofDays(3));
		String id = this.s.published(Duration.ofDays(3), Duration.ofHours(2), 5);
		Map<String, Object> input = editable(start, start.plus(Duration.ofHours(2)), 5);

		Session volunteer = this.s.volunteer("editor");
		ApiErrors.expectCode(update(volunteer, id, input), "FORBIDDEN");
		Session otherAdmin = this.s.api.login(Fixtures.unique("other-station"));
		this.s.fixtures.grant(otherAdmin.userId(), "STATION_ADMIN", this.s.fixtures.tree().station());
		ApiErrors.expectCode(update(otherAdmin, id, input), "FORBIDDEN");
		// An admin higher up the tree covers the station.
		Session institute = this.s.api.login(Fixtures.unique("institute"));
		this.s.fixtures.grant(institute.userId(), "INSTITUTE_ADMIN", this.s.tree.institute());
		update(institute, id, input).path("updateActivity.id").entity(String.class).isEqualTo(id);

		// A recruiting activity cannot be moved into the past.
		Map<String, Object> past = editable(Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofHours(1)), 5);
		ApiErrors.expectCode(update(this.s.admin, id, past), "BAD_REQUEST");

		this.s.move(this.s.admin, "startActivity", id).path("startActivity.status").entity(String.class).isEqualTo("ONGOING");
		ApiErrors.expectCode(update(this.s.admin, id, input), "ACTIVITY_INVALID_STATE");
	}

	@Test
	void capacityNeverDropsBelowTheConfirmedAndRaisingItPromotesTheWaitlistInOrder() {
		Instant start = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MILLIS);
		String id = this.s.draft(start, start.plus(Duration.ofHours(2)), 2);
		this.s.move(this.s.admin, "publishActivity", id);
		List<Session> people = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			Session v = this.s.volunteer("cap" + i);
			people.add(v);
			this.s.signUp(v, id).path("signUp.status").entity(String.class).isEqualTo(i < 2 ? "CONFIRMED" : "WAITLISTED");
		}
		GraphQlTester.Response refused = update(this.s.admin, id, editable(start, start.plus(Duration.ofHours(2)), 1));
		ApiErrors.expectCode(refused, "ACTIVITY_CAPACITY_BELOW_CONFIRMED");

		update(this.s.admin, id, editable(start, start.plus(Duration.ofHours(2)), 4))
			.path("updateActivity.capacity").entity(Integer.class).isEqualTo(4)
			.path("updateActivity.confirmedCount").entity(Integer.class).isEqualTo(4);
		// The first two on the waitlist moved up; the last one still waits.
		assertThat(statusOf(people.get(2), id)).isEqualTo("CONFIRMED");
		assertThat(statusOf(people.get(3), id)).isEqualTo("CONFIRMED");
		assertThat(statusOf(people.get(4), id)).isEqualTo("WAITLISTED");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM activity_sign_up WHERE activity_id = ? AND status = 'CONFIRMED'",
				Integer.class, Long.valueOf(id))).isEqualTo(4);

		// Lowering to exactly the confirmed count is fine; the next sign-up waits.
		update(this.s.admin, id, editable(start, start.plus(Duration.ofHours(2)), 4))
			.path("updateActivity.confirmedCount").entity(Integer.class).isEqualTo(4);
		this.s.signUp(this.s.volunteer("late"), id).path("signUp.status").entity(String.class).isEqualTo("WAITLISTED");
	}

	@Test
	void aMovedPlaceMovesTheActivityInTheNearbyIndexAndIsFixedOnceSomeoneCheckedIn() {
		Instant start = Instant.now().plus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.MILLIS);
		String id = this.s.draft(start, start.plus(Duration.ofHours(2)), 5);
		this.s.move(this.s.admin, "publishActivity", id);
		assertThat(nearby(this.s.latitude, this.s.longitude)).contains(id);

		double newLatitude = Math.round((this.s.latitude + 0.5) * 1e6) / 1e6;
		Map<String, Object> moved = editable(start, start.plus(Duration.ofHours(2)), 5);
		moved.put("latitude", newLatitude);
		update(this.s.admin, id, moved).path("updateActivity.latitude").entity(Double.class).isEqualTo(newLatitude);
		assertThat(nearby(this.s.latitude, this.s.longitude)).doesNotContain(id);
		assertThat(nearby(newLatitude, this.s.longitude)).contains(id);

		// Someone checks in at the new place: time and place are now fixed, other fields are not.
		Session v = this.s.volunteer("onsite");
		this.s.signUp(v, id).path("signUp.status").entity(String.class).isEqualTo("CONFIRMED");
		this.s.check("checkIn", v, id, this.s.code(id), newLatitude, this.s.longitude).path("checkIn.checkedInAt")
			.entity(String.class).satisfies(at -> assertThat(at).isNotBlank());
		Map<String, Object> later = editable(start.plus(Duration.ofHours(1)), start.plus(Duration.ofHours(3)), 5);
		later.put("latitude", newLatitude);
		ApiErrors.expectCode(update(this.s.admin, id, later), "ACTIVITY_INVALID_STATE");
		Map<String, Object> retitled = editable(start, start.plus(Duration.ofHours(2)), 6);
		retitled.put("latitude", newLatitude);
		retitled.put("title", "社区义诊（加场）");
		update(this.s.admin, id, retitled).path("updateActivity.title").entity(String.class).isEqualTo("社区义诊（加场）");
	}

	/** Nearby activities, once the index's after-commit patches have run. */
	private List<String> nearby(double latitude, double longitude) {
		awaitListeners(this.jdbc);
		return this.s.api.anonymous().documentName("nearbyActivities").variable("latitude", latitude)
			.variable("longitude", longitude).variable("radiusMeters", 2000).execute()
			.path("nearbyActivities[*].activity.id").entityList(String.class).get();
	}

	private String statusOf(Session volunteer, String activityId) {
		return this.s.api.as(volunteer).documentName("activity").variable("id", activityId).execute()
			.path("activity.mySignUp.status").entity(String.class).get();
	}

	/** The scenario's activity fields with new times and capacity. */
	private Map<String, Object> editable(Instant startsAt, Instant endsAt, int capacity) {
		Map<String, Object> input = this.s.activityInput(startsAt, endsAt, capacity);
		input.remove("projectId");
		return input;
	}

	private GraphQlTester.Response update(Session as, String id, Map<String, Object> input) {
		return this.s.api.as(as).documentName("updateActivity").variable("id", id).variable("input", input).execute();
	}

}
