package cn.wenming.practice;

import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** What operations staff rely on: health with its database and Redis checks, and Prometheus metrics. */
@IntegrationTest
class OperationsTest {

	@LocalServerPort
	int port;

	@Value("${local.management.port}")
	int managementPort;

	@Scenario
	Api api;

	@Test
	void healthCoversDatabaseAndRedis() {
		String body = this.api.client().mutate().baseUrl("http://127.0.0.1:" + this.managementPort).build()
			.get().uri("/actuator/health")
			.exchange()
			.expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(body).contains("\"status\":\"UP\"").contains("\"db\"").contains("\"redis\"");
	}

	/** Issue 17: the public port serves no actuator endpoint (management has its own port). */
	@Test
	void thePublicPortServesNoActuator() {
		assertThat(this.managementPort).isNotEqualTo(this.port);
		for (String path : new String[] { "/actuator/health", "/actuator/prometheus", "/actuator" }) {
			int status = this.api.client().mutate().baseUrl("http://127.0.0.1:" + this.port).build()
				.get().uri(path)
				.exchange()
				.returnResult(String.class).getStatus().value();
			assertThat(status).as(path).isNotEqualTo(200);
		}
	}

	@Test
	void prometheusMetricsAreExposed() {
		String body = this.api.client().mutate().baseUrl("http://127.0.0.1:" + this.managementPort).build()
			.get().uri("/actuator/prometheus")
			.exchange()
			.expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(body).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
	}

}
