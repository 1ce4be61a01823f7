package cn.wenming.practice.need;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.MutableClock;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The published 落实清单 as a public HTML page: served without login, escaped, cacheable, a 404
 * page for a month not published; and rendered by a real headless Chromium (Debian's
 * {@code chromium}), whose DOM must show the figures.
 */
@IntegrationTest
class FulfilmentPageTest {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	static final Path CHROMIUM = Paths.get("/usr/bin/chromium");

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Scenario
	NeedScenario s;

	YearMonth month;

	String stationName;

	@BeforeEach
	void publishLastMonth() {
		this.month = YearMonth.now(SHANGHAI).minusMonths(1);
		// A name that needs escaping, as a unit's name may.
		this.stationName = Fixtures.unique("柴墟<b>站</b>&\"");
		this.jdbc.update("UPDATE org_unit SET name = ? WHERE id = ?", this.stationName, this.s.tree.station());

		this.clock.set(this.month.atDay(3).atTime(9, 0).atZone(SHANGHAI).toInstant());
		String done = this.s.published(Fixtures.unique("页面"));
		this.s.claim(this.s.volunteer, done, null).path("claimNeed.status").entity(String.class).isEqualTo("CLAIMED");
		this.s.byNeed(this.s.volunteer, "startNeed", done).path("startNeed.status").entity(String.class)
			.isEqualTo("IN_PROGRESS");
		this.clock.shift(Duration.ofHours(5));
		this.s.complete(this.s.volunteer, done, Map.of(this.s.volunteer.userId(), 2.0)).path("completeNeed.status")
			.entity(String.class).isEqualTo("COMPLETED");
		this.s.rate(this.s.resident, done, 5).path("rateNeed.status").entity(String.class).isEqualTo("RATED");
		this.s.submitted(Fixtures.unique("待审核"));
		this.clock.reset();

		this.s.api.as(this.s.admin).documentName("publishFulfilmentList")
			.variable("orgUnitId", Long.toString(this.s.tree.station())).variable("month", this.month.toString())
			.execute().path("publishFulfilmentList.total.received").entity(Integer.class).isEqualTo(2);
	}

	@Test
	void publishedMonthIsAPlainEscapedCacheablePageWithoutLogin() {
		WebTestClient web = WebTestClient.bindToServer(new JdkClientHttpConnector()).baseUrl(base()).build();
		String html = web.get().uri(path(this.month)).exchange()
			.expectStatus().isOk()
			.expectHeader().contentType("text/html;charset=UTF-8")
			.expectHeader().value("Cache-Control", value -> assertThat(value).contains("max-age=3600", "public"))
			.expectHeader().exists("Last-Modified")
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(html).startsWith("<!DOCTYPE html>")
			.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
			.contains(FulfilmentPage.esc(this.stationName))
			.doesNotContain("<b>站</b>")
			.doesNotContain("<script")
			.contains("50.0%", "张**", "志愿者 李*", "5星", "待审核");

		// Not published (the month before), malformed month, unknown unit: the same 404 page.
		for (String missing : List.of(path(this.month.minusMonths(1)), "/public/fulfilment/" + this.s.tree.station()
				+ "/2026-13", "/public/fulfilment/abc/" + this.month, "/public/fulfilment/999999999/" + this.month)) {
			String body = web.get().uri(missing).exchange()
				.expectStatus().isNotFound()
				.expectHeader().contentType("text/html;charset=UTF-8")
				.expectBody(String.class).returnResult().getResponseBody();
			assertThat(body).as(missing).contains("尚未公示").contains("viewport");
		}
	}

	@Test
	void headlessChromiumRendersTheFigures() throws Exception {
		String dom = dumpDom(base() + path(this.month));
		assertThat(dom).contains("需求落实清单")
			// received 2, fulfilled 1 → 50.0%; one rating of 5 → satisfaction 100.0%, average 5.0
			.contains("50.0%", "100.0%", "5.0", "合计", "张**", "志愿者 李*", "待审核")
			.contains(FulfilmentPage.esc(this.stationName).replace("&quot;", "\""))
			.doesNotContain("<b>站</b>");
		assertThat(dom).containsPattern("<td>合计</td><td>2</td><td>1</td><td>1</td><td>50\\.0%</td>");
	}

	private String base() {
		return "http://127.0.0.1:" + this.port;
	}

	private String path(YearMonth month) {
		return "/public/fulfilment/" + this.s.tree.station() + "/" + month;
	}

	/**
	 * Runs Debian's chromium headless and returns the DOM it rendered. A missing browser fails the
	 * test (never skips it): the page must be proven to render.
	 */
	static String dumpDom(String url) throws IOException, InterruptedException {
		if (!Files.isExecutable(CHROMIUM)) {
			fail("Headless Chromium is required for this test but " + CHROMIUM + " is missing: install Debian's "
					+ "package with `apt-get install -y chromium` (.ci/run does this in CI)");
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
