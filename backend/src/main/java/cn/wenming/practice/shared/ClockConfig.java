package cn.wenming.practice.shared;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock that time-based rules read (check-in token expiry, check-in windows, sign-up
 * deadlines), so tests can move time instead of sleeping. UTC: instants never depend on the
 * server's zone.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfig {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
