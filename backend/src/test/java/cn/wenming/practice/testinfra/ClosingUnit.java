package cn.wenming.practice.testinfra;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

/**
 * A close of an org unit caught between its guards and its commit, from a second JDBC connection:
 * the unit's row is locked for update (as {@code closeOrgUnit} locks it before asking its guards),
 * a call that adds work to the unit runs meanwhile, and once that call's statement is waiting on
 * the row (or the call is over) the unit is closed and the close commits. Work that takes
 * {@code OrgDirectory.lockIfOpen} in its transaction then finds the unit closed; work that only read
 * {@code open} before its insert lands in the closed unit.
 */
public final class ClosingUnit {

	private ClosingUnit() {
	}

	/**
	 * Runs {@code call} while the close of {@code unitId} is in flight and returns its result;
	 * {@code insertPrefix} is the start of the call's insert (e.g. {@code "INSERT INTO team"}), which
	 * without the lock waits on the row for its foreign key check.
	 */
	public static <T> T closeDuring(DataSource dataSource, long unitId, String insertPrefix, Callable<T> call)
			throws Exception {
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try (Connection close = dataSource.getConnection()) {
			close.setAutoCommit(false);
			try (PreparedStatement lock = close.prepareStatement("SELECT id FROM org_unit WHERE id = ? FOR UPDATE")) {
				lock.setLong(1, unitId);
				lock.executeQuery().close();
			}
			Future<T> result = pool.submit(call);
			Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
			while (!result.isDone() && !waiting(dataSource, insertPrefix)) {
				if (Instant.now().isAfter(deadline)) {
					close.rollback();
					throw new IllegalStateException("the call neither finished nor waited on the unit's row");
				}
				Thread.sleep(10);
			}
			try (PreparedStatement update = close
				.prepareStatement("UPDATE org_unit SET status = 'CLOSED', version = version + 1 WHERE id = ?")) {
				update.setLong(1, unitId);
				update.executeUpdate();
			}
			close.commit();
			return result.get(2, TimeUnit.MINUTES);
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * A statement of this database waiting on the row: the share lock of {@code lockIfOpen}, or the
	 * insert (from a pooled connection the process list shows it; INNODB_TRX did not on MariaDB).
	 */
	private static boolean waiting(DataSource dataSource, String insertPrefix) throws SQLException {
		try (Connection probe = dataSource.getConnection();
				PreparedStatement statement = probe.prepareStatement("""
						SELECT COUNT(*) FROM information_schema.PROCESSLIST
						WHERE DB = DATABASE() AND COMMAND = 'Query' AND ID <> CONNECTION_ID()
						  AND (INFO LIKE '%FROM org_unit%LOCK IN SHARE MODE%' OR INFO LIKE ?)""")) {
			statement.setString(1, insertPrefix + "%");
			try (ResultSet rows = statement.executeQuery()) {
				rows.next();
				return rows.getInt(1) > 0;
			}
		}
	}

}
