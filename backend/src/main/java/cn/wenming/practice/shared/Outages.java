package cn.wenming.practice.shared;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure is an outage of MySQL or Redis (a restart, a failover, a cut connection) rather
 * than a bug: GraphQL answers it {@code SERVICE_UNAVAILABLE} ({@link GraphQlErrorAdvice}), the plain
 * HTTP endpoints (photo upload) HTTP 503 with {@code Retry-After}. The cause chain is searched
 * because MyBatis and the transaction manager wrap the connection failure.
 */
public final class Outages {

	/** Seconds a client should wait before retrying; a MySQL restart or a Redis failover takes about this long. */
	public static final String RETRY_AFTER_SECONDS = ServiceUnavailableStatus.RETRY_AFTER;

	private Outages() {
	}

	/** Whether a server is unreachable, as {@code ex} or one of its causes. */
	public static boolean isOutage(Throwable ex) {
		return outageOf(ex) != null;
	}

	/** The simple name of the exception in the chain that says a server is unreachable, or null. */
	static String outageOf(Throwable ex) {
		for (Throwable t = ex; t != null; t = (t.getCause() == t) ? null : t.getCause()) {
			// A commit that lost its connection is followed by a rollback that fails too ("Connection is
			// closed"): the transaction manager reports the rollback's failure and keeps the commit's as
			// the application exception (found by the fault drill, FaultDrillTest).
			if (t instanceof org.springframework.transaction.TransactionSystemException tx
					&& tx.getApplicationException() != null && tx.getApplicationException() != t) {
				String first = outageOf(tx.getApplicationException());
				if (first != null) {
					return first;
				}
			}
			// SQLState class 08 is "connection exception".
			if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
				return t.getClass().getSimpleName() + " " + sql.getSQLState();
			}
			// Hikari's "Connection is closed" (no SQLState): the pool closed a connection it found broken
			// while a transaction still held it, so the rollback (or the next statement) meets it closed.
			if (t instanceof java.sql.SQLException && closedByPool(t)) {
				return "connection closed by the pool";
			}
			// A pooled connection that broke mid-query surfaces as RecoverableDataAccessException over
			// Connector/J's CommunicationsException (an SQLRecoverableException), not as a failure to connect.
			if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
					|| t instanceof org.springframework.dao.RecoverableDataAccessException
					|| t instanceof org.springframework.dao.TransientDataAccessResourceException
					|| t instanceof java.sql.SQLRecoverableException
					|| t instanceof java.sql.SQLTransientConnectionException
					|| t instanceof java.sql.SQLNonTransientConnectionException || t instanceof java.net.ConnectException
					|| t.getClass().getName().equals("redis.clients.jedis.exceptions.JedisConnectionException")) {
				return t.getClass().getSimpleName();
			}
		}
		return null;
	}

	private static boolean closedByPool(Throwable t) {
		StackTraceElement[] stack = t.getStackTrace();
		return stack.length > 0 && stack[0].getClassName().startsWith("com.zaxxer.hikari.pool.ProxyConnection$ClosedConnection");
	}

}
