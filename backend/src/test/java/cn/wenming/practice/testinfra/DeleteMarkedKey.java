package cn.wenming.practice.testinfra;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

/**
 * Sets up, on demand, the InnoDB race that inserts into a "one live row" unique key meet after the
 * live row was closed (a generated or nullable flag column in the key set to NULL): the closed row's
 * old key entry stays in the index, delete-marked, until purge removes it; every insert of the same
 * key share-locks it and then waits for the others' share locks to insert — two of them deadlock.
 * On a quiet machine that window is microseconds wide; on a loaded one it is met (CI did). Here a
 * transaction opened before the row is closed keeps the entry from purge, share-locks it, and lets go
 * only once every racing insert is waiting on it: their deadlocks then happen every time.
 */
public final class DeleteMarkedKey implements AutoCloseable {

	private final DataSource dataSource;

	private final Connection connection;

	private DeleteMarkedKey(DataSource dataSource, Connection connection) {
		this.dataSource = dataSource;
		this.connection = connection;
	}

	/** Opens the read view that keeps the entry from purge: call before the live row is closed. */
	public static DeleteMarkedKey hold(DataSource dataSource) throws SQLException {
		Connection connection = dataSource.getConnection();
		connection.setAutoCommit(false);
		try (Statement statement = connection.createStatement()) {
			statement.execute("START TRANSACTION WITH CONSISTENT SNAPSHOT");
		}
		return new DeleteMarkedKey(dataSource, connection);
	}

	/**
	 * After the row was closed: share-locks the key's entries with {@code lockingRead} (a
	 * {@code ... LOCK IN SHARE MODE} on the key's columns; or an uncommitted insert of the key, whose
	 * rollback leaves the inserts waiting on it in the same deadlock), runs {@code calls} at once, lets go when
	 * {@code calls.size()} inserts are in flight (each waiting for the held key; information_schema's
	 * INNODB_TRX did not list them as waiting on MariaDB 10.11 from a pooled connection, the process
	 * list does), and returns the calls' results in order.
	 */
	public <T> List<T> race(String lockingRead, List<?> keyValues, List<Callable<T>> calls) throws Exception {
		try (PreparedStatement statement = this.connection.prepareStatement(lockingRead)) {
			for (int i = 0; i < keyValues.size(); i++) {
				statement.setObject(i + 1, keyValues.get(i));
			}
			statement.execute();
		}
		CompletableFuture<List<T>> results = CompletableFuture.supplyAsync(() -> {
			try {
				return Race.run(calls);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
		while (waiting() < calls.size() && !results.isDone()) {
			if (Instant.now().isAfter(deadline)) {
				throw new IllegalStateException("the racing inserts never all waited for the held key: " + waiting()
						+ " of " + calls.size() + " waiting");
			}
			Thread.sleep(10);
		}
		this.connection.rollback();
		return results.get(2, TimeUnit.MINUTES);
	}

	/**
	 * Inserts in flight in this test database: while the key is held, every racing insert waits. (The
	 * server is shared: another database's inserts, a second engineer's tests, must not count.)
	 */
	private int waiting() throws SQLException {
		try (Connection probe = this.dataSource.getConnection();
				Statement statement = probe.createStatement();
				ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM information_schema.PROCESSLIST "
						+ "WHERE DB = DATABASE() AND COMMAND = 'Query' AND INFO LIKE 'INSERT%'")) {
			rows.next();
			return rows.getInt(1);
		}
	}

	@Override
	public void close() throws SQLException {
		try {
			this.connection.rollback();
		}
		finally {
			this.connection.close();
		}
	}

}
