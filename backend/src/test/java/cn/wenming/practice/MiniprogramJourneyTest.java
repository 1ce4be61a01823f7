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
 * Runs the mini-program client's own tests ({@code miniprogram-stub/}, Jest with
 * miniprogram-simulate) with the machine's node and npm: the documents validated against
 * {@code graphql-schema/}, the client and page tests, and the end-to-end journey against this
 * server in the {@code local} profile. So {@code ./mvnw verify} fails when a schema change breaks
 * the client or the journey. Without node the script says so and this test fails. The journey's
 * staff work at the staff console in Debian's chromium, so the console must be built into this
 * server (not {@code -Dconsole.skip}); its screenshots go to {@code target/journey-screenshots}.
 */
@LocalProfileTest
@HeavyTest
class MiniprogramJourneyTest {

	private static final Logger log = LoggerFactory.getLogger(MiniprogramJourneyTest.class);

	@LocalServerPort
	int port;

	@Test
	void clientTestsAndJourneyPassAgainstThisServer() throws IOException, InterruptedException {
		File stub = new File("../miniprogram-stub").getCanonicalFile();
		assertThat(new File(stub, "package.json")).as("miniprogram-stub/ beside backend/").exists();
		assertThat(new File("target/classes/static/console/index.html"))
			.as("the staff console built into this server (the journey's staff use it; build without -Dconsole.skip)")
			.exists();
		Path output = Files.createTempFile("miniprogram-journey", ".log");
		ProcessBuilder builder = new ProcessBuilder(List.of("sh", "scripts/maven-test.sh")).directory(stub)
			.redirectErrorStream(true)
			.redirectOutput(output.toFile());
		builder.environment().put("GRAPHQL_URL", "http://127.0.0.1:" + this.port + "/graphql");
		builder.environment().put("SCREENSHOT_DIR", new File("target/journey-screenshots").getAbsolutePath());
		builder.environment().put("CI", "true");
		builder.environment().put("NO_COLOR", "1");
		builder.environment().put("FORCE_COLOR", "0");
		Process process = builder.start();
		boolean finished = process.waitFor(10, TimeUnit.MINUTES);
		if (!finished) {
			process.destroyForcibly();
		}
		String text = Files.readString(output, StandardCharsets.UTF_8);
		log.info("miniprogram-stub tests:\n{}", text);
		assertThat(finished).as("miniprogram-stub tests finished in 10 minutes").isTrue();
		assertThat(process.exitValue()).as("miniprogram-stub tests (output below)\n%s", text).isZero();
		assertThat(text).contains("journey").doesNotContain("Tests:       0 total");
	}

}
