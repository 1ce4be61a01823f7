package cn.wenming.practice.shared;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Scenario;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests are observed as a whole; fields and security filters are not (ObservationConfig,
 * SecurityConfig): what the metrics endpoint shows after an authenticated request.
 */
@IntegrationTest
class ObservationScopeTest {

	@Autowired
	MeterRegistry meters;

	@Scenario
	Api api;

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
