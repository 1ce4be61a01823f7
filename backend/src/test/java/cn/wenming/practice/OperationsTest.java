package cn.wenming.practice;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.wenming.practice.points.PointsScenario;
import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.PhotoFiles;
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

	@Scenario
	PointsScenario points;

	@Value("${app.media.upload-quota.capacity}")
	int uploadQuota;

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

	/**
	 * Issue 17: /actuator/info names the build (spring-boot-maven-plugin's build-info) and, when the
	 * build had the clone's .git, the commit it was built from (git-commit-id-maven-plugin).
	 */
	@Test
	void infoNamesTheBuildAndTheCommit() throws Exception {
		String body = this.api.client().mutate().baseUrl("http://127.0.0.1:" + this.managementPort).build()
			.get().uri("/actuator/info")
			.exchange()
			.expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(body).contains("\"build\"").contains("\"artifact\":\"backend\"").contains("\"version\"");
		java.io.InputStream built = getClass().getResourceAsStream("/git.properties");
		if (java.nio.file.Files.exists(java.nio.file.Path.of("..", ".git"))) {
			// Built from a clone: the plugin must have written git.properties, and info shows its commit,
			// a real commit of this repository.
			assertThat(built).as("git.properties from git-commit-id-maven-plugin").isNotNull();
			java.util.Properties git = new java.util.Properties();
			try (built) {
				git.load(built);
			}
			String commit = git.getProperty("git.commit.id");
			assertThat(commit).matches("[0-9a-f]{40}");
			assertThat(body).contains("\"git\"").contains("\"id\":\"" + commit.substring(0, 7));
			Process known = new ProcessBuilder("git", "cat-file", "-e", commit + "^{commit}")
				.directory(new java.io.File(".."))
				.redirectErrorStream(true)
				.start();
			known.getInputStream().readAllBytes();
			assertThat(known.waitFor()).as("a commit of this repository").isZero();
		}
	}

	/**
	 * Issue 17: business counters reach the Prometheus endpoint. Redemptions (one served, one
	 * refused for want of points), a WeChat error code (a login code WeChat calls invalid, 40029),
	 * a rate-limit refusal (uploads beyond the quota) and a ledger repair (reconcilePoints after an
	 * account was edited by hand) are driven through the public API, then read back from the
	 * management port. Deltas, because other tests in this JVM count too.
	 */
	@Test
	void businessMetricsCountWhatTheApiDid() {
		String before = scrape();
		Session rich = this.points.volunteer("metrics-rich");
		this.points.adjust(this.points.admin, rich.userId(), 50, "志愿服务积分").path("adjustPoints.balanceAfter")
			.entity(Integer.class).isEqualTo(50);
		Session poor = this.points.volunteer("metrics-poor");
		String rewardId = createReward(20);
		redeem(rich, rewardId).path("redeem.id").hasValue();
		ApiErrors.expectCode(redeem(poor, rewardId), "POINTS_INSUFFICIENT");
		ApiErrors.expectCode(this.api.anonymous().documentName("login").variable("code", Fixtures.unique("invalid"))
			.execute(), "WECHAT_CODE_INVALID");
		Session uploader = this.api.login(Fixtures.unique("metrics-upload"));
		int status = 0;
		for (int i = 0; i <= this.uploadQuota && status != 429; i++) {
			status = PhotoFiles.upload(this.port, uploader.accessToken(), PhotoFiles.image("png"), "p.png", "image/png")
				.status();
		}
		assertThat(status).isEqualTo(429);

		// An account edited by hand drifts from its ledger; the reconciliation a center admin runs repairs it.
		Session center = this.api.login(Fixtures.unique("metrics-center"));
		this.points.fixtures.grant(center.userId(), "CENTER_ADMIN", this.points.tree.center());
		this.points.jdbc.update("UPDATE points_account SET balance = balance + 7 WHERE user_id = ?", rich.userId());
		this.api.as(center).documentName("reconcilePoints")
			.variable("since", java.time.Instant.now().minusSeconds(60).toString())
			.execute()
			.path("reconcilePoints.accountsRepaired")
			.entity(Integer.class)
			.satisfies(n -> assertThat(n).isPositive());

		String after = scrape();
		assertThat(delta(before, after, "app_store_redemptions_total", "outcome", "ok")).isEqualTo(1);
		assertThat(delta(before, after, "app_store_redemptions_total", "outcome", "points_insufficient")).isEqualTo(1);
		assertThat(delta(before, after, "app_wechat_errors_total", "errcode", "40029")).isGreaterThanOrEqualTo(1);
		assertThat(delta(before, after, "app_rate_limit_refusals_total", "bucket", "photo-upload"))
			.isGreaterThanOrEqualTo(1);
		assertThat(delta(before, after, "app_ledger_repairs_total", "kind", "points_account")).isGreaterThanOrEqualTo(1);
	}

	private String createReward(int price) {
		Map<String, Object> input = new HashMap<>();
		input.put("stationId", Long.toString(this.points.tree.station()));
		input.put("name", Fixtures.unique("大米"));
		input.put("pictureUrl", "https://img.example.cn/rice.png");
		input.put("kind", "GOODS");
		input.put("pricePoints", price);
		input.put("stock", 5);
		input.put("perPersonLimit", 1);
		return this.api.as(this.points.admin).documentName("createReward").variable("input", input).execute()
			.path("createReward.id").entity(String.class).get();
	}

	private org.springframework.graphql.test.tester.GraphQlTester.Response redeem(Session as, String rewardId) {
		return this.api.as(as).documentName("redeem").variable("rewardId", rewardId).variable("quantity", 1)
			.variable("idempotencyKey", Fixtures.unique("key-")).execute();
	}

	private String scrape() {
		return this.api.client().mutate().baseUrl("http://127.0.0.1:" + this.managementPort).build()
			.get().uri("/actuator/prometheus")
			.exchange()
			.expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
	}

	private static double delta(String before, String after, String metric, String tag, String value) {
		return value(after, metric, tag, value) - value(before, metric, tag, value);
	}

	/** The sum of the samples of {@code metric} whose {@code tag} is {@code value} (0 when none). */
	static double value(String scrape, String metric, String tag, String value) {
		Matcher line = Pattern.compile("(?m)^" + Pattern.quote(metric) + "\\{([^}]*)\\}\\s+(\\S+)$").matcher(scrape);
		double sum = 0;
		while (line.find()) {
			if (line.group(1).contains(tag + "=\"" + value + "\"")) {
				sum += Double.parseDouble(line.group(2));
			}
		}
		return sum;
	}

}
