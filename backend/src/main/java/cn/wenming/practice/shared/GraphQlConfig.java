package cn.wenming.practice.shared;

import java.util.List;
import java.util.Map;

import graphql.analysis.FieldComplexityEnvironment;
import graphql.execution.instrumentation.Instrumentation;
import graphql.introspection.Introspection;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.data.method.annotation.support.AnnotatedControllerConfigurer;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.validation.annotation.Validated;

/** Scalars and the limits that keep one request from costing the server more than it should. */
@Configuration(proxyBeanMethods = false)
class GraphQlConfig {

	/**
	 * Complexity counts rows, not only fields: a field with a {@code first} argument costs its
	 * children once per row asked for (the schema's default when the argument is left out), so
	 * {@code first: 100} of a list nested in {@code first: 100} of another is refused while one page
	 * of 100 is not. Checked with depth before execution ({@link OperationLimits}).
	 */
	static int complexity(FieldComplexityEnvironment env, int childComplexity) {
		Object first = env.getArguments().get("first");
		// Clamped to the page limit: a larger first is refused by the list itself, with BAD_REQUEST on the field.
		int rows = (first instanceof Number n) ? Math.max(1, Math.min(Connections.MAX_FIRST, n.intValue())) : 1;
		long cost = 1L + (long) rows * childComplexity;
		return (int) Math.min(Integer.MAX_VALUE / 2, cost);
	}

	/**
	 * Introspection per request rather than Spring Boot's switch, which flips graphql-java's
	 * JVM-wide static: with that, one context that disables it disables it for every context in
	 * the JVM, and one that enables it cannot.
	 */
	@Bean
	WebGraphQlInterceptor introspectionSwitch(GraphQlLimits limits) {
		return (request, chain) -> {
			if (!limits.introspection()) {
				request.configureExecutionInput((input, builder) -> builder
					.graphQLContext(Map.of(Introspection.INTROSPECTION_DISABLED, true))
					.build());
			}
			return chain.next(request);
		};
	}

	/** Every request's data loaders in a registry that dispatches only loaders with keys waiting. */
	@Bean
	WebGraphQlInterceptor waitingLoadersOnly() {
		return (request, chain) -> {
			request.configureExecutionInput(
					(input, builder) -> builder.dataLoaderRegistry(new WaitingLoadersRegistry()).build());
			return chain.next(request);
		};
	}

	/**
	 * Controller methods run on the request's own thread. With virtual threads on (JDK 21+, the
	 * production image), Spring Boot hands Spring for GraphQL its {@code applicationTaskExecutor}, and
	 * every blocking controller method would hop onto it: that executor is the event listeners',
	 * bounded at {@code APP_EVENT_LISTENER_CONCURRENCY} (8) with callers waiting for a slot, so the
	 * whole API ran at most 8 fetchers at once, and a mutation holding a slot while its listeners
	 * waited for one could stall (the overload benchmark on JDK 25 saw 64 admitted requests hang).
	 * Requests already run on virtual threads; hopping gains nothing.
	 */
	@Bean
	static BeanPostProcessor controllersOnTheRequestThread() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof AnnotatedControllerConfigurer configurer) {
					configurer.setBlockingMethodPredicate(method -> false);
				}
				return bean;
			}
		};
	}

	@Bean
	RuntimeWiringConfigurer scalars() {
		return wiring -> wiring.scalar(Scalars.DATE_TIME).scalar(Scalars.LONG);
	}

	/**
	 * Parsed and validated documents are kept, and depth and complexity are checked there, for
	 * every request ({@link ParsedDocumentCache}); introspection is checked when an operation
	 * executes.
	 * <p>
	 * Spring for GraphQL wraps the instrumentations in a {@code ChainedInstrumentation} even when
	 * there is one (Spring's request observation), and the chain costs every field of every
	 * request a context per hook; a single instrumentation is handed to graphql-java as it is.
	 */
	@Bean
	GraphQlSourceBuilderCustomizer keepParsedDocuments(ParsedDocumentCache cache,
			ObjectProvider<Instrumentation> instrumentations) {
		List<Instrumentation> all = instrumentations.orderedStream().toList();
		return builder -> builder.configureGraphQl(graphQl -> {
			graphQl.preparsedDocumentProvider(cache);
			if (all.size() == 1) {
				graphQl.instrumentation(all.get(0));
			}
		});
	}

	/**
	 * Depth and complexity ceilings for one operation, whether the schema may be introspected, and
	 * how many characters of parsed documents to keep (0: none).
	 */
	@Validated
	@ConfigurationProperties("app.graphql")
	record GraphQlLimits(@Min(3) @Max(50) int maxDepth, @Min(10) @Max(100000) int maxComplexity,
			boolean introspection, @DefaultValue("200000") @Min(0) @Max(10000000) int documentCacheChars) {
	}

}
