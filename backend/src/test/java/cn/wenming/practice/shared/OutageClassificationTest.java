package cn.wenming.practice.shared;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;

import org.junit.jupiter.api.Test;

import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failures answer {@code SERVICE_UNAVAILABLE} rather than {@code INTERNAL_ERROR}: the shapes
 * the fault drills ({@code FaultDrillTest}) met while MySQL was unreachable.
 */
class OutageClassificationTest {

	@Test
	void aCommitThatLostItsConnectionFollowedByAFailedRollbackIsAnOutage() {
		// What DataSourceTransactionManager throws when the commit's connection broke: the rollback's
		// failure ("Connection is closed", a plain SQLException) with the commit's kept aside.
		TransactionSystemException rollbackFailed = new TransactionSystemException("JDBC rollback failed",
				new SQLException("Connection is closed"));
		rollbackFailed.initApplicationException(new SQLRecoverableException("Communications link failure"));
		assertThat(Outages.isOutage(rollbackFailed)).isTrue();
	}

	@Test
	void aRollbackOnAConnectionThePoolClosedIsAnOutageWhateverTheCallbackThrew() {
		// Hikari's closed connection throws a plain SQLException without SQLState; the drill saw it
		// beside a callback failure that named no connection problem at all.
		SQLException closed = new SQLException("Connection is closed");
		closed.setStackTrace(new StackTraceElement[] { new StackTraceElement(
				"com.zaxxer.hikari.pool.ProxyConnection$ClosedConnection", "lambda$getClosedConnection$0",
				"ProxyConnection.java", 559) });
		TransactionSystemException rollbackFailed = new TransactionSystemException("JDBC rollback failed", closed);
		rollbackFailed.initApplicationException(new IllegalStateException("statement failed"));
		assertThat(Outages.isOutage(rollbackFailed)).isTrue();
		assertThat(Outages.isOutage(new SQLException("Connection is closed"))).isFalse();
	}

	@Test
	void aConnectionExceptionSqlStateIsAnOutage() {
		assertThat(Outages.isOutage(new RuntimeException(new SQLException("Connection is closed", "08003"))))
			.isTrue();
	}

	@Test
	void otherSqlFailuresAndFailedRollbacksOfBugsStayBugs() {
		assertThat(Outages.isOutage(new RuntimeException(new SQLException("Unknown column", "42S22"))))
			.isFalse();
		TransactionSystemException rollbackFailed = new TransactionSystemException("JDBC rollback failed",
				new SQLException("Lock wait timeout", "HY000"));
		rollbackFailed.initApplicationException(new IllegalStateException("a bug"));
		assertThat(Outages.isOutage(rollbackFailed)).isFalse();
	}

}
