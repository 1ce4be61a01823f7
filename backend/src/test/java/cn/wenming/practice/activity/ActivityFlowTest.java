package cn.wenming.practice.activity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.MutableClock;
import cn.wenming.practice.testinfra.PublishedEvents;
import cn.wenming.practice.testinfra.Scenario;
import cn.wenming.practice.volunteer.ServiceCategory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static cn.wenming.practice.testinfra.AfterCommit.awaitListeners;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole path over HTTP: project and activity → publish → sign up → check-in code → check in
 * inside the fence → check out → confirm → credit hours and star; plus the life cycle, lists,
 * the nearby search and the org-unit close guard.
 */
@IntegrationTest
class ActivityFlowTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	PublishedEvents events;

	@Scenario
	ActivityScenario s;

	@Test
	void signUpCheckInCheckOutConfirmCreditsHoursAndStar() {
		Instant start = Instant.now().plus(Duration.ofHours(1));
		Instant end = start.plus(Duration.ofHours(3));
		String activityId = this.s.draft(start, end, 10);
		this.s.move(this.s.admin, "publishActivity", activityId)
			.path("publishActivity.status").entity(String.class).isEqualTo("PUBLISHED");

		Session volunteer = this.s.volunteer("flow");
		// Arranged: 98.5 h already credited, so the 2 h of this activity reach the first star (100 h).
		this.jdbc.update("UPDATE volunteer SET credit_hours = 98.5 WHERE user_id = ?", volunteer.userId());

		this.s.signUp(volunteer, activityId)
			.path("signUp.status").entity(String.class).isEqualTo("CONFIRMED")
			.path("signUp.source").entity(String.class).isEqualTo("menu");
		this.s.api.as(volunteer).documentName("activity").variable("id", activityId).execute()
			.path("activity.confirmedCount").entity(Integer.class).isEqualTo(1)
			.path("activity.mySignUp.status").entity(String.class).isEqualTo("CONFIRMED")
			.path("activity.skills").entityList(String.class).containsExactly("急救", "测血压")
			.path("activity.project.brand").entity(Boolean.class).isEqualTo(false);

		// An hour before the start: inside the window (opens 2 h before), at the place.
		this.s.checkHere("checkIn", volunteer, activityId, this.s.code(activityId))
			.path("checkIn.checkedInAt").entity(String.class).satisfies(at -> assertThat(at).isNotBlank());
		this.s.move(this.s.admin, "startActivity", activityId)
			.path("startActivity.status").entity(String.class).isEqualTo("ONGOING");

		// Two hours into the activity the volunteer leaves: 2 h overlap with the activity time.
		this.clock.set(start.plus(Duration.ofHours(2)));
		String signUpId = this.s.checkHere("checkOut", volunteer, activityId, this.s.code(activityId))
			.path("checkOut.hours").entity(Double.class).isEqualTo(2.0)
			.path("checkOut.hoursConfirmed").entity(Boolean.class).isEqualTo(false)
			.path("checkOut.id").entity(String.class).get();
		this.s.move(this.s.admin, "finishActivity", activityId)
			.path("finishActivity.status").entity(String.class).isEqualTo("FINISHED");

		this.s.api.as(this.s.admin).documentName("confirmHours").variable("activityId", activityId)
			.variable("signUpIds", List.of(signUpId)).execute()
			.path("confirmHours[0].hoursConfirmed").entity(Boolean.class).isEqualTo(true);
		this.s.api.as(volunteer).documentName("myVolunteerHours").execute()
			.path("myVolunteer.creditHours").entity(Double.class).isEqualTo(100.5)
			.path("myVolunteer.star").entity(Integer.class).isEqualTo(1);

		// Confirming again is a no-op: the hours are credited exactly once.
		this.s.api.as(this.s.admin).documentName("confirmHours").variable("activityId", activityId)
			.variable("signUpIds", List.of(signUpId)).execute()
			.path("confirmHours[0].hoursConfirmed").entity(Boolean.class).isEqualTo(true);
		this.s.api.as(volunteer).documentName("myVolunteerHours").execute()
			.path("myVolunteer.creditHours").entity(Double.class).isEqualTo(100.5);

		// Announced once, after the commit, for the points feature.
		assertThat(this.events.ofType(HoursConfirmed.class))
			.filteredOn(event -> event.signUpId() == Long.parseLong(signUpId))
			.singleElement()
			.satisfies(event -> {
				assertThat(event.volunteerUserId()).isEqualTo(volunteer.userId());
				assertThat(event.activityId()).isEqualTo(Long.parseLong(activityId));
				assertThat(event.hours()).isEqualByComparingTo("2.00");
				assertThat(event.category()).isEqualTo(ServiceCategory.HEALTH_SPORTS);
			});

		this.s.api.as(volunteer).documentName("myActivities").execute()
			.path("myActivities.edges[*].node.id").entityList(String.class).containsExactly(signUpId)
			.path("myActivities.edges[0].node.activity.id").entity(String.class).isEqualTo(activityId);
	}

	@Test
	void hoursAreTheOverlapWithTheActivityCappedAtItsLength() {
		Activity activity = new Activity();
		Instant start = Instant.parse("2026-05-01T01:00:00Z");
		activity.setStartsAt(start);
		activity.setEndsAt(start.plus(Duration.ofHours(3)));
		assertThat(SignUpService.hoursServed(activity, start.minus(Duration.ofHours(2)), start.plus(Duration.ofHours(9))))
			.isEqualByComparingTo("3.00");
		assertThat(SignUpService.hoursServed(activity, start.plus(Duration.ofMinutes(30)), start.plus(Duration.ofMinutes(50))))
			.isEqualByComparingTo("0.33");
		assertThat(SignUpService.hoursServed(activity, start.minus(Duration.ofHours(2)), start.minus(Duration.ofHours(1))))
			.isEqualByComparingTo("0.00");
	}

	@Test
	void lifeCycleRefusesIllegalMoves() {
		String activityId = this.s.draft(Instant.now().plus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(1).plusHours(2)), 5);
		ApiErrors.expectCode(this.s.move(this.s.admin, "startActivity", activityId), "ACTIVITY_INVALID_STATE");
		ApiErrors.expectCode(this.s.move(this.s.admin, "finishActivity", activityId), "ACTIVITY_INVALID_STATE");
		this.s.move(this.s.admin, "publishActivity", activityId).path("publishActivity.status").entity(String.class)
			.isEqualTo("PUBLISHED");
		ApiErrors.expectCode(this.s.move(this.s.admin, "publishActivity", activityId), "ACTIVITY_INVALID_STATE");
		this.s.move(this.s.admin, "cancelActivity", activityId).path("cancelActivity.status").entity(String.class)
			.isEqualTo("CANCELLED");
		ApiErrors.expectCode(this.s.move(this.s.admin, "cancelActivity", activityId), "ACTIVITY_INVALID_STATE");
		ApiErrors.expectCode(this.s.move(this.s.admin, "publishActivity", activityId), "ACTIVITY_INVALID_STATE");
	}

	@Test
	void aCancellationKeepsItsReasonOnceItPassedTheContentCheck() {
		String activityId = this.s.published(Duration.ofDays(1), Duration.ofHours(2), 5);
		var cancel = (java.util.function.Function<String, org.springframework.graphql.test.tester.GraphQlTester.Response>) (
				reason) -> this.s.api.as(this.s.admin).documentName("cancelActivity").variable("id", activityId)
					.variable("reason", reason).execute();
		ApiErrors.expectCode(cancel.apply("x".repeat(201)), "BAD_REQUEST");
		ApiErrors.expectCode(cancel.apply("RISKY 内容"), "CONTENT_REJECTED");
		// Refused reasons leave the activity as it was.
		this.s.api.as(this.s.admin).documentName("activity").variable("id", activityId).execute()
			.path("activity.status").entity(String.class).isEqualTo("PUBLISHED");
		cancel.apply("  暴雨预警，活动取消  ").path("cancelActivity.status").entity(String.class).isEqualTo("CANCELLED")
			.path("cancelActivity.cancelReason").entity(String.class).isEqualTo("暴雨预警，活动取消");
		this.s.api.anonymous().documentName("activity").variable("id", activityId).execute()
			.path("activity.cancelReason").entity(String.class).isEqualTo("暴雨预警，活动取消");
	}

	@Test
	void draftsAreHiddenFromEveryoneButTheAdminsAndListsFilter() {
		Instant start = Instant.now().plus(Duration.ofDays(2));
		String draft = this.s.draft(start, start.plus(Duration.ofHours(2)), 5);
		String published = this.s.published(Duration.ofDays(3), Duration.ofHours(2), 5);
		Session volunteer = this.s.volunteer("reader");
		this.s.api.as(volunteer).documentName("activity").variable("id", draft).execute()
			.path("activity").valueIsNull();
		this.s.api.as(this.s.admin).documentName("activity").variable("id", draft).execute()
			.path("activity.status").entity(String.class).isEqualTo("DRAFT");

		String unit = Long.toString(this.s.tree.institute());
		this.s.api.anonymous().documentName("activities").variable("filter", Map.of("orgUnitId", unit)).execute()
			.path("activities.edges[*].node.id").entityList(String.class).containsExactly(published);
		// The organiser covers the station only: drafts are listed for it, refused for the institute.
		String station = Long.toString(this.s.tree.station());
		this.s.api.as(this.s.admin).documentName("activities")
			.variable("filter", Map.of("orgUnitId", station, "status", "DRAFT")).execute()
			.path("activities.edges[*].node.id").entityList(String.class).containsExactly(draft);
		ApiErrors.expectCode(this.s.api.as(this.s.admin).documentName("activities")
			.variable("filter", Map.of("orgUnitId", unit, "status", "DRAFT")).execute(), "FORBIDDEN");
		ApiErrors.expectCode(this.s.api.as(volunteer).documentName("activities")
			.variable("filter", Map.of("orgUnitId", station, "status", "DRAFT")).execute(), "FORBIDDEN");
		// Time filter: the published one starts after [now, now + 2.5 d), and drafts are not listed.
		this.s.api.anonymous().documentName("activities")
			.variable("filter", Map.of("orgUnitId", unit, "from", Instant.now().toString(), "to",
					Instant.now().plus(Duration.ofDays(2).plusHours(12)).toString()))
			.execute()
			.path("activities.edges").entityList(Object.class).hasSize(0);
		this.s.api.anonymous().documentName("activities")
			.variable("filter", Map.of("orgUnitId", unit, "category", "EDUCATION")).execute()
			.path("activities.edges").entityList(Object.class).hasSize(0);

		this.s.api.anonymous().documentName("projects").variable("orgUnitId", Long.toString(this.s.tree.center()))
			.execute()
			.path("projects.edges[*].node.id").entityList(String.class).containsExactly(this.s.projectId)
			.path("projects.edges[0].node.orgUnitName").entity(String.class).satisfies(n -> assertThat(n).startsWith("站"));
	}

	@Test
	void titleSearchNarrowsTheListAndTakesWildcardsLiterally() {
		String plain = this.s.published(Duration.ofDays(1), Duration.ofHours(2), 5);
		Map<String, Object> input = this.s.activityInput(Instant.now().plus(Duration.ofDays(2)),
				Instant.now().plus(Duration.ofDays(2).plusHours(2)), 5);
		input.put("title", "重阳敬老100%义剪");
		String haircut = this.s.createActivity(this.s.admin, input).path("createActivity.id").entity(String.class).get();
		this.s.move(this.s.admin, "publishActivity", haircut).path("publishActivity.status").entity(String.class)
			.isEqualTo("PUBLISHED");
		String unit = Long.toString(this.s.tree.institute());
		var search = (java.util.function.Function<String, org.springframework.graphql.test.tester.GraphQlTester.Response>) (
				text) -> this.s.api.anonymous().documentName("activities")
					.variable("filter", Map.of("orgUnitId", unit, "status", "PUBLISHED", "search", text)).execute();
		search.apply(" 敬老 ").path("activities.edges[*].node.id").entityList(String.class).containsExactly(haircut);
		search.apply("0%义").path("activities.edges[*].node.id").entityList(String.class).containsExactly(haircut);
		// % and _ are the title's characters, not wildcards.
		search.apply("%").path("activities.edges[*].node.id").entityList(String.class).containsExactly(haircut);
		search.apply("_").path("activities.edges").entityList(Object.class).hasSize(0);
		// A blank search filters nothing; an overlong one is refused.
		search.apply("  ").path("activities.edges[*].node.id").entityList(String.class).containsExactly(plain, haircut);
		ApiErrors.expectCode(search.apply("义".repeat(61)), "BAD_REQUEST");
	}

	@Test
	void nearbyFindsPublishedActivitiesAndFollowsCancellation() {
		String near = this.s.published(Duration.ofDays(1), Duration.ofHours(2), 5);
		// The nearby index is patched after the commit.
		awaitListeners(this.jdbc);
		var search = this.s.api.anonymous().documentName("nearbyActivities")
			.variable("latitude", this.s.latitude + 0.01).variable("longitude", this.s.longitude)
			.variable("radiusMeters", 3000);
		search.execute().path("nearbyActivities[*].activity.id").entityList(String.class).containsExactly(near)
			.path("nearbyActivities[0].distanceMeters").entity(Double.class)
			.satisfies(d -> assertThat(d).isBetween(1000.0, 1200.0));
		// Outside the time range.
		search.variable("from", Instant.now().plus(Duration.ofDays(5)).toString()).execute()
			.path("nearbyActivities").entityList(Object.class).hasSize(0);

		this.s.move(this.s.admin, "cancelActivity", near);
		awaitListeners(this.jdbc);
		this.s.api.anonymous().documentName("nearbyActivities")
			.variable("latitude", this.s.latitude).variable("longitude", this.s.longitude).variable("radiusMeters", 3000)
			.execute().path("nearbyActivities").entityList(Object.class).hasSize(0);
	}

	@Test
	void aUnitWithUnfinishedActivitiesCannotBeClosed() {
		this.s.published(Duration.ofDays(1), Duration.ofHours(2), 5);
		Session center = this.s.api.login(Fixtures.unique("center-admin"));
		this.s.fixtures.grant(center.userId(), "CENTER_ADMIN", this.s.tree.center());
		ApiErrors.expectCode(this.s.api.as(center).documentName("closeOrgUnit")
			.variable("id", Long.toString(this.s.tree.station())).execute(), "ORG_UNIT_HAS_OPEN_WORK");
	}

}
