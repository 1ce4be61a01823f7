package cn.wenming.practice.media;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Infrastructure;
import cn.wenming.practice.testinfra.PhotoFiles;
import cn.wenming.practice.testinfra.Scenario;
import cn.wenming.practice.testinfra.TcpProxy;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17: with Redis unreachable, the upload quota (a Redis token bucket) cannot be checked, and
 * the upload endpoint answers HTTP 503 {@code SERVICE_UNAVAILABLE} with {@code Retry-After} (which
 * the client retries), not a 500 and not an unchecked upload. Once Redis is back, the same upload
 * succeeds with no manual step. This context reaches Redis through a {@link TcpProxy} the test cuts.
 */
@IntegrationTest
class PhotoUploadRedisDownTest {

	private static TcpProxy proxy;

	@DynamicPropertySource
	static void throughProxy(DynamicPropertyRegistry registry) throws IOException {
		String host = System.getenv("SPRING_DATA_REDIS_HOST");
		String port = System.getenv("SPRING_DATA_REDIS_PORT");
		if (host == null) {
			Map<String, Object> servers = Infrastructure.serverProperties();
			host = String.valueOf(servers.get("spring.data.redis.host"));
			port = String.valueOf(servers.get("spring.data.redis.port"));
		}
		proxy = new TcpProxy(host, Integer.parseInt((port == null) ? "6379" : port));
		registry.add("spring.data.redis.host", () -> "127.0.0.1");
		registry.add("spring.data.redis.port", proxy::port);
		registry.add("spring.data.redis.timeout", () -> "500ms");
		registry.add("spring.data.redis.connect-timeout", () -> "500ms");
	}

	@AfterAll
	static void closeProxy() throws IOException {
		proxy.close();
	}

	@LocalServerPort
	int port;

	@Scenario
	Api api;

	@Test
	void redisDownAnswers503WithRetryAfterAndRecovers() throws Exception {
		Session uploader = this.api.login(Fixtures.unique("redis-down"));
		proxy.cut();
		try {
			PhotoFiles.Answer down = upload(uploader);
			assertThat(down.status()).as(down.text()).isEqualTo(503);
			assertThat(down.retryAfter()).isNotBlank();
			assertThat(down.text()).contains("\"code\":\"SERVICE_UNAVAILABLE\"")
				.doesNotContain("INTERNAL_ERROR")
				.doesNotContain("Exception");
		}
		finally {
			proxy.restore();
		}
		Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
			PhotoFiles.Answer back = upload(uploader);
			assertThat(back.status()).as(back.text()).isEqualTo(201);
		});
	}

	private PhotoFiles.Answer upload(Session as) {
		return PhotoFiles.upload(this.port, as.accessToken(), PhotoFiles.image("png"), "p.png", "image/png");
	}

}
