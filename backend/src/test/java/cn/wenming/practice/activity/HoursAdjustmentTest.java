package cn.wenming.practice.activity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.MutableClock;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A volunteer who checked in but never checked out gets nothing until the organiser resolves them:
 * {@code adjustHours} sets their hours (with a reason, at most the activity's length), after which
 * they can be confirmed like anyone else. The same corrects computed hours before confirmation.
 */
@IntegrationTest
class HoursAdjustmentTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Scenario
	ActivityScenario s;

	@Test
	void aMissingCheckOutIsResolvedByTheOrganiserAndThenConfirmed() {
		Instant start = Instant.now().plus(Duration.ofHours(1));
		String activityId = running(start);
		Session volunteer = checkedIn(activityId);
		String signUpId = signUpIdOf(volunteer, activityId);

		// Never checked out: cannot be confirmed yet.
		ApiErrors.expectCode(confirm(activityId, signUpId), "CHECK_OUT_MISSING");

		// Over the activity's 3 h, or without a reason: refused.
		ApiErrors.expectCode(adjust(this.s.admin, signUpId, 3.5, "忘记签退"), "BAD_REQUEST");
		ApiErrors.expectBadField(adjust(this.s.admin, signUpId, 2, " "), "reason");

		adjust(this.s.admin, signUpId, 2.5, "忘记签退，组织者核实在岗至 11:30")
			.path("adjustHours.hours").entity(Double.class).isEqualTo(2.5)
			.path("adjustHours.hoursAdjusted").entity(Boolean.class).isEqualTo(true)
			.path("adjustHours.hoursAdjustReason").entity(String.class).isEqualTo("忘记签退，组织者核实在岗至 11:30")
			.path("adjustHours.checkedOutAt").valueIsNull();
		assertThat(this.jdbc.queryForObject("SELECT hours_adjusted_by FROM activity_sign_up WHERE id = ?", Long.class,
				Long.valueOf(signUpId))).isEqualTo(this.s.admin.userId());

		confirm(activityId, signUpId).path("confirmHours[0].hoursConfirmed").entity(Boolean.class).isEqualTo(true);
		this.s.api.as(volunteer).documentName("myVolunteerHours").execute()
			.path("myVolunteer.creditHours").entity(Double.class).isEqualTo(2.5);

		// Once confirmed, hours are only revoked, never adjusted.
		ApiErrors.expectCode(adjust(this.s.admin, signUpId, 1, "再改"), "HOURS_ALREADY_CONFIRMED");
	}

	@Test
	void computedHoursCanBeCorrectedBeforeConfirmationAndALateCheckOutKeepsThem() {
		Instant start = Instant.now().plus(Duration.ofHours(1));
		String activityId = running(start);
		Session volunteer = checkedIn(activityId);
		String signUpId = signUpIdOf(volunteer, activityId);

		adjust(this.s.admin, signUpId, 1.25, "中途离岗一小时").path("adjustHours.hours").entity(Double.class)
			.isEqualTo(1.25);
		// The volunteer checks out afterwards: the organiser's hours stand.
		this.clock.set(start.plus(Duration.ofHours(3)));
		this.s.checkHere("checkOut", volunteer, activityId, this.s.code(activityId))
			.path("checkOut.hours").entity(Double.class).isEqualTo(1.25);
		confirm(activityId, signUpId).path("confirmHours[0].hours").entity(Double.class).isEqualTo(1.25);
	}

	@Test
	void onlyCheckedInSignUpsOfTheOrganisersActivityCanBeAdjusted() {
		Instant start = Instant.now().plus(Duration.ofHours(1));
		String activityId = running(start);
		Session absent = this.s.volunteer("absent");
		String absentSignUp = this.s.signUp(absent, activityId).path("signUp.id").entity(String.class).get();
		Session volunteer = checkedIn(activityId);
		String signUpId = signUpIdOf(volunteer, activityId);
		ApiErrors.expectCode(adjust(this.s.admin, absentSignUp, 1, "未签到"), "NOT_CHECKED_IN");

		Session outsider = this.s.api.login(Fixtures.unique("other-admin"));
		this.s.fixtures.grant(outsider.userId(), "STATION_ADMIN", this.s.fixtures.tree().station());
		ApiErrors.expectCode(adjust(outsider, signUpId, 1, "越权"), "FORBIDDEN");
		ApiErrors.expectCode(adjust(volunteer, signUpId, 3, "给自己加"), "FORBIDDEN");
	}

	/** A published 3-hour activity starting at {@code start}, already started. */
	private String running(Instant start) {
		String activityId = this.s.draft(start, start.plus(Duration.ofHours(3)), 10);
		this.s.move(this.s.admin, "publishActivity", activityId).path("publishActivity.status").entity(String.class)
			.isEqualTo("PUBLISHED");
		return activityId;
	}

	private Session checkedIn(String activityId) {
		Session volunteer = this.s.volunteer("adjusted");
		this.s.signUp(volunteer, activityId).path("signUp.status").entity(String.class).isEqualTo("CONFIRMED");
		this.s.checkHere("checkIn", volunteer, activityId, this.s.code(activityId)).path("checkIn.checkedInAt")
			.entity(String.class).satisfies(at -> assertThat(at).isNotBlank());
		if (this.s.api.as(this.s.admin).documentName("activity").variable("id", activityId).execute()
			.path("activity.status").entity(String.class).get().equals("PUBLISHED")) {
			this.s.move(this.s.admin, "startActivity", activityId).path("startActivity.status").entity(String.class)
				.isEqualTo("ONGOING");
		}
		return volunteer;
	}

	private String signUpIdOf(Session volunteer, String activityId) {
		return this.jdbc.queryForObject(
				"SELECT id FROM activity_sign_up WHERE user_id = ? AND activity_id = ? AND live_flag = 1", Long.class,
				volunteer.userId(), Long.valueOf(activityId)).toString();
	}

	private GraphQlTester.Response adjust(Session as, String signUpId, double hours, String reason) {
		return this.s.api.as(as).documentName("adjustHours").variable("signUpId", signUpId).variable("hours", hours)
			.variable("reason", reason).execute();
	}

	private GraphQlTester.Response confirm(String activityId, String signUpId) {
		return this.s.api.as(this.s.admin).documentName("confirmHours").variable("activityId", activityId)
			.variable("signUpIds", List.of(signUpId)).execute();
	}

}
