package cn.wenming.practice.activity;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 * Nobody confirms their own hours (issue 13, must-show 2): an admin who took part in an activity
 * (signed up to it) cannot confirm, adjust or revoke hours on it — neither their own nor a fellow
 * participant's, who would vouch for them in return. Another admin covering the activity does.
 * Tried as the dishonest admin would: a station admin who is also a volunteer serves, then tries
 * to credit themselves.
 */
@IntegrationTest
class OwnActivityHoursTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Scenario
	ActivityScenario s;

	@Test
	void anAdminWhoTookPartCannotConfirmAdjustOrRevokeHoursOnTheActivity() {
		// A second admin of the station who also volunteers, and an ordinary volunteer.
		Session insider = this.s.volunteer("admin-volunteer");
		this.s.fixtures.grant(insider.userId(), "STATION_ADMIN", this.s.tree.station());
		Session peer = this.s.volunteer("peer");
		String activityId = attendedBy(null, insider, peer);
		String own = signUpIdOf(insider, activityId);
		String peers = signUpIdOf(peer, activityId);

		// Their own hours, their fellow participant's, or both at once: refused, and nothing is credited.
		ApiErrors.expectCode(confirm(insider, activityId, own), "FORBIDDEN");
		ApiErrors.expectCode(confirm(insider, activityId, peers), "FORBIDDEN");
		ApiErrors.expectCode(confirm(insider, activityId, peers, own), "FORBIDDEN");
		ApiErrors.expectCode(adjust(insider, own, 2, "本人在岗，时长补足"), "FORBIDDEN");
		ApiErrors.expectCode(adjust(insider, peers, 2, "同伴在岗"), "FORBIDDEN");
		assertThat(this.jdbc.queryForObject("""
				SELECT COUNT(*) FROM activity_sign_up
				WHERE activity_id = ? AND (hours_confirmed_at IS NOT NULL OR hours_adjusted_at IS NOT NULL)""",
				Integer.class, Long.valueOf(activityId))).isZero();
		assertThat(creditHoursOf(insider)).isEqualByComparingTo("0");

		// The organiser, who did not take part, confirms.
		confirm(this.s.admin, activityId, own, peers).path("confirmHours[*].hoursConfirmed").entityList(Boolean.class)
			.containsExactly(true, true);
		assertThat(creditHoursOf(insider)).isEqualByComparingTo("2");

		// Revoking is judging the hours too: not by a participant, whoever's they are.
		ApiErrors.expectCode(revoke(insider, peers, "同伴早退"), "FORBIDDEN");
		ApiErrors.expectCode(revoke(insider, own, "撤销本人"), "FORBIDDEN");
		revoke(this.s.admin, peers, "核实早退").path("revokeHours.hoursRevoked").entity(Boolean.class).isEqualTo(true);
	}

	@Test
	void anAdminHigherUpWhoTookPartIsRefusedTooButOneWhoWithdrewIsNot() {
		// A 所 admin covers the station's activity from above; signing up makes them a participant all the same.
		Session institute = this.s.volunteer("institute-volunteer");
		this.s.fixtures.grant(institute.userId(), "INSTITUTE_ADMIN", this.s.tree.institute());
		// A station admin who signed up and withdrew before the activity did not take part.
		Session withdrawn = this.s.volunteer("withdrawn-admin");
		this.s.fixtures.grant(withdrawn.userId(), "STATION_ADMIN", this.s.tree.station());
		Session peer = this.s.volunteer("peer");
		String activityId = attendedBy(withdrawn, institute, peer);

		ApiErrors.expectCode(confirm(institute, activityId, signUpIdOf(institute, activityId)), "FORBIDDEN");
		ApiErrors.expectCode(confirm(institute, activityId, signUpIdOf(peer, activityId)), "FORBIDDEN");
		confirm(withdrawn, activityId, signUpIdOf(institute, activityId), signUpIdOf(peer, activityId))
			.path("confirmHours[*].hoursConfirmed").entityList(Boolean.class).containsExactly(true, true);
	}

	/**
	 * A finished 2-hour activity the volunteers attended (checked in and out), with no hours
	 * confirmed; {@code withdrawing} signed up and withdrew before it started.
	 */
	private String attendedBy(Session withdrawing, Session... volunteers) {
		this.clock.reset();
		Instant start = this.clock.instant().plus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.MILLIS);
		String id = this.s.draft(start, start.plus(Duration.ofHours(2)), 10);
		this.s.move(this.s.admin, "publishActivity", id).path("publishActivity.status").entity(String.class)
			.isEqualTo("PUBLISHED");
		if (withdrawing != null) {
			this.s.signUp(withdrawing, id).path("signUp.status").entity(String.class).isEqualTo("CONFIRMED");
			this.s.api.as(withdrawing).documentName("cancelSignUp").variable("activityId", id).execute()
				.path("cancelSignUp.status").entity(String.class).isEqualTo("CANCELLED");
		}
		for (Session v : volunteers) {
			this.s.signUp(v, id).path("signUp.status").entity(String.class).isEqualTo("CONFIRMED");
			this.s.checkHere("checkIn", v, id, this.s.code(id)).path("checkIn.checkedInAt").hasValue();
		}
		this.s.move(this.s.admin, "startActivity", id).path("startActivity.status").entity(String.class)
			.isEqualTo("ONGOING");
		this.clock.shift(Duration.ofHours(3));
		for (Session v : volunteers) {
			this.s.checkHere("checkOut", v, id, this.s.code(id)).path("checkOut.hours").entity(Double.class)
				.isEqualTo(2.0);
		}
		this.s.move(this.s.admin, "finishActivity", id).path("finishActivity.status").entity(String.class)
			.isEqualTo("FINISHED");
		this.clock.reset();
		return id;
	}

	private String signUpIdOf(Session volunteer, String activityId) {
		return this.jdbc.queryForObject(
				"SELECT id FROM activity_sign_up WHERE user_id = ? AND activity_id = ? AND live_flag = 1", Long.class,
				volunteer.userId(), Long.valueOf(activityId)).toString();
	}

	private BigDecimal creditHoursOf(Session volunteer) {
		return this.jdbc.queryForObject("SELECT credit_hours FROM volunteer WHERE user_id = ?", BigDecimal.class,
				volunteer.userId());
	}

	private GraphQlTester.Response confirm(Session as, String activityId, String... signUpIds) {
		return this.s.api.as(as).documentName("confirmHours").variable("activityId", activityId)
			.variable("signUpIds", List.of(signUpIds)).execute();
	}

	private GraphQlTester.Response adjust(Session as, String signUpId, double hours, String reason) {
		return this.s.api.as(as).documentName("adjustHours").variable("signUpId", signUpId).variable("hours", hours)
			.variable("reason", reason).execute();
	}

	private GraphQlTester.Response revoke(Session as, String signUpId, String reason) {
		return this.s.api.as(as).documentName("revokeHours").variable("signUpId", signUpId).variable("reason", reason)
			.execute();
	}

}
