package cn.wenming.practice.shared;

import java.lang.reflect.Constructor;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.graphql.data.method.HandlerMethod;
import org.springframework.graphql.data.method.annotation.support.AnnotatedControllerConfigurer;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With virtual threads on (the production image's JDK 25), Spring Boot gives Spring for GraphQL the
 * listeners' bounded {@code SimpleAsyncTaskExecutor}, and Spring for GraphQL, finding virtual
 * threads in the JDK, treats every controller method that returns a plain value as blocking and
 * hops onto that executor. This machine's JDK 17 has neither, so the hop cannot be seen by running
 * the API here: the configurer is asked directly, set up as it is on JDK 21+ (its own
 * JDK-21 predicate, the executor Boot gives it).
 */
class ControllerThreadTest {

	@Test
	void blockingControllerMethodsStayOnTheRequestThreadWhateverExecutorBootGives() throws Exception {
		HandlerMethod blocking = new HandlerMethod(new Object(), Object.class.getMethod("toString"));

		AnnotatedControllerConfigurer asOnJdk25 = onJdk21();
		assertThat(shouldInvokeAsync(asOnJdk25, blocking)).as("Spring for GraphQL's default on JDK 21+: hop").isTrue();

		AnnotatedControllerConfigurer ours = onJdk21();
		BeanPostProcessor processor = GraphQlConfig.controllersOnTheRequestThread();
		processor.postProcessBeforeInitialization(ours, "annotatedControllerConfigurer");
		assertThat(shouldInvokeAsync(ours, blocking)).as("ours: the request's thread").isFalse();
	}

	/** What Spring for GraphQL and Boot set up when the JDK has virtual threads and they are enabled. */
	private static AnnotatedControllerConfigurer onJdk21() throws Exception {
		AnnotatedControllerConfigurer configurer = new AnnotatedControllerConfigurer();
		Class<?> type = Class.forName(AnnotatedControllerConfigurer.class.getPackageName()
				+ ".AnnotatedControllerDetectionSupport$BlockingHandlerMethodPredicate");
		Constructor<?> constructor = type.getDeclaredConstructor();
		constructor.setAccessible(true);
		@SuppressWarnings("unchecked")
		Predicate<HandlerMethod> jdk21Default = (Predicate<HandlerMethod>) constructor.newInstance();
		configurer.setBlockingMethodPredicate(jdk21Default);
		SimpleAsyncTaskExecutor listeners = new SimpleAsyncTaskExecutor("event-");
		listeners.setConcurrencyLimit(8);
		configurer.setExecutor(listeners);
		return configurer;
	}

	private static boolean shouldInvokeAsync(AnnotatedControllerConfigurer configurer, HandlerMethod method) {
		Boolean async = ReflectionTestUtils.invokeMethod(configurer, "shouldInvokeAsync", method);
		return Boolean.TRUE.equals(async);
	}

}
