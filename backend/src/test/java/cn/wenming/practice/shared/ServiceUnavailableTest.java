package cn.wenming.practice.shared;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Infrastructure;
import cn.wenming.practice.testinfra.Scenario;
import cn.wenming.practice.testinfra.TcpProxy;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17: while MySQL cannot be reached, requests answer one stable code,
 * {@code SERVICE_UNAVAILABLE}, with HTTP 503 and {@code Retry-After} (clients retry), never
 * {@code INTERNAL_ERROR}; once it is back, the same request succeeds with no manual step. This
 * context reaches MySQL through a {@link TcpProxy} the test cuts.
 */
@IntegrationTest
class ServiceUnavailableTest {

	private static final Pattern HOST_PORT = Pattern.compile("//([^/:?]+):(\\d+)");

	private static TcpProxy proxy;

	@DynamicPropertySource
	static void throughProxy(DynamicPropertyRegistry registry) throws IOException {
		String url = System.getenv("SPRING_DATASOURCE_URL");
		if (url == null) {
			url = (String) Infrastructure.serverProperties().get("spring.datasource.url");
			Map<String, Object> servers = Infrastructure.serverProperties();
			registry.add("spring.datasource.username", () -> servers.get("spring.datasource.username"));
			registry.add("spring.datasource.password", () -> servers.get("spring.datasource.password"));
		}
		Matcher matcher = HOST_PORT.matcher(url);
		assertThat(matcher.find()).as(url).isTrue();
		proxy = new TcpProxy(matcher.group(1), Integer.parseInt(matcher.group(2)));
		String proxied = url.substring(0, matcher.start()) + "//127.0.0.1:" + proxy.port() + url.substring(matcher.end());
		registry.add("spring.datasource.url", () -> proxied);
		registry.add("spring.datasource.hikari.connection-timeout", () -> "1000");
		registry.add("spring.datasource.hikari.validation-timeout", () -> "500");
	}

	@Scenario
	Api api;

	@Test
	void mysqlDownAnswersServiceUnavailableWith503AndRecovers() throws Exception {
		Api.Session someone = this.api.login(Fixtures.unique("outage"));
		proxy.cut();
		try {
			EntityExchangeResult<String> down = me(someone);
			assertThat(down.getStatus()).as(down.getResponseBody()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
			assertThat(down.getResponseHeaders().getFirst("Retry-After")).isNotBlank();
			assertThat(down.getResponseBody()).contains("\"code\":\"SERVICE_UNAVAILABLE\"")
				.doesNotContain("INTERNAL_ERROR")
				.doesNotContain("Exception");
		}
		finally {
			proxy.restore();
		}
		// A client retries after Retry-After; the pool drops the connections the outage broke as it
		// meets them, so recovery may take a retry or two but never a restart.
		Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
			EntityExchangeResult<String> back = me(someone);
			assertThat(back.getResponseBody()).doesNotContain("INTERNAL_ERROR");
			assertThat(back.getStatus()).as(back.getResponseBody()).isEqualTo(HttpStatus.OK);
			assertThat(back.getResponseBody()).contains("\"id\":\"" + someone.userId() + "\"");
		});
	}

	private EntityExchangeResult<String> me(Api.Session as) {
		return this.api.client()
			.post()
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + as.accessToken())
			.bodyValue(Map.of("query", "{ me { id } }"))
			.exchange()
			.expectBody(String.class)
			.returnResult();
	}

}
