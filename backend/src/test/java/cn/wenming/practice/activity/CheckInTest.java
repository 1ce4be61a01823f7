package cn.wenming.practice.activity;

import java.time.Duration;
import java.util.List;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.MutableClock;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Every way an on-site check-in or check-out is refused, each with its own code, and nothing recorded. */
@IntegrationTest
class CheckInTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Scenario
	ActivityScenario s;

	String activityId;

	Session volunteer;

	@BeforeEach
	void setUp() {
		// Starts in an hour: the check-in window (from 2 h before the start) is open now.
		this.activityId = this.s.published(Duration.ofHours(1), Duration.ofHours(2), 5);
		this.volunteer = this.s.volunteer("checkin");
		this.s.signUp(this.volunteer, this.activityId).path("signUp.status").entity(String.class).isEqualTo("CONFIRMED");
	}

	/** How many sign-ups of the activity have a check-in recorded. */
	private int checkedIn() {
		return this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM activity_sign_up WHERE activity_id = ? AND checked_in_at IS NOT NULL",
				Integer.class, Long.parseLong(this.activityId));
	}

	@Test
	void anExpiredCodeIsRefused() {
		String token = this.s.code(this.activityId);
		this.clock.shift(Duration.ofSeconds(61));
		ApiErrors.expectCode(this.s.checkHere("checkIn", this.volunteer, this.activityId, token), "CHECK_IN_TOKEN_EXPIRED");
		assertThat(checkedIn()).isZero();
		// Within its 60 s it is accepted.
		this.clock.reset();
		this.s.checkHere("checkIn", this.volunteer, this.activityId, token).path("checkIn.checkedInAt")
			.entity(String.class).satisfies(at -> assertThat(at).isNotBlank());
	}

	@Test
	void aCodeOfAnotherActivityOrAForgedOneIsRefused() {
		String other = this.s.published(Duration.ofHours(1), Duration.ofHours(2), 5);
		String otherToken = this.s.code(other);
		ApiErrors.expectCode(this.s.checkHere("checkIn", this.volunteer, this.activityId, otherToken),
				"CHECK_IN_TOKEN_INVALID");
		// Rewriting the activity id inside a genuine token breaks its signature.
		String forged = this.activityId + otherToken.substring(otherToken.indexOf('.'));
		ApiErrors.expectCode(this.s.checkHere("checkIn", this.volunteer, this.activityId, forged),
				"CHECK_IN_TOKEN_INVALID");
		ApiErrors.expectCode(this.s.checkHere("checkIn", this.volunteer, this.activityId, "not-a-token"),
				"CHECK_IN_TOKEN_INVALID");
		assertThat(checkedIn()).isZero();
	}

	@Test
	void fiveKilometresAwayIsOutsideTheFence() {
		String token = this.s.code(this.activityId);
		// 0.045° of latitude is about 5 km.
		ApiErrors.expectCode(this.s.check("checkIn", this.volunteer, this.activityId, token, this.s.latitude + 0.045,
				this.s.longitude), "OUT_OF_GEOFENCE");
		// 300 m away is inside the default 500 m fence.
		this.s.check("checkIn", this.volunteer, this.activityId, token, this.s.latitude + 0.0027, this.s.longitude)
			.path("checkIn.status").entity(String.class).isEqualTo("CONFIRMED");
	}

	@Test
	void outsideTheTimeWindowIsRefused() {
		// Starts in 5 h: the window opens only in 3 h.
		String later = this.s.published(Duration.ofHours(5), Duration.ofHours(2), 5);
		this.s.signUp(this.volunteer, later);
		ApiErrors.expectCode(this.s.checkHere("checkIn", this.volunteer, later, this.s.code(later)),
				"OUTSIDE_CHECK_IN_WINDOW");
		// More than 2 h after the end of the first activity (start + 1 h + 2 h + 2 h).
		this.clock.shift(Duration.ofHours(5).plusMinutes(5));
		ApiErrors.expectCode(this.s.checkHere("checkIn", this.volunteer, this.activityId, this.s.code(this.activityId)),
				"OUTSIDE_CHECK_IN_WINDOW");
		assertThat(checkedIn()).isZero();
	}

	@Test
	void onlyConfirmedSignUpsCheckInAndOnlyOnce() {
		String token = this.s.code(this.activityId);
		Session stranger = this.s.volunteer("stranger");
		ApiErrors.expectCode(this.s.checkHere("checkIn", stranger, this.activityId, token), "NOT_SIGNED_UP");
		ApiErrors.expectCode(this.s.checkHere("checkOut", this.volunteer, this.activityId, token), "NOT_CHECKED_IN");

		this.s.checkHere("checkIn", this.volunteer, this.activityId, token);
		ApiErrors.expectCode(this.s.checkHere("checkIn", this.volunteer, this.activityId, token), "ALREADY_CHECKED_IN");

		// Checked in but never checked out: no hours until the organiser resolves it.
		this.s.move(this.s.admin, "startActivity", this.activityId);
		String signUpId = this.s.api.as(this.s.admin).documentName("activitySignUps")
			.variable("activityId", this.activityId).execute()
			.path("activitySignUps.edges[0].node.id").entity(String.class).get();
		ApiErrors.expectCode(this.s.api.as(this.s.admin).documentName("confirmHours")
			.variable("activityId", this.activityId).variable("signUpIds", List.of(signUpId)).execute(),
				"CHECK_OUT_MISSING");
		assertThat(this.jdbc.queryForObject("SELECT credit_hours FROM volunteer WHERE user_id = ?", Double.class,
				this.volunteer.userId())).isZero();
	}

	@Test
	void aConfirmedPersonWhoNeverCameIsMarkedNoShow() {
		this.s.move(this.s.admin, "startActivity", this.activityId);
		String signUpId = this.s.api.as(this.s.admin).documentName("activitySignUps")
			.variable("activityId", this.activityId).execute()
			.path("activitySignUps.edges[0].node.id").entity(String.class).get();
		this.s.api.as(this.s.admin).documentName("markNoShow").variable("activityId", this.activityId)
			.variable("signUpIds", List.of(signUpId)).execute()
			.path("markNoShow[0].status").entity(String.class).isEqualTo("NO_SHOW");
		ApiErrors.expectCode(this.s.checkHere("checkIn", this.volunteer, this.activityId, this.s.code(this.activityId)),
				"NOT_SIGNED_UP");
	}

}
