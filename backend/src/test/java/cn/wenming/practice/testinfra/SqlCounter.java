package cn.wenming.practice.testinfra;

import java.sql.Connection;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts SQL statements MyBatis prepares, for tests that prove a list costs a fixed number of
 * queries whatever its length (no N+1). A MyBatis plugin on {@code StatementHandler.prepare},
 * registered by {@link Config}, which {@code @IntegrationTest} imports so that every integration
 * test keeps sharing one application context. The count is global: use it in tests that run
 * nothing else concurrently, between {@link #reset()} and {@link #count()}.
 */
@Intercepts(@Signature(type = StatementHandler.class, method = "prepare", args = { Connection.class, Integer.class }))
public class SqlCounter implements Interceptor {

	private final AtomicLong statements = new AtomicLong();

	@Override
	public Object intercept(Invocation invocation) throws Throwable {
		this.statements.incrementAndGet();
		return invocation.proceed();
	}

	public void reset() {
		this.statements.set(0);
	}

	public long count() {
		return this.statements.get();
	}

	/** Registers the counter as a MyBatis interceptor bean (MyBatis-Plus picks up every {@link Interceptor} bean). */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Config {

		@Bean
		SqlCounter sqlCounter() {
			return new SqlCounter();
		}

	}

}
