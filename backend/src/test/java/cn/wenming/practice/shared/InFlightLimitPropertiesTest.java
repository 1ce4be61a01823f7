package cn.wenming.practice.shared;

import java.time.Duration;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code app.graphql.in-flight} is validated: a limit of 0, a negative or huge wait refuse to start. */
class InFlightLimitPropertiesTest {

	private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();

	private static final Validator VALIDATOR = FACTORY.getValidator();

	@AfterAll
	static void close() {
		FACTORY.close();
	}

	@Test
	void theDefaultsAreValidAndNonsenseIsRefused() {
		assertThat(VALIDATOR.validate(new InFlightLimitProperties(64, Duration.ofMillis(500), Duration.ofSeconds(1)))).isEmpty();
		assertThat(VALIDATOR.validate(new InFlightLimitProperties(1, Duration.ZERO, Duration.ofSeconds(1)))).isEmpty();
		assertThat(violations(new InFlightLimitProperties(0, Duration.ofMillis(500), Duration.ofSeconds(1))))
			.containsExactly("maxRequests");
		assertThat(violations(new InFlightLimitProperties(64, Duration.ofMillis(-1), Duration.ofSeconds(1))))
			.containsExactly("maxWaitInRange");
		assertThat(violations(new InFlightLimitProperties(64, Duration.ofMinutes(1), Duration.ofSeconds(1))))
			.containsExactly("maxWaitInRange");
		assertThat(violations(new InFlightLimitProperties(64, Duration.ofMillis(500), Duration.ofMillis(100))))
			.containsExactly("retryAfterInRange");
		assertThat(violations(new InFlightLimitProperties(64, null, Duration.ofSeconds(1)))).containsExactly("maxWait");
	}

	@Test
	void retryAfterIsWholeSeconds() {
		assertThat(new InFlightLimitProperties(64, Duration.ZERO, Duration.ofMillis(2500)).retryAfterSeconds()).isEqualTo(2);
	}

	private static java.util.List<String> violations(InFlightLimitProperties properties) {
		return VALIDATOR.validate(properties).stream().map(v -> v.getPropertyPath().toString()).toList();
	}

}
