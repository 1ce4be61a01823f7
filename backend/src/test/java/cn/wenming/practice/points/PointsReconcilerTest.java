package cn.wenming.practice.points;

import java.time.Duration;
import java.time.Instant;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.MutableClock;
import cn.wenming.practice.testinfra.Scenario;
import cn.wenming.practice.testinfra.SqlCounter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An award whose event was lost (simulated by removing the entry and its balance change, as if the
 * process died right after the business commit) is replayed from MySQL by the reconciler, once.
 */
@IntegrationTest
class PointsReconcilerTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	MutableClock clock;

	@Autowired
	SqlCounter sql;

	@Scenario
	PointsScenario s;

	@Test
	void missedAwardsAreReplayedOnce() {
		Instant since = Instant.now().minus(Duration.ofMinutes(1));
		Session resident = this.s.api.login(Fixtures.unique("resident"));
		Session volunteer = this.s.trainedVolunteer("missed");
		String needId = this.s.completeNeed(resident, volunteer, 2.0);
		this.s.confirmNeedHours(needId);
		this.s.rateNeed(resident, needId, 4);
		String signUpId = this.s.serveActivity(volunteer, this.clock, 1);
		this.clock.reset();
		long userId = volunteer.userId();
		assertThat(this.s.ledgerSum(userId)).isEqualTo(20 + 20 + 10);

		// The awards "never happened": test-only surgery on the ledger the application never does.
		this.jdbc.update("DELETE FROM points_entry WHERE user_id = ?", userId);
		this.jdbc.update("UPDATE points_account SET balance = 0 WHERE user_id = ?", userId);
		this.redis.delete(PointsBalanceCache.key(userId));

		Session center = this.s.api.login(Fixtures.unique("center"));
		this.s.fixtures.grant(center.userId(), "CENTER_ADMIN", this.s.tree.center());
		ApiErrors.expectCode(reconcile(this.s.admin, since), "FORBIDDEN");
		ApiErrors.expectCode(reconcile(center, Instant.now().minus(Duration.ofDays(400))), "BAD_REQUEST");

		// The schedule is off in tests (application-test.yml), so this run replays our three (and would
		// replay any other award missed since then in the shared database); a second run replays none.
		reconcile(center, since).path("reconcilePoints.awardsReplayed").entity(Integer.class)
			.satisfies(n -> assertThat(n).isGreaterThanOrEqualTo(3));
		reconcile(center, since).path("reconcilePoints.awardsReplayed").entity(Integer.class).isEqualTo(0);
		assertThat(this.jdbc.queryForList("SELECT business_type FROM points_entry WHERE user_id = ? ORDER BY business_type",
				String.class, userId)).containsExactly("ACTIVITY_HOURS", "NEED_COMPLETED", "RATING_BONUS");
		assertThat(this.jdbc.queryForObject(
				"SELECT business_id FROM points_entry WHERE user_id = ? AND business_type = 'ACTIVITY_HOURS'", String.class,
				userId)).isEqualTo(signUpId);
		assertThat(this.s.ledgerSum(userId)).isEqualTo(50L);
		assertThat(this.s.accountBalance(userId)).isEqualTo(50L);
		assertThat(this.s.balance(volunteer)).isEqualTo(50);
	}

	@Test
	void aMissedReversalOfRevokedHoursIsReplayedOnce() {
		Instant since = Instant.now().minus(Duration.ofMinutes(1));
		Session volunteer = this.s.volunteer("missed-reversal");
		String signUpId = this.s.serveActivity(volunteer, this.clock, 2);
		this.clock.reset();
		long userId = volunteer.userId();
		assertThat(this.s.ledgerSum(userId)).isEqualTo(20L);
		// Hours revoked, but the HoursRevoked listener never ran (the process died after the commit).
		this.jdbc.update("UPDATE activity_sign_up SET hours_revoked_at = ?, hours_revoke_reason = '测试' WHERE id = ?",
				java.sql.Timestamp.from(Instant.now()), Long.valueOf(signUpId));
		Session center = this.s.api.login(Fixtures.unique("center"));
		this.s.fixtures.grant(center.userId(), "CENTER_ADMIN", this.s.tree.center());

		reconcile(center, since).path("reconcilePoints.awardsReplayed").entity(Integer.class)
			.satisfies(n -> assertThat(n).isGreaterThanOrEqualTo(1));
		assertThat(this.s.entryCount(userId, "REVERSAL")).isEqualTo(1);
		reconcile(center, since);
		assertThat(this.s.entryCount(userId, "REVERSAL")).isEqualTo(1);
		assertThat(this.s.ledgerSum(userId)).isZero();
		assertThat(this.s.accountBalance(userId)).isZero();
		assertThat(this.s.balance(volunteer)).isZero();
	}

	@Test
	void anAccountThatDriftedFromItsLedgerIsRepairedAndTheRepairRecorded() {
		Session volunteer = this.s.volunteer("drift");
		long userId = volunteer.userId();
		this.s.adjust(this.s.admin, userId, 10, "补录");
		Session center = this.s.api.login(Fixtures.unique("center"));
		this.s.fixtures.grant(center.userId(), "CENTER_ADMIN", this.s.tree.center());
		// Someone edits the account by hand, and a cache miss then spreads the wrong balance to Redis.
		this.jdbc.update("UPDATE points_account SET balance = balance + 7, debt = 3 WHERE user_id = ?", userId);
		this.redis.delete(PointsBalanceCache.key(userId));
		assertThat(this.s.balance(volunteer)).isEqualTo(17);
		assertThat(this.s.redisBalance(userId)).isEqualTo(17L);

		var result = reconcile(center, Instant.now().minus(Duration.ofMinutes(1)));
		result.path("reconcilePoints.driftedUserIds").entityList(String.class).contains(Long.toString(userId));
		result.path("reconcilePoints.accountsRepaired").entity(Integer.class).satisfies(n -> assertThat(n).isPositive());

		assertThat(this.s.accountBalance(userId)).isEqualTo(10L);
		assertThat(this.s.accountDebt(userId)).isZero();
		assertThat(this.s.redisBalance(userId)).isEqualTo(10L);
		assertThat(this.s.balance(volunteer)).isEqualTo(10);
		this.s.assertConsistent(userId);
		// The ledger itself is untouched; the repair is in its own trail, with who ran it.
		assertThat(this.s.entryCount(userId, "ADJUSTMENT")).isEqualTo(1);
		assertThat(this.jdbc.queryForList(
				"SELECT CONCAT_WS(',', balance_before, balance_after, debt_before, debt_after, operator_id) FROM points_repair WHERE user_id = ?",
				String.class, userId)).containsExactly("17,10,3,0," + center.userId());

		// Nothing left to repair: a second run repairs nothing for this user and records nothing.
		reconcile(center, Instant.now().minus(Duration.ofMinutes(1))).path("reconcilePoints.driftedUserIds")
			.entityList(String.class).doesNotContain(Long.toString(userId));
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM points_repair WHERE user_id = ?", Integer.class, userId))
			.isEqualTo(1);

		// The center admin reads the repair back (newest first): whose account, before → after, who ran it.
		var repairs = this.s.api.as(center).documentName("pointsRepairs").variable("first", 100).execute();
		String path = "pointsRepairs.edges[?(@.node.userId == '" + userId + "')].node";
		repairs.path(path + ".balanceBefore").entityList(Integer.class).containsExactly(17)
			.path(path + ".balanceAfter").entityList(Integer.class).containsExactly(10)
			.path(path + ".debtBefore").entityList(Integer.class).containsExactly(3)
			.path(path + ".debtAfter").entityList(Integer.class).containsExactly(0)
			.path(path + ".userName").entityList(String.class).satisfies(names -> assertThat(names).singleElement()
				.asString().isNotBlank().doesNotStartWith("用户"))
			.path(path + ".operatorName").entityList(String.class).containsExactly("用户 " + center.userId());
	}

	@Test
	void onlyCenterAdminsReadTheRepairs() {
		ApiErrors.expectCode(this.s.api.as(this.s.admin).documentName("pointsRepairs").execute(), "FORBIDDEN");
		ApiErrors.expectCode(this.s.api.anonymous().documentName("pointsRepairs").execute(), "UNAUTHENTICATED");
	}

	/** Names come in one batch: a page of many repairs costs the statements of a page of one. */
	@Test
	void theRepairsPageNamesItsPeopleInOneBatch() {
		Session center = this.s.api.login(Fixtures.unique("center"));
		this.s.fixtures.grant(center.userId(), "CENTER_ADMIN", this.s.tree.center());
		for (int i = 0; i < 4; i++) {
			Session volunteer = this.s.volunteer("drift-batch-" + i);
			this.s.adjust(this.s.admin, volunteer.userId(), 5, "补录");
			this.jdbc.update("UPDATE points_account SET balance = balance + 1 WHERE user_id = ?", volunteer.userId());
		}
		reconcile(center, Instant.now().minus(Duration.ofMinutes(1)));
		var one = this.sql.measure(() -> this.s.api.as(center).documentName("pointsRepairs").variable("first", 1).execute()
			.path("pointsRepairs.edges[*].node.userName").entityList(String.class).get().size());
		var four = this.sql.measure(() -> this.s.api.as(center).documentName("pointsRepairs").variable("first", 4).execute()
			.path("pointsRepairs.edges[*].node.userName").entityList(String.class).get().size());
		assertThat(one.result()).isEqualTo(1);
		assertThat(four.result()).isEqualTo(4);
		assertThat(four.count()).as("statements for 4 repairs: %s", four.statements()).isEqualTo(one.count());
	}

	@Test
	void aMissedReversalOfRevokedNeedHoursIsReplayedOnce() {
		Instant since = Instant.now().minus(Duration.ofMinutes(1));
		Session resident = this.s.api.login(Fixtures.unique("resident"));
		Session volunteer = this.s.trainedVolunteer("missed-need-reversal");
		String needId = this.s.completeNeed(resident, volunteer, 2.0);
		this.s.confirmNeedHours(needId);
		long userId = volunteer.userId();
		assertThat(this.s.ledgerSum(userId)).isEqualTo(20L);
		// Need hours revoked, but the NeedHoursRevoked listener never ran (the process died after the commit).
		this.jdbc.update("""
				UPDATE need_participant SET hours_status = 'REVOKED', revoked_at = ?, revoked_by = ?,
				       revoke_reason = '测试' WHERE need_id = ? AND user_id = ?""", java.sql.Timestamp.from(Instant.now()),
				this.s.admin.userId(), Long.valueOf(needId), userId);
		Session center = this.s.api.login(Fixtures.unique("center"));
		this.s.fixtures.grant(center.userId(), "CENTER_ADMIN", this.s.tree.center());

		reconcile(center, since).path("reconcilePoints.awardsReplayed").entity(Integer.class)
			.satisfies(n -> assertThat(n).isGreaterThanOrEqualTo(1));
		assertThat(this.s.entryCount(userId, "REVERSAL")).isEqualTo(1);
		reconcile(center, since);
		assertThat(this.s.entryCount(userId, "REVERSAL")).isEqualTo(1);
		assertThat(this.s.ledgerSum(userId)).isZero();
		assertThat(this.s.balance(volunteer)).isZero();
	}

	private org.springframework.graphql.test.tester.GraphQlTester.Response reconcile(Session as, Instant since) {
		return this.s.api.as(as).documentName("reconcilePoints").variable("since", since.toString()).execute();
	}

}
