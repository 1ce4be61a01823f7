package cn.wenming.practice.shared;

import io.micrometer.observation.ObservationPredicate;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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

}
