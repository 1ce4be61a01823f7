package cn.wenming.practice.auth;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import cn.wenming.practice.IntegrationTestWithSmallLimits;
import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, must show 2: a {@code wxLogin} flood from one address is refused with HTTP 429,
 * {@code Retry-After} and {@code RATE_LIMITED} before any code reaches WeChat, while another
 * address logs in normally. Its own context (a small bucket, addresses from {@code X-Forwarded-For}).
 */
@IntegrationTestWithSmallLimits
class LoginRateLimitTest {

	@Scenario
	Api api;

	@Test
	void aFloodFromOneAddressIsRefusedWhileAnotherAddressLogsIn() {
		String flooder = randomAddress();
		String neighbour = randomAddress();
		for (int i = 0; i < 3; i++) {
			EntityExchangeResult<String> ok = login(flooder, Fixtures.unique("flood"));
			assertThat(ok.getStatus()).as(ok.getResponseBody()).isEqualTo(HttpStatus.OK);
			assertThat(ok.getResponseBody()).contains("accessToken");
		}
		EntityExchangeResult<String> refused = login(flooder, Fixtures.unique("flood"));
		assertThat(refused.getStatus()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(Long.parseLong(refused.getResponseHeaders().getFirst("Retry-After"))).isBetween(1L, 3600L);
		assertThat(refused.getResponseBody()).contains("\"code\":\"RATE_LIMITED\"").doesNotContain("\"data\"")
			.doesNotContain("Exception");

		EntityExchangeResult<String> other = login(neighbour, Fixtures.unique("neighbour"));
		assertThat(other.getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(other.getResponseBody()).contains("accessToken").doesNotContain("RATE_LIMITED");

		// Other operations from the flooding address are not limited by the login bucket.
		EntityExchangeResult<String> read = post(flooder, "query { fulfilmentLists(orgUnitId: \"1\") { month } }");
		assertThat(read.getStatus()).isEqualTo(HttpStatus.OK);
	}

	private EntityExchangeResult<String> login(String address, String code) {
		return post(address, "mutation { wxLogin(code: \"" + code + "\") { accessToken } }");
	}

	private EntityExchangeResult<String> post(String address, String query) {
		return this.api.client()
			.post()
			.header("Content-Type", "application/json")
			.header("X-Forwarded-For", address)
			.bodyValue(Map.of("query", query))
			.exchange()
			.expectBody(String.class)
			.returnResult();
	}

	private static String randomAddress() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
	}

}
