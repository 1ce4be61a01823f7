package cn.wenming.practice.points;

import java.math.BigDecimal;
import java.util.concurrent.ThreadLocalRandom;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.activity.HoursConfirmed;
import cn.wenming.practice.activity.HoursRevoked;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.MutableClock;
import cn.wenming.practice.testinfra.Scenario;
import cn.wenming.practice.volunteer.ServiceCategory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Revoking confirmed hours is a recorded reversal: the sign-up stays (stamped revoked), the hours
 * leave the volunteer's credit hours (and the star follows), and the points award is reversed by
 * a REVERSAL entry, once however often the event arrives.
 */
@IntegrationTest
class HoursRevocationTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	MutableClock clock;

	@Autowired
	ApplicationEventPublisher publisher;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	IncompleteEventPublications incomplete;

	@Scenario
	PointsScenario s;

	@Test
	void revokingConfirmedHoursTakesBackHoursStarAndPoints() {
		Session volunteer = this.s.volunteer("revoked");
		// 98.5 h before the activity, so its 2 h cross the 1★ line at 100 h.
		this.jdbc.update("UPDATE volunteer SET credit_hours = 98.5 WHERE user_id = ?", volunteer.userId());
		String signUpId = this.s.serveActivity(volunteer, this.clock, 2);
		assertThat(creditHours(volunteer)).isEqualByComparingTo("100.5");
		star(volunteer).isEqualTo(1);
		assertThat(this.s.balance(volunteer)).isEqualTo(20);

		revoke(this.s.admin, signUpId, "签到代签，经核实未到场").path("revokeHours.hoursRevoked").entity(Boolean.class)
			.isEqualTo(true)
			.path("revokeHours.hoursConfirmed").entity(Boolean.class).isEqualTo(true)
			.path("revokeHours.hours").entity(Double.class).isEqualTo(2.0)
			.path("revokeHours.hoursRevokeReason").entity(String.class).isEqualTo("签到代签，经核实未到场");

		// The sign-up row stays, stamped with who revoked it.
		assertThat(this.jdbc.queryForObject("SELECT hours_revoked_by FROM activity_sign_up WHERE id = ?", Long.class,
				Long.valueOf(signUpId))).isEqualTo(this.s.admin.userId());
		assertThat(creditHours(volunteer)).isEqualByComparingTo("98.5");
		star(volunteer).isEqualTo(0);
		assertThat(this.s.balance(volunteer)).isZero();
		assertThat(this.s.accountBalance(volunteer.userId())).isZero();
		assertThat(this.s.redisBalance(volunteer.userId())).isZero();
		assertThat(this.s.ledgerSum(volunteer.userId())).isZero();
		String awardId = this.jdbc.queryForObject(
				"SELECT id FROM points_entry WHERE user_id = ? AND business_type = 'ACTIVITY_HOURS' AND business_id = ?",
				Long.class, volunteer.userId(), signUpId).toString();
		assertThat(this.jdbc.queryForList(
				"SELECT delta FROM points_entry WHERE user_id = ? AND business_type = 'REVERSAL' AND business_id = ?",
				Integer.class, volunteer.userId(), awardId)).containsExactly(-20);
		this.s.api.as(volunteer).documentName("myPoints").execute().path("me.points.earnedThisYear")
			.entity(Integer.class).isEqualTo(0);

		// Twice: a clear code, nothing taken twice.
		ApiErrors.expectCode(revoke(this.s.admin, signUpId, "再次撤销"), "HOURS_ALREADY_REVOKED");
		assertThat(creditHours(volunteer)).isEqualByComparingTo("98.5");
		assertThat(this.s.entryCount(volunteer.userId(), "REVERSAL")).isEqualTo(1);
	}

	@Test
	void creditHoursNeverGoBelowZero() {
		Session volunteer = this.s.volunteer("floor");
		String signUpId = this.s.serveActivity(volunteer, this.clock, 2);
		// An earlier correction already lowered the total below this sign-up's hours.
		this.jdbc.update("UPDATE volunteer SET credit_hours = 0.5 WHERE user_id = ?", volunteer.userId());
		revoke(this.s.admin, signUpId, "核实有误").path("revokeHours.hoursRevoked").entity(Boolean.class).isEqualTo(true);
		assertThat(creditHours(volunteer)).isEqualByComparingTo("0");
	}

	@Test
	void revokingHoursThatWereNeverConfirmedIsRefused() {
		Session volunteer = this.s.volunteer("unconfirmed");
		String signUpId = this.s.serveActivity(volunteer, this.clock, 1);
		// Same state as never confirmed: a sign-up whose confirmation is not there.
		this.jdbc.update("UPDATE activity_sign_up SET hours_confirmed_at = NULL WHERE id = ?", Long.valueOf(signUpId));
		ApiErrors.expectCode(revoke(this.s.admin, signUpId, "未确认"), "HOURS_NOT_CONFIRMED");
		ApiErrors.expectCode(revoke(this.s.admin, "987654321012", "不存在"), "NOT_FOUND");
	}

	@Test
	void onlyAnAdminCoveringTheActivityMayRevoke() {
		Session volunteer = this.s.volunteer("guarded");
		String signUpId = this.s.serveActivity(volunteer, this.clock, 1);
		Session outsider = this.s.api.login(Fixtures.unique("other-admin"));
		this.s.fixtures.grant(outsider.userId(), "STATION_ADMIN", this.s.fixtures.tree().station());
		ApiErrors.expectCode(revoke(outsider, signUpId, "越权"), "FORBIDDEN");
		ApiErrors.expectCode(revoke(volunteer, signUpId, "本人"), "FORBIDDEN");
		ApiErrors.expectBadField(revoke(this.s.admin, signUpId, " "), "reason");
		assertThat(creditHours(volunteer)).isEqualByComparingTo("1");
		assertThat(this.s.balance(volunteer)).isEqualTo(10);
	}

	@Test
	void aRevocationDeliveredTwiceIsReversedOnce() {
		Session volunteer = this.s.api.login(Fixtures.unique("twice-revoked"));
		long signUpId = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
		this.tx.executeWithoutResult(status -> this.publisher.publishEvent(new HoursConfirmed(volunteer.userId(), 1L,
				signUpId, new BigDecimal("3.00"), ServiceCategory.CULTURE)));
		// The award is made after that commit, on another thread: the revocation comes after it.
		this.s.settle();
		assertThat(this.s.entryCount(volunteer.userId(), "ACTIVITY_HOURS")).isEqualTo(1);
		HoursRevoked revoked = new HoursRevoked(volunteer.userId(), 1L, signUpId, new BigDecimal("3.00"));

		this.tx.executeWithoutResult(status -> this.publisher.publishEvent(revoked));
		this.tx.executeWithoutResult(status -> this.publisher.publishEvent(revoked));
		this.publisher.publishEvent(revoked);
		// What the resubmission job does with it, without waiting for the job's threshold.
		this.incomplete.resubmitIncompletePublications(publication -> revoked.equals(publication.getEvent()));

		assertThat(this.s.entryCount(volunteer.userId(), "REVERSAL")).isEqualTo(1);
		assertThat(this.s.accountBalance(volunteer.userId())).isZero();
		assertThat(this.s.ledgerSum(volunteer.userId())).isZero();
		assertThat(this.s.balance(volunteer)).isZero();
	}

	private GraphQlTester.Response revoke(Session as, String signUpId, String reason) {
		return this.s.api.as(as).documentName("revokeHours").variable("signUpId", signUpId).variable("reason", reason)
			.execute();
	}

	private BigDecimal creditHours(Session volunteer) {
		return this.jdbc.queryForObject("SELECT credit_hours FROM volunteer WHERE user_id = ?", BigDecimal.class,
				volunteer.userId());
	}

	private org.springframework.graphql.test.tester.GraphQlTester.Entity<Integer, ?> star(Session volunteer) {
		return this.s.api.as(volunteer).documentName("myVolunteer").execute().path("myVolunteer.star")
			.entity(Integer.class);
	}

}
