package cn.wenming.practice;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17: the Prometheus alert rules ({@code docker/prometheus/alerts.yml}) and the Grafana
 * dashboard ({@code docker/grafana/backend-dashboard.json}) parse, have the shape their tools
 * load, and name only metrics this application really exports: each name in their PromQL must be
 * a sample in a scrape of the running server's management port (or Prometheus's own {@code up}).
 * A renamed counter or a typo in an expression fails here, not on the night the alert was needed.
 */
@IntegrationTest
class OpsArtifactsTest {

	static final Path DOCKER = Path.of("..", "docker");

	/** PromQL words that are not metric names: functions, aggregations, operators, modifiers. */
	private static final Set<String> PROMQL_WORDS = Set.of("sum", "min", "max", "avg", "count", "rate", "irate",
			"increase", "by", "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless", "bool",
			"offset", "histogram_quantile", "delta", "abs", "clamp_min", "clamp_max", "topk", "bottomk", "absent",
			"avg_over_time", "max_over_time", "min_over_time", "sum_over_time", "inf", "nan");

	/** Series Prometheus makes itself, not the application. */
	private static final Set<String> FROM_PROMETHEUS = Set.of("up");

	@Value("${local.management.port}")
	int managementPort;

	@Scenario
	Api api;

	private Set<String> exported;

	@BeforeEach
	void scrape() {
		// A WeChat error code and an HTTP request first: those series appear on first use.
		ApiErrors.expectCode(this.api.anonymous().documentName("login").variable("code", Fixtures.unique("invalid"))
			.execute(), "WECHAT_CODE_INVALID");
		String body = this.api.client().mutate().baseUrl("http://127.0.0.1:" + this.managementPort).build()
			.get().uri("/actuator/prometheus")
			.exchange()
			.expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		this.exported = new TreeSet<>();
		Matcher sample = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]").matcher(body);
		while (sample.find()) {
			this.exported.add(sample.group(1));
		}
		assertThat(this.exported).contains("app_store_redemptions_total", "app_wechat_errors_total");
	}

	@Test
	@SuppressWarnings("unchecked")
	void alertRulesParseAndNameOnlyExportedMetrics() throws IOException {
		Map<String, Object> file = new Yaml().load(Files.readString(DOCKER.resolve("prometheus/alerts.yml")));
		List<Map<String, Object>> groups = (List<Map<String, Object>>) file.get("groups");
		assertThat(groups).isNotEmpty();
		List<String> expressions = new ArrayList<>();
		Set<String> alerts = new LinkedHashSet<>();
		for (Map<String, Object> group : groups) {
			assertThat(group.get("name")).isInstanceOf(String.class);
			for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
				assertThat(rule).containsKeys("alert", "expr", "labels", "annotations");
				assertThat(alerts.add((String) rule.get("alert"))).as("alert names are unique").isTrue();
				assertThat(((Map<String, Object>) rule.get("labels")).get("severity")).isIn("critical", "warning");
				assertThat(((Map<String, Object>) rule.get("annotations")).get("summary")).isInstanceOf(String.class);
				expressions.add((String) rule.get("expr"));
			}
		}
		assertNamesExported(expressions);
		// The business signals issue 17 asks for each have an alert.
		assertThat(String.join("\n", expressions)).contains("app_store_redemptions_total", "app_need_escalations_total",
				"app_notification_sends_total", "app_wechat_errors_total", "app_redis_fallbacks_total",
				"app_ledger_repairs_total", "app_rate_limit_refusals_total");
	}

	@Test
	void dashboardParsesAndNamesOnlyExportedMetrics() throws IOException {
		JsonNode dashboard = JsonMapper.shared().readTree(Files.readString(DOCKER.resolve("grafana/backend-dashboard.json")));
		assertThat(dashboard.path("title").asText()).isNotBlank();
		assertThat(dashboard.path("uid").asText()).isNotBlank();
		List<String> expressions = new ArrayList<>();
		assertThat(dashboard.path("panels").size()).isGreaterThan(0);
		for (JsonNode panel : dashboard.path("panels")) {
			assertThat(panel.path("title").asText()).isNotBlank();
			assertThat(panel.path("gridPos").has("w")).isTrue();
			assertThat(panel.path("targets").size()).as(panel.path("title").asText()).isGreaterThan(0);
			for (JsonNode target : panel.path("targets")) {
				expressions.add(target.path("expr").asText());
			}
		}
		assertNamesExported(expressions);
	}

	private void assertNamesExported(List<String> expressions) {
		Set<String> named = new TreeSet<>();
		for (String expr : expressions) {
			named.addAll(metricNames(expr));
		}
		assertThat(named).isNotEmpty();
		for (String name : named) {
			assertThat(this.exported.contains(name) || FROM_PROMETHEUS.contains(name))
				.as("%s is not exported by the application (exported: %s)", name, this.exported)
				.isTrue();
		}
	}

	/** The metric names in a PromQL expression: identifiers outside label matchers, grouping clauses and strings. */
	static Set<String> metricNames(String expr) {
		String bare = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
			.replaceAll("\\{[^}]*\\}", " ")
			.replaceAll("\\[[^\\]]*\\]", " ")
			.replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
		Set<String> names = new TreeSet<>();
		Matcher word = Pattern.compile("(?<![\\w.])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?").matcher(bare);
		while (word.find()) {
			if (word.group(2) == null && !PROMQL_WORDS.contains(word.group(1))) {
				names.add(word.group(1));
			}
		}
		return names;
	}

	@Test
	void metricNamesAreFoundInExpressions() {
		assertThat(metricNames("sum by (instance) (rate(http_server_requests_seconds_count{status=~\"5..\"}[5m]))"
				+ " / sum(jvm_memory_used_bytes{area=\"heap\"}) > 0.05 and up == 0"))
			.containsExactly("http_server_requests_seconds_count", "jvm_memory_used_bytes", "up");
	}

}
