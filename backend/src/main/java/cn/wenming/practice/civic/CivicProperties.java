package cn.wenming.practice.civic;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * 随手拍 settings ({@code app.civic}): {@code submit-quota} (reports per volunteer, a token bucket in
 * Redis: a burst of {@code capacity} refilled over {@code refill-period}; default 10 a day) and
 * {@code escalate-again-after} (an overdue report is shown as escalated to the 所, and to the 中心 this
 * long after its deadline; default 2 days). The points a verified report earns are a points rule
 * ({@code app.points.civic-report-verified}).
 */
@Validated
@ConfigurationProperties("app.civic")
record CivicProperties(@Valid @NotNull @DefaultValue Quota submitQuota,
		@DefaultValue("2d") @NotNull Duration escalateAgainAfter) {

	record Quota(@DefaultValue("10") @Min(1) @Max(1000) int capacity,
			@DefaultValue("1d") @NotNull Duration refillPeriod) {
	}

}
