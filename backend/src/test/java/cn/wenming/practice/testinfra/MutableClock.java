package cn.wenming.practice.testinfra;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.context.annotation.Primary;

/**
 * The application's clock in integration tests: system time plus an offset that a test may move
 * (to expire a check-in token or reach a check-in window without sleeping). Time keeps flowing.
 * The context is shared, so {@link ScenarioExtension} resets it after every integration test.
 */
@Primary
public class MutableClock extends Clock {

	private volatile Duration offset = Duration.ZERO;

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.offset(Clock.system(zone), this.offset);
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(this.offset);
	}

	/** Moves the clock by {@code amount} (negative to go back). */
	public void shift(Duration amount) {
		this.offset = this.offset.plus(amount);
	}

	/** Makes the clock read {@code target} now and keep running from there. */
	public void set(Instant target) {
		this.offset = Duration.between(Instant.now(), target);
	}

	public void reset() {
		this.offset = Duration.ZERO;
	}

}
