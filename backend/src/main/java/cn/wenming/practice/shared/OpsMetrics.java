package cn.wenming.practice.shared;

import java.util.Locale;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;

/**
 * The business counters operators watch, all named here so that {@code docker/prometheus/alerts.yml},
 * the Grafana dashboard and docs/design.md ("Operator signals") have one list to agree with
 * ({@code OpsArtifactsTest} checks that every metric they name is exported). Prometheus adds
 * {@code _total}: {@code app.store.redemptions} is scraped as {@code app_store_redemptions_total}.
 * <p>
 * Tags are bounded sets (outcomes, error codes, component names), never ids.
 * <p>
 * Static, on Micrometer's global registry, which Spring Boot binds its registries to
 * ({@code management.metrics.use-global-registry}, on by default): the places that count are
 * static helpers ({@link WechatErrors}), classes tests build by hand, and beans of every module,
 * and none of them needs a registry threaded through its constructor for one counter.
 */
public final class OpsMetrics {

	/** Redemptions by {@code outcome}: {@code ok} or the refusal's error code (lower case). */
	public static final String REDEMPTIONS = "app.store.redemptions";

	/** Needs escalated by deadline, by {@code level}: {@code institute} (站 → 所), {@code center} (所 → 中心). */
	public static final String NEED_ESCALATIONS = "app.need.escalations";

	/** Subscribe-message send attempts by {@code result}: sent, skipped, refused, retry, failed. */
	public static final String NOTIFICATION_SENDS = "app.notification.sends";

	/** WeChat API calls answered with an error, by {@code api} and {@code errcode}. */
	public static final String WECHAT_ERRORS = "app.wechat.errors";

	/** Reads or writes served without Redis (MySQL answered, or the step was skipped), by {@code component}. */
	public static final String REDIS_FALLBACKS = "app.redis.fallbacks";

	/** Repairs of the points ledger's derived state, by {@code kind}. */
	public static final String LEDGER_REPAIRS = "app.ledger.repairs";

	/** Calls refused by a rate limit, by {@code bucket}. */
	public static final String RATE_LIMIT_REFUSALS = "app.rate_limit.refusals";

	/** Rate-limit checks skipped because Redis was down, by {@code bucket}. */
	public static final String RATE_LIMIT_FALLBACKS = "app.rate_limit.fallbacks";

	private static final MeterRegistry registry = Metrics.globalRegistry;

	private OpsMetrics() {
	}

	public static void redemption(String outcome) {
		registry.counter(REDEMPTIONS, "outcome", outcome.toLowerCase(Locale.ROOT)).increment();
	}

	public static void needEscalated(String level) {
		registry.counter(NEED_ESCALATIONS, "level", level.toLowerCase(Locale.ROOT)).increment();
	}

	public static void notificationSend(String result) {
		registry.counter(NOTIFICATION_SENDS, "result", result.toLowerCase(Locale.ROOT)).increment();
	}

	public static void redisFallback(String component) {
		registry.counter(REDIS_FALLBACKS, "component", component).increment();
	}

	public static void ledgerRepaired(String kind, int count) {
		if (count > 0) {
			registry.counter(LEDGER_REPAIRS, "kind", kind).increment(count);
		}
	}

	/** Counts a WeChat error code ({@code none} when WeChat's answer had none). */
	public static void wechatError(String api, int errcode) {
		String code = (errcode == Integer.MIN_VALUE) ? "none" : Integer.toString(errcode);
		registry.counter(WECHAT_ERRORS, "api", api, "errcode", code).increment();
	}

}
