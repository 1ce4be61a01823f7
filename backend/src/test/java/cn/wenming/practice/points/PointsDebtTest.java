package cn.wenming.practice.points;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.activity.HoursConfirmed;
import cn.wenming.practice.activity.HoursRevoked;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.MutableClock;
import cn.wenming.practice.testinfra.Scenario;
import cn.wenming.practice.volunteer.ServiceCategory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Corrections are never lost (issue 13, must-show 5): revoking hours whose points were already
 * spent in the 爱心超市 takes what the balance has and records the rest as debt; the next awards
 * pay it first. The balance never goes negative, and Σ ledger = account balance = Redis balance
 * (and Σ debt changes = account debt) after every step.
 */
@IntegrationTest
class PointsDebtTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	ApplicationEventPublisher publisher;

	@Autowired
	TransactionTemplate tx;

	@Scenario
	PointsScenario s;

	@Test
	void spentPointsThatAreRevokedBecomeDebtWhichTheNextAwardsPayFirst() {
		Session volunteer = this.s.volunteer("debtor");
		long userId = volunteer.userId();
		String signUpId = this.s.serveActivity(volunteer, this.clock, 2);
		assertThat(this.s.assertConsistent(userId)).isEqualTo(20L);
		this.s.spendAtStore(volunteer, 15);
		assertThat(this.s.assertConsistent(userId)).isEqualTo(5L);

		this.s.api.as(this.s.admin).documentName("revokeHours").variable("signUpId", signUpId)
			.variable("reason", "签到代签，经核实未到场").execute().path("revokeHours.hoursRevoked").entity(Boolean.class)
			.isEqualTo(true);
		// The reversal took the 5 left; the 15 spent are owed.
		assertThat(this.s.assertConsistent(userId)).isZero();
		assertThat(this.s.accountDebt(userId)).isEqualTo(15L);
		points(volunteer, 0, 15, 0);
		Map<String, Object> reversal = this.jdbc.queryForMap(
				"SELECT delta, debt_change, debt_after, balance_after, business_id FROM points_entry WHERE user_id = ? AND business_type = 'REVERSAL'",
				userId);
		assertThat(reversal).containsEntry("delta", -5).containsEntry("debt_change", 15).containsEntry("debt_after", 15)
			.containsEntry("balance_after", 0);
		// Nothing to spend while in debt.
		assertThat(this.s.balance(volunteer)).isZero();

		// The next award is posted in full and pays the debt first: +10, then −10 repaid.
		this.s.serveActivity(volunteer, this.clock, 1);
		assertThat(this.s.assertConsistent(userId)).isZero();
		assertThat(this.s.accountDebt(userId)).isEqualTo(5L);
		points(volunteer, 0, 5, 10);
		// The one after pays the rest and keeps what is left: +20, −5 repaid.
		this.s.serveActivity(volunteer, this.clock, 2);
		assertThat(this.s.assertConsistent(userId)).isEqualTo(15L);
		assertThat(this.s.accountDebt(userId)).isZero();
		// Earned this year: 20 + 10 + 20, less the revoked 20 in full (also the part that was debt).
		points(volunteer, 15, 0, 30);

		// The ledger as the volunteer reads it (newest first), every line explained.
		this.s.entries(volunteer, 20, null).path("pointsEntries.edges[*].node.type").entityList(String.class)
			.containsExactly("DEBT_REPAYMENT", "ACTIVITY_HOURS", "DEBT_REPAYMENT", "ACTIVITY_HOURS", "REVERSAL",
					"REDEMPTION", "ACTIVITY_HOURS")
			.path("pointsEntries.edges[*].node.delta").entityList(Integer.class)
			.containsExactly(-5, 20, -10, 10, -5, -15, 20)
			.path("pointsEntries.edges[*].node.debtChange").entityList(Integer.class)
			.containsExactly(-5, 0, -10, 0, 15, 0, 0)
			.path("pointsEntries.edges[*].node.debtAfter").entityList(Integer.class)
			.containsExactly(0, 5, 5, 15, 15, 0, 0);
		// Each repayment names the award that paid it.
		assertThat(this.jdbc.queryForList("""
				SELECT COUNT(*) FROM points_entry r JOIN points_entry a ON a.id = CAST(r.business_id AS UNSIGNED)
				WHERE r.user_id = ? AND r.business_type = 'DEBT_REPAYMENT' AND a.business_type = 'ACTIVITY_HOURS'
				""", Integer.class, userId)).containsExactly(2);
		assertChains(userId);
		// A repayment goes with its award: it cannot be reversed alone.
		String repaymentId = this.jdbc.queryForObject(
				"SELECT MAX(id) FROM points_entry WHERE user_id = ? AND business_type = 'DEBT_REPAYMENT'", Long.class,
				userId).toString();
		ApiErrors.expectCode(this.s.reverse(this.s.admin, repaymentId, "冲正偿还"), "POINTS_ENTRY_NOT_REVERSIBLE");
	}

	@Test
	void aRefundOfWhatWasSpentPaysTheDebtInTheStoresTransaction() {
		Session volunteer = this.s.volunteer("debt-refund");
		long userId = volunteer.userId();
		String signUpId = this.s.serveActivity(volunteer, this.clock, 2);
		String orderId = this.s.spendAtStore(volunteer, 15);
		this.s.api.as(this.s.admin).documentName("revokeHours").variable("signUpId", signUpId)
			.variable("reason", "核实有误").execute().path("revokeHours.hoursRevoked").entity(Boolean.class).isEqualTo(true);
		assertThat(this.s.assertConsistent(userId)).isZero();
		assertThat(this.s.accountDebt(userId)).isEqualTo(15L);

		// Cancelling the order gives the 15 back, and they go to the debt first: nothing to spend.
		this.s.api.as(volunteer).documentName("cancelRedemption").variable("id", orderId).execute()
			.path("cancelRedemption.status").entity(String.class).isEqualTo("CANCELLED");
		assertThat(this.s.assertConsistent(userId)).isZero();
		assertThat(this.s.accountDebt(userId)).isZero();
		assertThat(this.s.entryCount(userId, "REDEMPTION_REFUND")).isEqualTo(1);
		assertThat(this.s.entryCount(userId, "DEBT_REPAYMENT")).isEqualTo(1);
		points(volunteer, 0, 0, 0);
		assertChains(userId);
	}

	@Test
	void aRevocationRacingSpendingNeverGoesNegativeNorLosesAPoint() throws Exception {
		Session volunteer = this.s.volunteer("debt-race");
		long userId = volunteer.userId();
		long signUpId = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
		this.tx.executeWithoutResult(status -> this.publisher.publishEvent(
				new HoursConfirmed(userId, 1L, signUpId, new BigDecimal("4.00"), ServiceCategory.CULTURE)));
		assertThat(this.s.assertConsistent(userId)).isEqualTo(40L);

		// Ten deductions of 6 and the revocation of the 40, all at once.
		ExecutorService pool = Executors.newFixedThreadPool(11);
		List<String> outcomes = new ArrayList<>();
		try {
			CountDownLatch go = new CountDownLatch(1);
			List<Future<String>> results = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				results.add(pool.submit(() -> {
					go.await();
					String code = ApiErrors.codeOf(this.s.adjust(this.s.admin, userId, -6, "扣减"));
					return (code != null) ? code : "OK";
				}));
			}
			results.add(pool.submit(() -> {
				go.await();
				this.tx.executeWithoutResult(status -> this.publisher
					.publishEvent(new HoursRevoked(userId, 1L, signUpId, new BigDecimal("4.00"))));
				return "REVOKED";
			}));
			go.countDown();
			for (Future<String> result : results) {
				outcomes.add(result.get(120, TimeUnit.SECONDS));
			}
		}
		finally {
			pool.shutdownNow();
		}
		long deducted = outcomes.stream().filter("OK"::equals).count();
		assertThat(outcomes.stream().filter(o -> !o.equals("OK") && !o.equals("REVOKED")))
			.allMatch("POINTS_INSUFFICIENT"::equals);

		long balance = this.s.assertConsistent(userId);
		long debt = this.s.accountDebt(userId);
		assertThat(this.s.entryCount(userId, "REVERSAL")).isEqualTo(1);
		// Every point accounted for: 40 earned − 40 revoked − 6 per deduction = balance − debt.
		assertThat(balance - debt).isEqualTo(-6 * deducted);
		assertThat(balance).isNotNegative();
		assertThat(debt).isNotNegative();
		assertChains(userId);

		// The next award pays the debt first; what is left is spendable.
		long next = signUpId + 1;
		this.tx.executeWithoutResult(status -> this.publisher.publishEvent(
				new HoursConfirmed(userId, 1L, next, new BigDecimal("10.00"), ServiceCategory.CULTURE)));
		assertThat(this.s.assertConsistent(userId)).isEqualTo(balance + 100 - debt);
		assertThat(this.s.accountDebt(userId)).isZero();
		assertChains(userId);
	}

	private void points(Session volunteer, int balance, int debt, int earnedThisYear) {
		this.s.settle();
		this.s.api.as(volunteer).documentName("myPoints").execute().path("me.points.balance").entity(Integer.class)
			.isEqualTo(balance)
			.path("me.points.debt").entity(Integer.class).isEqualTo(debt)
			.path("me.points.earnedThisYear").entity(Integer.class).isEqualTo(earnedThisYear);
	}

	/** Every entry's balance and debt after it are the previous ones plus its changes, never negative. */
	private void assertChains(long userId) {
		List<int[]> chain = this.jdbc.query(
				"SELECT delta, balance_after, debt_change, debt_after FROM points_entry WHERE user_id = ? ORDER BY id",
				(rs, n) -> new int[] { rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4) }, userId);
		int balance = 0;
		int debt = 0;
		for (int[] entry : chain) {
			balance += entry[0];
			debt += entry[2];
			assertThat(entry[1]).isEqualTo(balance).isNotNegative();
			assertThat(entry[3]).isEqualTo(debt).isNotNegative();
		}
	}

}
