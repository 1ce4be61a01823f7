package cn.wenming.practice.need;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.HeavyTest;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The published 落实清单 page (see {@link FulfilmentPageTest}) rendered by a real headless Chromium
 * (Debian's {@code chromium}), whose DOM must show the figures.
 */
@HeavyTest
@IntegrationTest
class FulfilmentPageBrowserTest {

	static final Path CHROMIUM = Paths.get("/usr/bin/chromium");

	@LocalServerPort
	int port;

	@Scenario
	PublishedFulfilmentPage page;

	@Test
	void headlessChromiumRendersTheFigures() throws Exception {
		String dom = dumpDom("http://127.0.0.1:" + this.port + this.page.path(this.page.month));
		assertThat(dom).contains("需求落实清单")
			// received 2, fulfilled 1 → 50.0%; one rating of 5 → satisfaction 100.0%, average 5.0
			.contains("50.0%", "100.0%", "5.0", "合计", "张**", "志愿者 李*", "待审核")
			.contains(FulfilmentPage.esc(this.page.stationName).replace("&quot;", "\""))
			.doesNotContain("<b>站</b>");
		assertThat(dom).containsPattern("<td>合计</td><td>2</td><td>1</td><td>1</td><td>50\\.0%</td>");
	}

	/**
	 * Runs Debian's chromium headless and returns the DOM it rendered. A missing browser fails the
	 * test (never skips it): the page must be proven to render.
	 */
	static String dumpDom(String url) throws IOException, InterruptedException {
		if (!Files.isExecutable(CHROMIUM)) {
			fail("Headless Chromium is required for this test but " + CHROMIUM + " is missing: install Debian's "
					+ "package with `apt-get install -y chromium` (./mvnw verify does so through .ci/test-tools when "
					+ "run as root)");
		}
		Path profile = Files.createTempDirectory("fulfilment-chromium-");
		Path stdout = profile.resolveSibling(profile.getFileName() + ".out");
		Path stderr = profile.resolveSibling(profile.getFileName() + ".err");
		try {
			Process process = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
					"--disable-quic", "--no-first-run", "--disable-background-networking",
					"--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
					"--user-data-dir=" + profile, "--dump-dom", url)
				.redirectOutput(stdout.toFile())
				.redirectError(stderr.toFile())
				.start();
			if (!process.waitFor(90, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
				fail("chromium did not finish within 90 s");
			}
			String dom = Files.readString(stdout, StandardCharsets.UTF_8);
			if (process.exitValue() != 0 || dom.isBlank()) {
				fail("chromium exited with " + process.exitValue() + ": " + Files.readString(stderr));
			}
			return dom;
		}
		finally {
			Files.deleteIfExists(stdout);
			Files.deleteIfExists(stderr);
			try (Stream<Path> files = Files.walk(profile)) {
				files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
	}

}
