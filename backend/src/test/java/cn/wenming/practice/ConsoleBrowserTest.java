package cn.wenming.practice;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import cn.wenming.practice.testinfra.HeavyTest;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff console ({@code console/}) against this server in the {@code local} profile: its unit
 * tests (vitest: the client, error handling, documents against {@code graphql-schema/}), then
 * Debian's chromium driven by playwright-core through the QR login (the scan confirmed by a test
 * client as the admin's mini-program would), the dispatch desk (publish, dispatch with a suggestion),
 * need-hours confirmation and the local developer shortcut; then (e2e/activities-store.browser.mjs) an
 * activity created and published through the form, its full-screen check-in QR decoded back to the
 * issued code, hours set and confirmed on the roster, a reward put on sale and a pickup code typed as a
 * USB scanner does, and the redemptions list. Screenshots of each screen land in
 * {@code backend/target/console-screenshots/}.
 */
@LocalProfileTest
@HeavyTest
class ConsoleBrowserTest {

	private static final Logger log = LoggerFactory.getLogger(ConsoleBrowserTest.class);

	@LocalServerPort
	int port;

	@Test
	void theConsoleWorksInARealBrowser() throws IOException, InterruptedException {
		File console = new File("../console").getCanonicalFile();
		assertThat(new File(console, "package.json")).as("console/ beside backend/").exists();
		Path screenshots = Path.of("target", "console-screenshots").toAbsolutePath();
		Path output = Files.createTempFile("console-browser", ".log");
		ProcessBuilder builder = new ProcessBuilder(List.of("sh", "scripts/maven-test.sh")).directory(console)
			.redirectErrorStream(true)
			.redirectOutput(output.toFile());
		builder.environment().put("BASE_URL", "http://127.0.0.1:" + this.port);
		builder.environment().put("SCREENSHOT_DIR", screenshots.toString());
		builder.environment().put("CI", "true");
		builder.environment().put("NO_COLOR", "1");
		Process process = builder.start();
		boolean finished = process.waitFor(5, TimeUnit.MINUTES);
		if (!finished) {
			process.destroyForcibly();
		}
		String text = Files.readString(output, StandardCharsets.UTF_8);
		log.info("console tests:\n{}", text);
		assertThat(finished).as("console tests finished in 5 minutes").isTrue();
		assertThat(process.exitValue()).as("console tests (output below)\n%s", text).isZero();
		assertThat(text).contains("all screens passed").contains("activities and store passed");
		assertThat(screenshots.resolve("04-need-suggestions.png")).exists();
		assertThat(screenshots.resolve("07-need-hours-confirmed.png")).exists();
		assertThat(screenshots.resolve("13-check-in-qr.png")).exists();
		assertThat(screenshots.resolve("17-store-fulfil.png")).exists();
	}

}
