package cn.wenming.practice.testinfra;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Reads the management port's {@code /actuator/prometheus} the way Prometheus does, for tests that
 * check a business counter moved. Counters are global to the JVM and other tests count too, so
 * tests compare two scrapes ({@link #delta}) rather than read absolute values.
 */
public final class Prometheus {

	private final WebTestClient client;

	public Prometheus(Api api, int managementPort) {
		this.client = api.client().mutate().baseUrl("http://127.0.0.1:" + managementPort).build();
	}

	/** The exposition text as served. */
	public String scrape() {
		return this.client.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	public static double delta(String before, String after, String metric, String tag, String value) {
		return value(after, metric, tag, value) - value(before, metric, tag, value);
	}

	/** The sum of the samples of {@code metric} whose {@code tag} is {@code value} (0 when none). */
	public static double value(String scrape, String metric, String tag, String value) {
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
