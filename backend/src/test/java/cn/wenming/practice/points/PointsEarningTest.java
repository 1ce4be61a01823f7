package cn.wenming.practice.points;

import java.math.BigDecimal;
import java.util.concurrent.ThreadLocalRandom;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.activity.HoursConfirmed;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.MutableClock;
import cn.wenming.practice.testinfra.Scenario;
import cn.wenming.practice.volunteer.ServiceCategory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Points are earned from what other features announce after their commits: confirmed activity
 * hours (10 per hour by default), completed needs (10 per participant-hour) and 4★+ ratings (20 to
 * each participant); each award once, however often its event arrives.
 */
@IntegrationTest
class PointsEarningTest {

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
	void confirmedActivityHoursShowInMyPoints() {
		Session volunteer = this.s.volunteer("earner");
		String signUpId = this.s.serveActivity(volunteer, this.clock, 2);

		this.s.settle();
		var points = this.s.api.as(volunteer).documentName("myPoints").execute();
		points.path("me.points.balance").entity(Integer.class).isEqualTo(20);
		points.path("me.points.earnedThisYear").entity(Integer.class).isEqualTo(20);
		this.s.entries(volunteer, null, null)
			.path("pointsEntries.edges[*].node.type").entityList(String.class).containsExactly("ACTIVITY_HOURS")
			.path("pointsEntries.edges[0].node.businessId").entity(String.class).isEqualTo(signUpId)
			.path("pointsEntries.edges[0].node.delta").entity(Integer.class).isEqualTo(20)
			.path("pointsEntries.edges[0].node.balanceAfter").entity(Integer.class).isEqualTo(20);
		assertThat(this.s.accountBalance(volunteer.userId())).isEqualTo(20L);
		assertThat(this.s.redisBalance(volunteer.userId())).isEqualTo(20L);
	}

	@Test
	void anHourAwardDeliveredTwiceIsMadeOnce() {
		Session volunteer = this.s.api.login(Fixtures.unique("twice"));
		long signUpId = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
		HoursConfirmed event = new HoursConfirmed(volunteer.userId(), 1L, signUpId, new BigDecimal("1.50"),
				ServiceCategory.CULTURE);

		// As the activity feature delivers it (inside a transaction, heard after the commit) — twice,
		// then once more outside any transaction (recorded, and left to the resubmission job).
		this.tx.executeWithoutResult(status -> this.publisher.publishEvent(event));
		this.tx.executeWithoutResult(status -> this.publisher.publishEvent(event));
		this.publisher.publishEvent(event);
		// What the resubmission job does with it, without waiting for the job's threshold.
		this.incomplete.resubmitIncompletePublications(publication -> event.equals(publication.getEvent()));
		this.s.settle();

		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM points_entry WHERE business_type = 'ACTIVITY_HOURS' AND business_id = ? AND user_id = ?",
				Integer.class, Long.toString(signUpId), volunteer.userId())).isEqualTo(1);
		assertThat(this.s.accountBalance(volunteer.userId())).isEqualTo(15L);
		assertThat(this.s.ledgerSum(volunteer.userId())).isEqualTo(15L);
		assertThat(this.s.balance(volunteer)).isEqualTo(15);
	}

	@Test
	void anAwardInsideARolledBackTransactionIsNeverMade() {
		Session volunteer = this.s.api.login(Fixtures.unique("rolledback"));
		long signUpId = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
		this.tx.executeWithoutResult(status -> {
			this.publisher.publishEvent(new HoursConfirmed(volunteer.userId(), 1L, signUpId, BigDecimal.ONE,
					ServiceCategory.CULTURE));
			status.setRollbackOnly();
		});
		assertThat(this.s.entryCount(volunteer.userId(), "ACTIVITY_HOURS")).isZero();
		assertThat(this.s.balance(volunteer)).isZero();
	}

	@Test
	void aRatingBeforeTheHoursAreConfirmedPaysItsBonusOnlyOnConfirmation() {
		Session resident = this.s.api.login(Fixtures.unique("resident"));
		Session volunteer = this.s.trainedVolunteer("early-rated");
		String needId = this.s.completeNeed(resident, volunteer, 1.5);
		this.s.rateNeed(resident, needId, 5).path("rateNeed.status").entity(String.class).isEqualTo("RATED");
		// The participant list is still the completer's claim: a good rating pays nothing on it.
		this.s.settle();
		assertThat(this.s.entryCount(volunteer.userId(), "RATING_BONUS")).isZero();
		assertThat(this.s.balance(volunteer)).isZero();

		this.s.confirmNeedHours(needId);
		assertThat(this.s.entryCount(volunteer.userId(), "NEED_COMPLETED")).isEqualTo(1);
		assertThat(this.s.entryCount(volunteer.userId(), "RATING_BONUS")).isEqualTo(1);
		assertThat(this.s.balance(volunteer)).isEqualTo(35);
		assertThat(this.s.ledgerSum(volunteer.userId())).isEqualTo(35L);
	}

	@Test
	void aCompletedNeedRatedFiveEarnsHoursAndTheBonus() {
		Session resident = this.s.api.login(Fixtures.unique("resident"));
		Session volunteer = this.s.trainedVolunteer("helper");
		String needId = this.s.completeNeed(resident, volunteer, 1.5);
		// A completion is a claim: nothing is earned until an admin who did not serve confirms the hours.
		this.s.settle();
		assertThat(this.s.entryCount(volunteer.userId(), "NEED_COMPLETED")).isZero();
		assertThat(this.s.balance(volunteer)).isZero();

		this.s.confirmNeedHours(needId);
		assertThat(this.s.entryCount(volunteer.userId(), "NEED_COMPLETED")).isEqualTo(1);
		assertThat(this.s.balance(volunteer)).isEqualTo(15);

		this.s.rateNeed(resident, needId, 5).path("rateNeed.status").entity(String.class).isEqualTo("RATED");
		this.s.settle();
		assertThat(this.jdbc.queryForList(
				"SELECT business_type FROM points_entry WHERE user_id = ? AND business_id = ? ORDER BY id", String.class,
				volunteer.userId(), needId)).containsExactly("NEED_COMPLETED", "RATING_BONUS");
		var points = this.s.api.as(volunteer).documentName("myPoints").execute();
		points.path("me.points.balance").entity(Integer.class).isEqualTo(35);
		points.path("me.points.earnedThisYear").entity(Integer.class).isEqualTo(35);
		assertThat(this.s.ledgerSum(volunteer.userId())).isEqualTo(35L);
		assertThat(this.s.redisBalance(volunteer.userId())).isEqualTo(35L);
		// The resident who rated earns nothing.
		assertThat(this.s.ledgerSum(resident.userId())).isZero();
	}

	@Test
	void aRatingBelowFourEarnsNoBonus() {
		Session resident = this.s.api.login(Fixtures.unique("resident"));
		Session volunteer = this.s.trainedVolunteer("helper");
		String needId = this.s.completeNeed(resident, volunteer, 1.0);
		this.s.confirmNeedHours(needId);
		this.s.rateNeed(resident, needId, 3).path("rateNeed.status").entity(String.class).isEqualTo("RATED");
		assertThat(this.s.entryCount(volunteer.userId(), "RATING_BONUS")).isZero();
		assertThat(this.s.balance(volunteer)).isEqualTo(10);
	}

}
