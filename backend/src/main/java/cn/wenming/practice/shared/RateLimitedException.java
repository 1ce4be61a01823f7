package cn.wenming.practice.shared;

import java.time.Duration;

/** {@code RATE_LIMITED}: the caller should wait {@link #retryAfterSeconds()} (sent as {@code Retry-After}). */
public class RateLimitedException extends DomainException {

	private final long retryAfterSeconds;

	public RateLimitedException(Duration wait) {
		super(CommonError.RATE_LIMITED);
		this.retryAfterSeconds = RateLimiter.retryAfterSeconds(wait);
	}

	public long retryAfterSeconds() {
		return this.retryAfterSeconds;
	}

}
