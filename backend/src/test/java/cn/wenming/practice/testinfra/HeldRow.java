package cn.wenming.practice.testinfra;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

/**
 * Another transaction caught in the middle, from a second JDBC connection: it locks a row for update,
 * a call runs meanwhile, and once one of the call's statements is waiting on the row (or the call is
 * over) the transaction writes and commits. A call that locks the row before reading what it writes
 * back then sees that commit; one that read earlier writes over it.
 */
public final class HeldRow {

	private HeldRow() {
	}

	/** What the holding transaction does before it commits. */
	@FunctionalInterface
	public interface Work {

		void run(Connection connection) throws SQLException;

	}

	/**
	 * Locks {@code table}'s row {@code id} for update, runs {@code call}, waits until a statement of
	 * it starting like one of {@code waitingStatements} (SQL LIKE patterns) is in flight, runs
	 * {@code then} and commits; returns the call's result.
	 */
	public static <T> T commitWhileWaiting(DataSource dataSource, String table, long id, List<String> waitingStatements,
			Callable<T> call, Work then) throws Exception {
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try (Connection holder = dataSource.getConnection()) {
			holder.setAutoCommit(false);
			try (PreparedStatement lock = holder.prepareStatement("SELECT id FROM " + table + " WHERE id = ? FOR UPDATE")) {
				lock.setLong(1, id);
				lock.executeQuery().close();
			}
			Future<T> result = pool.submit(call);
			Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
			while (!result.isDone() && !waiting(dataSource, waitingStatements)) {
				if (Instant.now().isAfter(deadline)) {
					holder.rollback();
					throw new IllegalStateException("the call neither finished nor waited on the held row");
				}
				Thread.sleep(10);
			}
			then.run(holder);
			holder.commit();
			return result.get(2, TimeUnit.MINUTES);
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * A statement of this database (not the probe's own) matching a pattern is in flight: from a
	 * pooled connection the process list shows one waiting on a row lock (INNODB_TRX did not on MariaDB).
	 */
	private static boolean waiting(DataSource dataSource, List<String> patterns) throws SQLException {
		String matches = String.join(" OR ", patterns.stream().map(p -> "INFO LIKE ?").toList());
		try (Connection probe = dataSource.getConnection();
				PreparedStatement statement = probe.prepareStatement("SELECT COUNT(*) FROM information_schema.PROCESSLIST "
						+ "WHERE DB = DATABASE() AND COMMAND = 'Query' AND ID <> CONNECTION_ID() AND (" + matches + ")")) {
			for (int i = 0; i < patterns.size(); i++) {
				statement.setString(i + 1, patterns.get(i));
			}
			try (ResultSet rows = statement.executeQuery()) {
				rows.next();
				return rows.getInt(1) > 0;
			}
		}
	}

}
