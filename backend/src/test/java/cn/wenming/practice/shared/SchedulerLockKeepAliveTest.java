package cn.wenming.practice.shared;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Fixtures;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A job's lock is kept alive while it runs (SchedulerLockConfig): held past its lockAtMostFor, it is
 * still held — extended in the database, refused to another taker — and released when the job ends.
 */
@IntegrationTest
class SchedulerLockKeepAliveTest {

	@Autowired
	LockProvider locks;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aRunningJobsLockIsExtendedAndReleasedWhenItEnds() {
		String name = Fixtures.unique("keep-alive-job");
		// 30 s is ShedLock's shortest keep-alive bound: extended every 15 s.
		LockConfiguration config = new LockConfiguration(Instant.now(), name, Duration.ofSeconds(30), Duration.ZERO);
		Optional<SimpleLock> held = this.locks.lock(config);
		assertThat(held).isPresent();
		Timestamp first = lockUntil(name);

		Awaitility.await("the lock to be extended").atMost(Duration.ofSeconds(25)).pollInterval(Duration.ofMillis(500))
			.until(() -> lockUntil(name).after(first));
		assertThat(this.locks.lock(config)).as("taken by another while held").isEmpty();

		held.get().unlock();
		assertThat(this.jdbc.queryForObject("SELECT lock_until <= UTC_TIMESTAMP(3) FROM shedlock WHERE name = ?",
				Boolean.class, name)).as("free once released").isTrue();
		Optional<SimpleLock> again = this.locks.lock(config);
		assertThat(again).as("taken again after the release").isPresent();
		again.get().unlock();
	}

	private Timestamp lockUntil(String name) {
		return this.jdbc.queryForObject("SELECT lock_until FROM shedlock WHERE name = ?", Timestamp.class, name);
	}

}
