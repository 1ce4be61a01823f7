package cn.wenming.practice.shared;

import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * ShedLock over the application's database (table {@code shedlock}, V8): a method annotated with
 * {@code @SchedulerLock} runs on one instance per tick however many instances are up. Lock times
 * are the database's clock ({@code usingDbTime}, {@code UTC_TIMESTAMP(3)} on MySQL and MariaDB), so
 * skewed instance clocks cannot hand the lock to two of them at once.
 * <p>
 * Locks are kept alive (ShedLock's {@code KeepAliveLockProvider}): a running job's lock is extended
 * every half of its {@code lockAtMostFor}, so {@code lockAtMostFor} is short (a minute) however long
 * the job runs. A run that cannot release its lock — its instance killed, or MySQL gone when it ended
 * (the release is a MySQL write) — then blocks the job on every instance for that minute, not for
 * the 10 minutes to 2 hours a fixed bound long enough for the longest run had to be.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT1M")
class SchedulerLockConfig {

	@Bean
	KeptAliveLocks lockProvider(DataSource dataSource) {
		return new KeptAliveLocks(new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.withTableName("shedlock")
			.usingDbTime()
			.build()));
	}

	/**
	 * The keep-alive provider with its own extending thread, stopped with the context. Not a
	 * {@code ScheduledExecutorService} bean: Spring's scheduling would take a lone one as the
	 * scheduler of every {@code @Scheduled} job.
	 */
	static final class KeptAliveLocks implements LockProvider, DisposableBean {

		private final ScheduledExecutorService extender = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "shedlock-keep-alive");
			thread.setDaemon(true);
			return thread;
		});

		private final KeepAliveLockProvider provider;

		KeptAliveLocks(JdbcTemplateLockProvider locks) {
			this.provider = new KeepAliveLockProvider(locks, this.extender);
		}

		@Override
		public Optional<SimpleLock> lock(LockConfiguration configuration) {
			return this.provider.lock(configuration);
		}

		@Override
		public void destroy() {
			this.extender.shutdownNow();
		}

	}

}
