package cn.wenming.practice.shared;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Scenario;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14: a bound on GraphQL requests in flight. With the limit set to {@value #LIMIT}, requests
 * that the test holds inside execution fill it; further ones wait {@code max-wait} and answer
 * {@code SERVICE_UNAVAILABLE} with HTTP 503 and {@code Retry-After} without reaching execution,
 * the held ones then succeed, nothing answers {@code INTERNAL_ERROR}, and afterwards the server
 * serves normally. A request that finds the limit full but a place freed within {@code max-wait}
 * is served.
 */
@IntegrationTest
@Import(InFlightLimitTest.Holding.class)
@TestPropertySource(properties = { "app.graphql.in-flight.max-requests=" + InFlightLimitTest.LIMIT,
		"app.graphql.in-flight.max-wait=3s", "app.graphql.in-flight.retry-after=3s" })
class InFlightLimitTest {

	static final int LIMIT = 3;

	/** Requests with this header stop inside GraphQL execution until the test lets them go. */
	static final String HOLD = "X-Test-Hold";

	static volatile CountDownLatch release = new CountDownLatch(0);

	static final AtomicInteger entered = new AtomicInteger();

	@Scenario
	Api api;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@BeforeEach
	@AfterEach
	void letGo() {
		release.countDown();
		entered.set(0);
	}

	@Test
	void requestsBeyondTheLimitAnswer503AndTheAdmittedOnesSucceed() throws Exception {
		Api.Session someone = this.api.login(Fixtures.unique("inflight"));
		release = new CountDownLatch(1);
		List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
		for (int i = 0; i < LIMIT; i++) {
			held.add(me(someone, true));
		}
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> entered.get() == LIMIT);

		int excess = 2 * LIMIT;
		List<CompletableFuture<HttpResponse<String>>> refused = new ArrayList<>();
		for (int i = 0; i < excess; i++) {
			refused.add(me(someone, true));
		}
		for (CompletableFuture<HttpResponse<String>> future : refused) {
			HttpResponse<String> response = future.get(20, TimeUnit.SECONDS);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
			assertThat(response.headers().firstValue("Retry-After")).hasValue("3");
			assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
					type -> assertThat(type).startsWith("application/json"));
			assertThat(response.body()).contains("\"code\":\"SERVICE_UNAVAILABLE\"")
				.contains(CommonError.SERVICE_UNAVAILABLE.defaultMessage())
				.doesNotContain("INTERNAL_ERROR");
		}
		// The refused ones never reached execution; the admitted ones are still being worked on.
		assertThat(entered.get()).isEqualTo(LIMIT);
		assertThat(held).noneMatch(CompletableFuture::isDone);

		release.countDown();
		for (CompletableFuture<HttpResponse<String>> future : held) {
			HttpResponse<String> response = future.get(20, TimeUnit.SECONDS);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			assertThat(response.body()).contains("\"id\":\"" + someone.userId() + "\"").doesNotContain("errors");
		}

		// After the burst every place is free again: a full limit's worth at once, and then some, all served.
		List<CompletableFuture<HttpResponse<String>>> after = new ArrayList<>();
		for (int i = 0; i < LIMIT; i++) {
			after.add(me(someone, false));
		}
		for (CompletableFuture<HttpResponse<String>> future : after) {
			HttpResponse<String> response = future.get(20, TimeUnit.SECONDS);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			assertThat(response.body()).contains("\"id\":\"" + someone.userId() + "\"");
		}
		for (int i = 0; i < 2 * LIMIT; i++) {
			HttpResponse<String> response = me(someone, false).get(20, TimeUnit.SECONDS);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		}
	}

	@Test
	void aRequestWaitsForAPlaceFreedWithinMaxWait() throws Exception {
		Api.Session someone = this.api.login(Fixtures.unique("inflight-wait"));
		release = new CountDownLatch(1);
		List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
		for (int i = 0; i < LIMIT; i++) {
			held.add(me(someone, true));
		}
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> entered.get() == LIMIT);

		CompletableFuture<HttpResponse<String>> waiting = me(someone, false);
		Thread.sleep(300);
		assertThat(waiting).isNotDone();
		release.countDown();

		HttpResponse<String> response = waiting.get(20, TimeUnit.SECONDS);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.body()).contains("\"id\":\"" + someone.userId() + "\"");
		for (CompletableFuture<HttpResponse<String>> future : held) {
			assertThat(future.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
		}
	}

	private CompletableFuture<HttpResponse<String>> me(Api.Session as, boolean hold) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.api.url()))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + as.accessToken())
			.POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ me { id } }\"}"));
		if (hold) {
			request.header(HOLD, "1");
		}
		return this.http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Holding {

		@Bean
		WebGraphQlInterceptor holdWhenAsked() {
			return (request, chain) -> {
				if (request.getHeaders().getFirst(HOLD) == null) {
					return chain.next(request);
				}
				return Mono.fromCallable(() -> {
					entered.incrementAndGet();
					return release.await(30, TimeUnit.SECONDS);
				}).flatMap(released -> chain.next(request));
			};
		}

	}

}
