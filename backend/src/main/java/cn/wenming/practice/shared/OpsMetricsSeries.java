package cn.wenming.practice.shared;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.stereotype.Component;

/**
 * Registers the {@link OpsMetrics} series whose tag values are known in advance at zero, so that
 * they are scraped from the first minute: an alert on {@code increase(...)} of a series that does
 * not exist yet never fires on its first occurrence, and a dashboard shows "0", not "no data".
 * WeChat error codes are open-ended and appear when first seen.
 */
@Component
class OpsMetricsSeries implements MeterBinder {

	@Override
	public void bindTo(MeterRegistry registry) {
		for (String outcome : new String[] { "ok", "points_insufficient", "out_of_stock", "limit_exceeded",
				"upstream_unavailable", "service_unavailable", "error" }) {
			Counter.builder(OpsMetrics.REDEMPTIONS).tag("outcome", outcome).register(registry);
		}
		for (String level : new String[] { "institute", "center" }) {
			Counter.builder(OpsMetrics.NEED_ESCALATIONS).tag("level", level).register(registry);
		}
		for (String result : new String[] { "sent", "skipped", "refused", "retry", "failed" }) {
			Counter.builder(OpsMetrics.NOTIFICATION_SENDS).tag("result", result).register(registry);
		}
		for (String component : new String[] { "leaderboard", "points_balance", "geo", "rate_limit" }) {
			Counter.builder(OpsMetrics.REDIS_FALLBACKS).tag("component", component).register(registry);
		}
		for (String kind : new String[] { "award_replayed", "points_account", "redis_stock", "redis_balance",
				"dead_redemption", "hours_rollup" }) {
			Counter.builder(OpsMetrics.LEDGER_REPAIRS).tag("kind", kind).register(registry);
		}
		for (String bucket : new String[] { "login", "photo-upload" }) {
			Counter.builder(OpsMetrics.RATE_LIMIT_REFUSALS).tag("bucket", bucket).register(registry);
		}
	}

}
