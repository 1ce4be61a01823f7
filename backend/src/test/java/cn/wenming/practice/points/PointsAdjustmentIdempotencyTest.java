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
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code adjustPoints} runs once per idempotency key (issue 13, must-show 4): a retry gets the first
 * entry back, the key with other input is {@code IDEMPOTENCY_KEY_REUSED}, and ten concurrent calls
 * with one key write one entry.
 */
@IntegrationTest
class PointsAdjustmentIdempotencyTest {

	@Scenario
	PointsScenario s;

	@Test
	void oneKeyTenConcurrentCallsWriteOneEntry() throws Exception {
		Session volunteer = this.s.volunteer("idem-race");
		long userId = volunteer.userId();
		// Also the first entry of a new user: ten requests race to create the account row too.
		String key = Fixtures.unique("race-key-");
		ExecutorService pool = Executors.newFixedThreadPool(10);
		List<String> outcomes = new ArrayList<>();
		try {
			CountDownLatch go = new CountDownLatch(1);
			List<Future<String>> results = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				results.add(pool.submit(() -> {
					go.await();
					var response = this.s.adjust(this.s.admin, userId, 25, "活动积分补录", key);
					String code = ApiErrors.codeOf(response);
					return (code != null) ? code : response.path("adjustPoints.id").entity(String.class).get();
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
		// Every caller got the same entry, and there is one.
		assertThat(outcomes).hasSize(10).allMatch(id -> id.matches("\\d+"));
		assertThat(outcomes.stream().distinct()).hasSize(1);
		assertThat(this.s.entryCount(userId, "ADJUSTMENT")).isEqualTo(1);
		assertThat(this.s.assertConsistent(userId)).isEqualTo(25L);
		assertThat(this.s.balance(volunteer)).isEqualTo(25);
	}

	@Test
	void aRetryGetsTheFirstEntryAndOtherInputWithTheKeyIsRefused() {
		Session volunteer = this.s.volunteer("idem");
		Session other = this.s.volunteer("idem-other");
		long userId = volunteer.userId();
		String key = Fixtures.unique("key-");

		var first = this.s.adjust(this.s.admin, userId, 40, "补录", key);
		String entryId = first.path("adjustPoints.id").entity(String.class).get();
		first.path("adjustPoints.businessId").entity(String.class).isEqualTo(key)
			.path("adjustPoints.balanceAfter").entity(Integer.class).isEqualTo(40);
		// A retry (the reason's surrounding spaces are not part of the input).
		this.s.adjust(this.s.admin, userId, 40, " 补录 ", key).path("adjustPoints.id").entity(String.class)
			.isEqualTo(entryId)
			.path("adjustPoints.balanceAfter").entity(Integer.class).isEqualTo(40);

		ApiErrors.expectCode(this.s.adjust(this.s.admin, userId, 41, "补录", key), "IDEMPOTENCY_KEY_REUSED");
		ApiErrors.expectCode(this.s.adjust(this.s.admin, userId, 40, "另一个理由", key), "IDEMPOTENCY_KEY_REUSED");
		ApiErrors.expectCode(this.s.adjust(this.s.admin, other.userId(), 40, "补录", key), "IDEMPOTENCY_KEY_REUSED");
		Session instituteAdmin = this.s.api.login(Fixtures.unique("idem-inst"));
		this.s.fixtures.grant(instituteAdmin.userId(), "INSTITUTE_ADMIN", this.s.tree.institute());
		ApiErrors.expectCode(this.s.adjust(instituteAdmin, userId, 40, "补录", key), "IDEMPOTENCY_KEY_REUSED");
		// Access is checked before the key: someone else's key tells an outsider nothing.
		Session outsider = this.s.api.login(Fixtures.unique("idem-outsider"));
		ApiErrors.expectCode(this.s.adjust(outsider, userId, 40, "补录", key), "FORBIDDEN");

		assertThat(this.s.entryCount(userId, "ADJUSTMENT")).isEqualTo(1);
		assertThat(this.s.entryCount(other.userId(), "ADJUSTMENT")).isZero();
		assertThat(this.s.assertConsistent(userId)).isEqualTo(40L);

		// A new key is a new adjustment.
		this.s.adjust(this.s.admin, userId, 40, "补录", Fixtures.unique("key-")).path("adjustPoints.balanceAfter")
			.entity(Integer.class).isEqualTo(80);
	}

}
