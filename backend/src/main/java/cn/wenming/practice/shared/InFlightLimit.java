package cn.wenming.practice.shared;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A bound on the GraphQL requests this instance works on at once. Requests run on virtual threads,
 * which Tomcat does not cap, so without it an arrival rate above capacity piles up requests in
 * flight until the heap is exhausted (issue 14's benchmark: an out-of-memory under overload). A
 * request beyond {@code max-requests} waits up to {@code max-wait} for a place and is otherwise
 * refused with {@code SERVICE_UNAVAILABLE}, HTTP 503 and {@code Retry-After}, the answer clients
 * already retry on (see {@link ServiceUnavailableStatus}); the admitted ones run at full speed.
 *
 * <p>A servlet filter ahead of Spring Security rather than a GraphQL interceptor: a refusal then
 * costs neither token validation (a Redis round trip) nor reading and parsing the body.
 */
@Configuration(proxyBeanMethods = false)
class InFlightLimit {

	/** Ahead of Spring Security's chain (-100) and of everything that does work per request. */
	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

	@Bean
	FilterRegistrationBean<Filter> inFlightLimitFilter(InFlightLimitProperties properties, MeterRegistry meters) {
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new Filter(properties, meters));
		registration.addUrlPatterns("/graphql");
		registration.setOrder(ORDER);
		registration.setAsyncSupported(true);
		return registration;
	}

	static final class Filter extends OncePerRequestFilter {

		private static final Logger log = LoggerFactory.getLogger(InFlightLimit.class);

		private final Semaphore places;

		private final InFlightLimitProperties properties;

		private final byte[] refusal;

		private final Counter refusals;

		Filter(InFlightLimitProperties properties, MeterRegistry meters) {
			this.properties = properties;
			this.places = new Semaphore(properties.maxRequests());
			this.refusal = ("{\"errors\":[{\"message\":\"" + CommonError.SERVICE_UNAVAILABLE.defaultMessage()
					+ "\",\"extensions\":{\"code\":\"" + CommonError.SERVICE_UNAVAILABLE.name() + "\"}}]}")
				.getBytes(StandardCharsets.UTF_8);
			this.refusals = meters.counter("app.graphql.in_flight.refusals");
			Gauge.builder("app.graphql.in_flight", this.places, p -> properties.maxRequests() - p.availablePermits())
				.register(meters);
		}

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			return HttpMethod.OPTIONS.matches(request.getMethod());
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (!admit()) {
				refuse(response);
				return;
			}
			AtomicBoolean released = new AtomicBoolean();
			boolean async = false;
			try {
				chain.doFilter(request, response);
				// Spring for GraphQL may answer asynchronously: the place is held until the response is complete.
				if (request.isAsyncStarted()) {
					request.getAsyncContext().addListener(new ReleaseOnComplete(released));
					async = true;
				}
			}
			finally {
				if (!async) {
					release(released);
				}
			}
		}

		private boolean admit() {
			try {
				long wait = this.properties.maxWait().toNanos();
				return (wait == 0) ? this.places.tryAcquire() : this.places.tryAcquire(wait, TimeUnit.NANOSECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}

		private void release(AtomicBoolean released) {
			if (released.compareAndSet(false, true)) {
				this.places.release();
			}
		}

		private void refuse(HttpServletResponse response) throws IOException {
			this.refusals.increment();
			if (log.isDebugEnabled()) {
				log.debug("GraphQL request refused: {} in flight", this.properties.maxRequests());
			}
			response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(this.properties.retryAfterSeconds()));
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			response.setContentLength(this.refusal.length);
			response.getOutputStream().write(this.refusal);
		}

		/** Releases on completion, whatever ended the request (an error or a timeout completes it too). */
		private final class ReleaseOnComplete implements AsyncListener {

			private final AtomicBoolean released;

			ReleaseOnComplete(AtomicBoolean released) {
				this.released = released;
			}

			@Override
			public void onComplete(AsyncEvent event) {
				release(this.released);
			}

			@Override
			public void onError(AsyncEvent event) {
				release(this.released);
			}

			@Override
			public void onTimeout(AsyncEvent event) {
			}

			@Override
			public void onStartAsync(AsyncEvent event) {
				event.getAsyncContext().addListener(this);
			}

		}

	}

}
