package cn.wenming.practice.shared;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After-commit listeners are submitted while the committing request still holds its database
 * connection, so submitting must never wait. With virtual threads on (JDK 21+, the production image)
 * Spring Boot's own executor is a {@code SimpleAsyncTaskExecutor} whose concurrency limit makes the
 * submitter wait; the full-county benchmark's redemption burst stalled on it (every connection held by
 * a request waiting for a listener slot, every listener waiting for a connection). This JDK 17 cannot
 * switch Boot into that mode, so its executor is built here as Boot builds it, next to ours.
 */
class ListenerExecutorTest {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class))
		.withUserConfiguration(AsyncConfig.class)
		.withPropertyValues("spring.threads.virtual.enabled=true", "spring.task.execution.thread-name-prefix=event-",
				"spring.task.execution.simple.concurrency-limit=2", "spring.task.execution.pool.core-size=2",
				"spring.task.execution.pool.max-size=2", "spring.task.execution.pool.queue-capacity=100");

	@Test
	void submittingBeyondTheBusyListenersNeverWaits() {
		this.context.run(app -> {
			TaskExecutor executor = app.getBean("applicationTaskExecutor", TaskExecutor.class);
			assertThat(executor).isInstanceOf(ThreadPoolTaskExecutor.class);
			RootBeanDefinition definition = (RootBeanDefinition) app.getBeanFactory()
				.getMergedBeanDefinition("applicationTaskExecutor");
			assertThat(definition.getResolvedFactoryMethod().getDeclaringClass()).as("ours, whatever the JDK")
				.isEqualTo(AsyncConfig.class);
			assertThat(app.getBean("taskExecutor")).as("@Async's default executor").isSameAs(executor);
			ThreadPoolTaskExecutor pool = (ThreadPoolTaskExecutor) executor;
			assertThat(pool.getMaxPoolSize()).isEqualTo(2);
			assertThat(pool.getThreadNamePrefix()).isEqualTo("event-");
			assertThat(submitsThirdWhileTwoAreBusy(pool)).as("ours: queued at once").isTrue();
		});
	}

	@Test
	void bootsVirtualThreadExecutorMakesTheSubmitterWait() throws Exception {
		SimpleAsyncTaskExecutor asBootBuildsItOnJdk21 = new SimpleAsyncTaskExecutor("event-");
		asBootBuildsItOnJdk21.setConcurrencyLimit(2);
		assertThat(submitsThirdWhileTwoAreBusy(asBootBuildsItOnJdk21)).as("Boot's: the submitter waits").isFalse();
	}

	/** Two tasks hold both slots; does a third submission return within a second? */
	private static boolean submitsThirdWhileTwoAreBusy(TaskExecutor executor) throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		try {
			for (int i = 0; i < 2; i++) {
				executor.execute(() -> await(release));
			}
			CompletableFuture<Void> third = CompletableFuture.runAsync(() -> executor.execute(() -> {
			}));
			try {
				third.get(1, TimeUnit.SECONDS);
				return true;
			}
			catch (java.util.concurrent.TimeoutException waiting) {
				return false;
			}
		}
		finally {
			release.countDown();
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
