package cn.wenming.practice.shared;

import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * {@code @ApplicationModuleListener}s run after the commit on this executor, off the request thread:
 * at most {@code spring.task.execution.pool.max-size} listeners at once, so they cannot take the whole
 * connection pool, and a queue ({@code queue-capacity}) for the rest.
 * <p>
 * Always a pool with a queue, also with virtual threads on (JDK 21+, the production image), where
 * Spring Boot would otherwise build a {@code SimpleAsyncTaskExecutor} whose concurrency limit makes a
 * submitter <em>wait</em> for a free slot. Listeners are submitted in the committing transaction's
 * after-commit phase, while the request still holds its database connection: at 400 redemptions a
 * second every connection was held by a request waiting for a listener slot, and the listeners waited
 * for a connection until Hikari's timeout (10 s p95 in the full-county benchmark, docs/performance.md).
 * A queued submission returns at once and the request lets its connection go.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class AsyncConfig {

	/** Replaces Spring Boot's (same names), configured by {@code spring.task.execution.*}. */
	@Bean(name = { "applicationTaskExecutor", "taskExecutor" })
	ThreadPoolTaskExecutor applicationTaskExecutor(ThreadPoolTaskExecutorBuilder builder) {
		return builder.build();
	}

}
