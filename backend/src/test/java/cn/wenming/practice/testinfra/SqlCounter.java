package cn.wenming.practice.testinfra;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Counts the SQL statements the application prepares through MyBatis, to prove that a query's
 * cost does not grow with the number of rows (no N+1). Registered in every integration test's
 * context by {@code @IntegrationTest}; it only observes, so it is harmless to other tests.
 * <p>
 * Statements are counted JVM-wide while a {@link #measure} runs (the server answers on other
 * threads than the test), so measure one request at a time. JdbcTemplate fixtures are not seen.
 */
@Intercepts(@Signature(type = StatementHandler.class, method = "prepare", args = { Connection.class, Integer.class }))
public class SqlCounter implements Interceptor {

	private final List<String> statements = Collections.synchronizedList(new ArrayList<>());

	/** One measurement at a time; never held by the threads that run statements. */
	private final ReentrantLock measuring = new ReentrantLock();

	private volatile boolean recording;

	/** Set by the context: the measurement waits for after-commit listeners, whose statements would count. */
	private JdbcTemplate jdbc;

	@Autowired
	void setJdbcTemplate(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Object intercept(Invocation invocation) throws Throwable {
		if (this.recording && !background(Thread.currentThread().getName())) {
			StatementHandler handler = (StatementHandler) invocation.getTarget();
			this.statements.add(handler.getBoundSql().getSql().replaceAll("\\s+", " ").trim());
		}
		return invocation.proceed();
	}

	/**
	 * After-commit listeners ({@code event-} executor), scheduled jobs ({@code scheduling-}),
	 * subscribe-message sends of earlier mutations ({@code notification-}) and board builds
	 * ({@code leaderboard-build}) run on their own threads whenever they are due: their statements
	 * are not the measured request's. (CI once counted two notification statements into a
	 * fulfilment list that a quieter machine measured without them.)
	 */
	private static boolean background(String thread) {
		return thread.startsWith("event-") || thread.startsWith("scheduling-") || thread.startsWith("notification-")
				|| thread.startsWith("leaderboard-build");
	}

	/** Runs {@code action} and returns what it returned with the statements prepared meanwhile. */
	public <T> Measured<T> measure(Supplier<T> action) {
		this.measuring.lock();
		try {
			// Listeners of earlier mutations run on other threads after their commits: let them finish first.
			if (this.jdbc != null) {
				AfterCommit.awaitListeners(this.jdbc);
			}
			this.statements.clear();
			this.recording = true;
			T result = action.get();
			this.recording = false;
			synchronized (this.statements) {
				return new Measured<>(result, List.copyOf(this.statements));
			}
		}
		finally {
			this.recording = false;
			this.statements.clear();
			this.measuring.unlock();
		}
	}

	/** A result and the SQL prepared while producing it. */
	public record Measured<T>(T result, List<String> statements) {

		public int count() {
			return this.statements.size();
		}

	}

}
