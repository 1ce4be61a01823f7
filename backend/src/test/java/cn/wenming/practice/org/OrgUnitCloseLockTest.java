package cn.wenming.practice.org;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static cn.wenming.practice.org.OrgApi.expectOk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * {@link OrgDirectory#lockIfOpen}, how other features add work to a unit (a need to a station)
 * without racing a close: the close waits for the caller's transaction, and afterwards the lock
 * finds the unit closed, so a close guard never misses work committed under the lock.
 */
@IntegrationTest
class OrgUnitCloseLockTest {

	@Autowired
	OrgDirectory orgs;

	@Autowired
	PlatformTransactionManager transactions;

	@Scenario
	OrgApi org;

	@Test
	void onlyInsideTheCallersTransaction() {
		long station = this.org.fixtures.tree().station();
		assertThatThrownBy(() -> this.orgs.lockIfOpen(station)).isInstanceOf(IllegalTransactionStateException.class);
		Boolean open = new TransactionTemplate(this.transactions).execute(status -> this.orgs.lockIfOpen(station));
		assertThat(open).isTrue();
	}

	@Test
	void aCloseWaitsForTheLockHolderAndTheNextLockFindsTheUnitClosed() throws Exception {
		Fixtures.Tree tree = this.org.fixtures.tree();
		long station = tree.station();
		Session admin = this.org.admin("INSTITUTE_ADMIN", tree.institute());
		TransactionTemplate tx = new TransactionTemplate(this.transactions);
		CountDownLatch locked = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<Boolean> holder = pool.submit(() -> tx.execute(status -> {
				boolean open = this.orgs.lockIfOpen(station);
				locked.countDown();
				try {
					release.await(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return open;
			}));
			assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
			Future<?> close = pool.submit(() -> expectOk(
					this.org.as(admin).documentName("closeOrgUnit").variable("id", station).execute()));
			// The close takes the unit's row for update, so it waits while the share lock is held.
			await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(2)).until(() -> !close.isDone());
			release.countDown();
			assertThat(holder.get(10, TimeUnit.SECONDS)).isTrue();
			close.get(20, TimeUnit.SECONDS);
		}
		finally {
			release.countDown();
			pool.shutdownNow();
		}
		Boolean open = tx.execute(status -> this.orgs.lockIfOpen(station));
		assertThat(open).isFalse();
	}

}
