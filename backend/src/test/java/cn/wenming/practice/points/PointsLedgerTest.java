package cn.wenming.practice.points;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger under concurrency and corrections: a balance never goes below zero, Σ ledger deltas
 * = account balance = Redis balance, the Redis copy is rebuilt from MySQL when lost, and an entry
 * is reversed at most once.
 */
@IntegrationTest
class PointsLedgerTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	StringRedisTemplate redis;

	@Scenario
	PointsScenario s;

	@Test
	void fiftyConcurrentDeductionsOfTenFromTwoHundredLetExactlyTwentyThrough() throws Exception {
		Session volunteer = this.s.volunteer("spender");
		this.s.adjust(this.s.admin, volunteer.userId(), 200, "活动积分补录").path("adjustPoints.balanceAfter")
			.entity(Integer.class).isEqualTo(200);

		ExecutorService pool = Executors.newFixedThreadPool(50);
		List<String> outcomes = new ArrayList<>();
		try {
			CountDownLatch go = new CountDownLatch(1);
			List<Future<String>> results = new ArrayList<>();
			for (int i = 0; i < 50; i++) {
				results.add(pool.submit(() -> {
					go.await();
					var response = this.s.adjust(this.s.admin, volunteer.userId(), -10, "扣减");
					String code = ApiErrors.codeOf(response);
					return (code != null) ? code : "OK";
				}));
			}
			go.countDown();
			for (Future<String> result : results) {
				outcomes.add(result.get(120, TimeUnit.SECONDS));
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(outcomes.stream().filter("OK"::equals).count()).isEqualTo(20);
		assertThat(outcomes.stream().filter("POINTS_INSUFFICIENT"::equals).count()).isEqualTo(30);

		long userId = volunteer.userId();
		assertThat(this.s.accountBalance(userId)).isZero();
		assertThat(this.s.ledgerSum(userId)).isZero();
		assertThat(this.s.redisBalance(userId)).isZero();
		assertThat(this.s.balance(volunteer)).isZero();
		assertThat(this.s.entryCount(userId, "ADJUSTMENT")).isEqualTo(21);
		// Every entry's balance_after is a balance the account really had, never below zero, and
		// the entries chain: each one's balance is the previous one's plus its delta.
		List<int[]> chain = this.jdbc.query("SELECT delta, balance_after FROM points_entry WHERE user_id = ? ORDER BY id",
				(rs, n) -> new int[] { rs.getInt(1), rs.getInt(2) }, userId);
		int running = 0;
		for (int[] entry : chain) {
			running += entry[0];
			assertThat(entry[1]).isEqualTo(running).isNotNegative();
		}
	}

	@Test
	void balanceIsRebuiltFromMySqlWhenTheRedisKeyIsLost() {
		Session volunteer = this.s.volunteer("cache");
		this.s.adjust(this.s.admin, volunteer.userId(), 35, "补录");
		assertThat(this.s.redisBalance(volunteer.userId())).isEqualTo(35L);

		this.redis.delete(PointsBalanceCache.key(volunteer.userId()));
		assertThat(this.s.balance(volunteer)).isEqualTo(35);
		assertThat(this.s.redisBalance(volunteer.userId())).isEqualTo(35L);

		// A wrong value left in Redis by an older version is replaced by the next committed change.
		this.redis.opsForHash().put(PointsBalanceCache.key(volunteer.userId()), "v", "0");
		this.s.adjust(this.s.admin, volunteer.userId(), 5, "补录");
		assertThat(this.s.redisBalance(volunteer.userId())).isEqualTo(40L);
		assertThat(this.s.balance(volunteer)).isEqualTo(40);
	}

	@Test
	void aUserWithoutPointsHasZeroAndNoEntries() {
		Session newcomer = this.s.api.login(cn.wenming.practice.testinfra.Fixtures.unique("newcomer"));
		var points = this.s.api.as(newcomer).documentName("myPoints").execute();
		points.path("me.points.balance").entity(Integer.class).isEqualTo(0);
		points.path("me.points.earnedThisYear").entity(Integer.class).isEqualTo(0);
		this.s.entries(newcomer, null, null).path("pointsEntries.edges").entityList(Object.class).hasSize(0)
			.path("pointsEntries.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
	}

	@Test
	void anEntryIsReversedOnceAndReversalsAreFinal() {
		Session volunteer = this.s.volunteer("reversed");
		String entryId = this.s.adjust(this.s.admin, volunteer.userId(), 50, "误录").path("adjustPoints.id")
			.entity(String.class).get();

		var reversal = this.s.reverse(this.s.admin, entryId, "录错了");
		reversal.path("reversePointsEntry.type").entity(String.class).isEqualTo("REVERSAL")
			.path("reversePointsEntry.delta").entity(Integer.class).isEqualTo(-50)
			.path("reversePointsEntry.balanceAfter").entity(Integer.class).isEqualTo(0)
			.path("reversePointsEntry.businessId").entity(String.class).isEqualTo(entryId)
			.path("reversePointsEntry.operatorUserId").entity(String.class)
			.isEqualTo(Long.toString(this.s.admin.userId()));
		String reversalId = reversal.path("reversePointsEntry.id").entity(String.class).get();

		ApiErrors.expectCode(this.s.reverse(this.s.admin, entryId, "再冲一次"), "POINTS_ENTRY_ALREADY_REVERSED");
		ApiErrors.expectCode(this.s.reverse(this.s.admin, reversalId, "冲正的冲正"), "POINTS_ENTRY_NOT_REVERSIBLE");
		assertThat(this.s.entryCount(volunteer.userId(), "REVERSAL")).isEqualTo(1);
		assertThat(this.s.balance(volunteer)).isZero();

		// Points already spent are taken back as debt: the balance stays at zero, the debt is recorded.
		String spentFrom = this.s.adjust(this.s.admin, volunteer.userId(), 30, "奖励").path("adjustPoints.id")
			.entity(String.class).get();
		this.s.adjust(this.s.admin, volunteer.userId(), -30, "扣减");
		this.s.reverse(this.s.admin, spentFrom, "撤回奖励").path("reversePointsEntry.delta").entity(Integer.class)
			.isEqualTo(0)
			.path("reversePointsEntry.debtChange").entity(Integer.class).isEqualTo(30)
			.path("reversePointsEntry.debtAfter").entity(Integer.class).isEqualTo(30)
			.path("reversePointsEntry.balanceAfter").entity(Integer.class).isEqualTo(0);
		assertThat(this.s.accountBalance(volunteer.userId())).isZero();
		assertThat(this.s.ledgerSum(volunteer.userId())).isZero();
		assertThat(this.s.accountDebt(volunteer.userId())).isEqualTo(30L);
		this.s.api.as(volunteer).documentName("myPoints").execute().path("me.points.debt").entity(Integer.class)
			.isEqualTo(30);

		// The ledger, newest first, in keyset pages.
		var page = this.s.entries(volunteer, 3, null);
		page.path("pointsEntries.edges[*].node.delta").entityList(Integer.class).containsExactly(0, -30, 30)
			.path("pointsEntries.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		String cursor = page.path("pointsEntries.pageInfo.endCursor").entity(String.class).get();
		this.s.entries(volunteer, 2, cursor).path("pointsEntries.edges[*].node.delta").entityList(Integer.class)
			.containsExactly(-50, 50)
			.path("pointsEntries.edges[*].node.type").entityList(String.class).containsExactly("REVERSAL", "ADJUSTMENT")
			.path("pointsEntries.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
		// Adjustments do not count as earned.
		this.s.api.as(volunteer).documentName("myPoints").execute().path("me.points.earnedThisYear")
			.entity(Integer.class).isEqualTo(0);
	}

}
