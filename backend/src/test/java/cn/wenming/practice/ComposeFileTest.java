package cn.wenming.practice;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17: {@code docker/compose.yaml} gives every service a memory limit and publishes only the
 * API port: actuator (health, prometheus) on the management port stays inside the network.
 */
class ComposeFileTest {

	@SuppressWarnings("unchecked")
	private static Map<String, Map<String, Object>> services() throws IOException {
		Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("../docker/compose.yaml")));
		return (Map<String, Map<String, Object>>) compose.get("services");
	}

	@Test
	void everyServiceHasAMemoryLimit() throws IOException {
		Map<String, Map<String, Object>> services = services();
		assertThat(services).containsKeys("mysql", "redis", "backend");
		services.forEach((name, service) -> assertThat(service.get("mem_limit")).as(name + " mem_limit")
			.isInstanceOf(String.class)
			.asString()
			.matches("\\d+[mg]"));
	}

	@Test
	void onlyTheApiPortIsPublished() throws IOException {
		Map<String, Map<String, Object>> services = services();
		services.forEach((name, service) -> {
			@SuppressWarnings("unchecked")
			List<Object> ports = (List<Object>) service.getOrDefault("ports", List.of());
			if (name.equals("backend")) {
				assertThat(ports).containsExactly("8080:8080");
			}
			else {
				assertThat(ports).as(name + " publishes nothing").isEmpty();
			}
		});
		Map<String, Object> environment = (Map<String, Object>) (Map<?, ?>) services.get("backend").get("environment");
		// The management port must not be moved onto the published one.
		assertThat(environment).doesNotContainKey("MANAGEMENT_SERVER_PORT");
	}

}
