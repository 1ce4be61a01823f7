package cn.wenming.practice.shared;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code app.graphql.in-flight}: the bound on GraphQL requests one instance works on at once
 * ({@link InFlightLimit}).
 * <ul>
 * <li>{@code max-requests} (default 64): requests admitted at once. Requests run on virtual threads,
 * so nothing else caps them; 64 is well above what two cores finish concurrently (the benchmark's
 * closed phases saturate the server at 8–32 in flight) and keeps the live objects of the admitted
 * requests a small part of the heap.</li>
 * <li>{@code max-wait} (default 500 ms): how long a request beyond the limit waits for a place
 * before it is refused; a waiting request has read only its headers, so waiting costs little, and
 * it absorbs short bursts that a busy second would otherwise refuse.</li>
 * <li>{@code retry-after} (default 1 s): the {@code Retry-After} of a refusal; an overload clears in
 * about the time of a request or two.</li>
 * </ul>
 */
@Validated
@ConfigurationProperties("app.graphql.in-flight")
public record InFlightLimitProperties(@DefaultValue("64") @Min(1) @Max(10_000) int maxRequests,
		@DefaultValue("500ms") @NotNull Duration maxWait, @DefaultValue("1s") @NotNull Duration retryAfter) {

	@AssertTrue(message = "max-wait must be between 0 and 30 s")
	boolean isMaxWaitInRange() {
		return this.maxWait == null || (!this.maxWait.isNegative() && this.maxWait.compareTo(Duration.ofSeconds(30)) <= 0);
	}

	@AssertTrue(message = "retry-after must be between 1 s and 1 h")
	boolean isRetryAfterInRange() {
		return this.retryAfter == null
				|| (this.retryAfter.compareTo(Duration.ofSeconds(1)) >= 0 && this.retryAfter.compareTo(Duration.ofHours(1)) <= 0);
	}

	/** Whole seconds for the header. */
	long retryAfterSeconds() {
		return Math.max(1, this.retryAfter.toSeconds());
	}

}
