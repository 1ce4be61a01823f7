package cn.wenming.practice.shared;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Scenario;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.observation.GraphQlObservationInstrumentation;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests are observed as a whole; fields and security filters are not (ObservationConfig,
 * SecurityConfig): what the metrics endpoint shows after an authenticated request.
 */
@IntegrationTest
class ObservationScopeTest {

	@Autowired
	MeterRegistry meters;

	@Autowired
	GraphQlSource graphQl;

	@Scenario
	Api api;

	/**
	 * The request observation is graphql-java's only instrumentation, not wrapped in a chain
	 * (GraphQlConfig): the chain cost every field of a leaderboard page a context per hook.
	 */
	@Test
	void theRequestObservationIsTheOnlyInstrumentationAndIsNotChained() {
		assertThat(this.graphQl.graphQl().getInstrumentation()).isInstanceOf(GraphQlObservationInstrumentation.class)
			.isInstanceOf(ObservationConfig.RequestObservation.class);
	}

	@Test
	void requestsAreObservedButNotEachFieldOrFilter() {
		var session = this.api.login(Fixtures.unique("observed"));
		this.api.as(session).documentName("me").execute().path("me.id").entity(String.class)
			.isEqualTo(Long.toString(session.userId()));
		var names = this.meters.getMeters().stream().map(Meter::getId).map(Meter.Id::getName).distinct().toList();
		assertThat(names).contains("graphql.request", "http.server.requests");
		assertThat(names).noneMatch(name -> name.startsWith("graphql.datafetcher"))
			.noneMatch(name -> name.startsWith("spring.security."));
	}

}
