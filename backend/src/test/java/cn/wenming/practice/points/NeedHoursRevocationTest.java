package cn.wenming.practice.points;

import java.math.BigDecimal;
import java.util.Map;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.need.NeedHoursRevoked;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.MutableClock;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code revokeNeedHours} mirrors the activity's {@code revokeHours}: an admin covering the need
 * who did not serve it takes confirmed need hours back with a reason (checked by msgSecCheck, kept
 * with who and when on the participant), the credit hours follow, the points earned on them (hours
 * award and rating bonus) are reversed once, into debt when already spent, and the next award pays
 * the debt; Σ ledger = account = Redis throughout.
 */
@IntegrationTest
class NeedHoursRevocationTest {

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

	@Scenario
	PointsScenario s;

	@Test
	void revokingConfirmedNeedHoursTakesBackHoursAndPointsIntoDebtOnce() {
		Session volunteer = this.s.trainedVolunteer("need-revoked");
		Session resident = this.s.api.login(Fixtures.unique("resident"));
		String volunteerId = volunteerIdOf(volunteer);
		String needId = this.s.completeNeed(resident, volunteer, 2.0);
		this.s.confirmNeedHours(needId);
		this.s.rateNeed(resident, needId, 5).path("rateNeed.status").entity(String.class).isEqualTo("RATED");
		// 2 h × 10 and the rating bonus of 20, all spent.
		assertThat(this.s.balance(volunteer)).isEqualTo(40);
		this.s.spendAtStore(volunteer, 40);
		assertThat(this.s.assertConsistent(volunteer.userId())).isZero();

		// The participant, even made an admin of the station, does not revoke; nor does a plain volunteer.
		ApiErrors.expectCode(revoke(volunteer, needId, volunteerId, "本人撤销"), "FORBIDDEN");
		this.s.fixtures.grant(volunteer.userId(), "STATION_ADMIN", this.s.tree.station());
		ApiErrors.expectCode(revoke(volunteer, needId, volunteerId, "本人撤销"), "FORBIDDEN");
		ApiErrors.expectBadField(revoke(this.s.admin, needId, volunteerId, " "), "input.reason");
		ApiErrors.expectBadField(revoke(this.s.admin, needId, volunteerId, "长".repeat(201)), "input.reason");
		// The reason is shown to the volunteer: msgSecCheck first, nothing revoked on a failing text.
		ApiErrors.expectCode(revoke(this.s.admin, needId, volunteerId, "REVIEW 理由"), "CONTENT_NEEDS_REVIEW");
		ApiErrors.expectCode(revoke(this.s.admin, needId, volunteerId, "RISKY 理由"), "CONTENT_REJECTED");
		assertThat(creditHours(volunteer)).isEqualByComparingTo("2.0");
		assertThat(this.s.entryCount(volunteer.userId(), "REVERSAL")).isZero();

		revoke(this.s.admin, needId, volunteerId, "经核实未到场服务")
			.path("revokeNeedHours.participants[0].hoursStatus").entity(String.class).isEqualTo("REVOKED")
			.path("revokeNeedHours.participants[0].hours").entity(Double.class).isEqualTo(2.0)
			.path("revokeNeedHours.participants[0].revokeReason").entity(String.class).isEqualTo("经核实未到场服务")
			.path("revokeNeedHours.participants[0].revokedById").entity(String.class)
			.isEqualTo(Long.toString(this.s.admin.userId()))
			.path("revokeNeedHours.participants[0].revokedAt").entity(String.class)
			.satisfies(at -> assertThat(at).isNotBlank())
			.path("revokeNeedHours.participants[0].confirmedAt").entity(String.class)
			.satisfies(at -> assertThat(at).isNotBlank());
		assertThat(creditHours(volunteer)).isEqualByComparingTo("0");
		this.s.api.as(this.s.admin).documentName("volunteerStats").variable("id", volunteerId).execute()
			.path("volunteer.stats.needsCount").entity(Integer.class).isEqualTo(0)
			.path("volunteer.stats.hoursThisYear").entity(Double.class).isEqualTo(0.0)
			.path("volunteer.stats.pendingHours").entity(Double.class).isEqualTo(0.0);

		// Both awards reversed; spent, so it is debt, and the balance never goes negative.
		assertThat(this.s.entryCount(volunteer.userId(), "REVERSAL")).isEqualTo(2);
		assertThat(this.s.assertConsistent(volunteer.userId())).isZero();
		assertThat(this.s.accountDebt(volunteer.userId())).isEqualTo(40L);

		// Twice: a clear code; a redelivered event reverses nothing more.
		ApiErrors.expectCode(revoke(this.s.admin, needId, volunteerId, "再次撤销"), "NEED_HOURS_ALREADY_REVOKED");
		NeedHoursRevoked again = new NeedHoursRevoked(Long.parseLong(needId), volunteer.userId(),
				Long.parseLong(volunteerId), new BigDecimal("2.0"), this.clock.instant());
		this.tx.executeWithoutResult(status -> this.publisher.publishEvent(again));
		assertThat(this.s.entryCount(volunteer.userId(), "REVERSAL")).isEqualTo(2);
		assertThat(creditHours(volunteer)).isEqualByComparingTo("0");

		// The next award pays the debt first.
		this.s.serveActivity(volunteer, this.clock, 2);
		this.clock.reset();
		assertThat(this.s.assertConsistent(volunteer.userId())).isZero();
		assertThat(this.s.accountDebt(volunteer.userId())).isEqualTo(20L);
	}

	@Test
	void pendingHoursAreNotRevokedAndOnlyParticipantsAreFound() {
		Session volunteer = this.s.trainedVolunteer("need-pending");
		Session resident = this.s.api.login(Fixtures.unique("resident"));
		String needId = this.s.completeNeed(resident, volunteer, 1.0);
		ApiErrors.expectCode(revoke(this.s.admin, needId, volunteerIdOf(volunteer), "尚未确认"),
				"NEED_HOURS_NOT_CONFIRMED");
		Session stranger = this.s.volunteer("not-a-participant");
		ApiErrors.expectCode(revoke(this.s.admin, needId, volunteerIdOf(stranger), "不是参与者"), "NOT_FOUND");
		// An admin of another station's tree does not cover the need.
		Session outsider = this.s.api.login(Fixtures.unique("other-admin"));
		this.s.fixtures.grant(outsider.userId(), "STATION_ADMIN", this.s.fixtures.tree().station());
		this.s.confirmNeedHours(needId);
		ApiErrors.expectCode(revoke(outsider, needId, volunteerIdOf(volunteer), "越权"), "FORBIDDEN");
		assertThat(creditHours(volunteer)).isEqualByComparingTo("1.0");
		assertThat(this.s.balance(volunteer)).isEqualTo(10);
	}

	private GraphQlTester.Response revoke(Session as, String needId, String volunteerId, String reason) {
		return this.s.api.as(as).documentName("revokeNeedHours")
			.variable("input", Map.of("needId", needId, "volunteerId", volunteerId, "reason", reason))
			.execute();
	}

	private BigDecimal creditHours(Session volunteer) {
		return this.jdbc.queryForObject("SELECT credit_hours FROM volunteer WHERE user_id = ?", BigDecimal.class,
				volunteer.userId());
	}

	private String volunteerIdOf(Session volunteer) {
		return this.jdbc.queryForObject("SELECT id FROM volunteer WHERE user_id = ?", Long.class, volunteer.userId())
			.toString();
	}

}
