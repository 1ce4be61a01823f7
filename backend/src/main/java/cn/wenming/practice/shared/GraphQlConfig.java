package cn.wenming.practice.shared;

import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.validation.annotation.Validated;

/** Scalars and the limits that keep one request from costing the server more than it should. */
@Configuration(proxyBeanMethods = false)
class GraphQlConfig {

	@Bean
	MaxQueryDepthInstrumentation maxQueryDepth(GraphQlLimits limits) {
		return new MaxQueryDepthInstrumentation(limits.maxDepth());
	}

	@Bean
	MaxQueryComplexityInstrumentation maxQueryComplexity(GraphQlLimits limits) {
		return new MaxQueryComplexityInstrumentation(limits.maxComplexity());
	}

	@Bean
	RuntimeWiringConfigurer scalars() {
		return wiring -> wiring.scalar(Scalars.DATE_TIME).scalar(Scalars.LONG);
	}

	/** Depth and complexity ceilings for one operation. */
	@Validated
	@ConfigurationProperties("app.graphql")
	record GraphQlLimits(@Min(3) @Max(50) int maxDepth, @Min(10) @Max(100000) int maxComplexity) {
	}

}
