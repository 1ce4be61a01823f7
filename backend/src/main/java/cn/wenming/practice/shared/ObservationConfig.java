package cn.wenming.practice.shared;

import graphql.ExecutionInput;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.observation.GraphQlObservationInstrumentation;

/**
 * Which observations are recorded. A request is observed as a whole ({@code http.server.requests},
 * {@code graphql.request}); the per-field ones ({@code graphql.datafetcher}, {@code
 * graphql.dataloader}: one for every non-trivial field of every row) are not: a profile of the
 * redemption run found Micrometer in 5.6 % of the server's samples, and no dashboard reads them.
 * Spring Security's per-filter observations are off too ({@code auth.SecurityConfig}).
 */
@Configuration(proxyBeanMethods = false)
class ObservationConfig {

	@Bean
	ObservationPredicate requestLevelObservationsOnly() {
		return (name, context) -> !name.startsWith("graphql.datafetcher") && !name.startsWith("graphql.dataloader");
	}

	/**
	 * Spring for GraphQL's observation, minus its data loader instrumentation: for that it copies every
	 * request's registry into a new one and each of its ~95 loaders into an instrumented copy, for
	 * {@code graphql.dataloader} observations the predicate above drops anyway (run S10's profile: the
	 * copying and the loaders' construction some 4 % of a leaderboard read). It also replaced the
	 * request's {@link WaitingLoadersRegistry} with a plain one. Spring Boot's own instrumentation bean
	 * steps back for this one.
	 */
	@Bean
	GraphQlObservationInstrumentation requestObservation(ObservationRegistry registry) {
		return new RequestObservation(registry);
	}

	static final class RequestObservation extends GraphQlObservationInstrumentation {

		RequestObservation(ObservationRegistry registry) {
			super(registry);
		}

		@Override
		public ExecutionInput instrumentExecutionInput(ExecutionInput input, InstrumentationExecutionParameters parameters,
				InstrumentationState state) {
			return input;
		}

	}

}
