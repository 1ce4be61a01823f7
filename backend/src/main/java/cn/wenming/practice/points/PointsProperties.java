package cn.wenming.practice.points;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import cn.wenming.practice.volunteer.ServiceCategory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The earning rules, all in one place ({@code app.points}).
 * <ul>
 * <li>{@code per-credit-hour} (default 10): points per confirmed activity hour, overridden per
 * service platform by {@code per-credit-hour-by-category} (e.g. {@code THEORY_LECTURE: 15});</li>
 * <li>{@code need-completed-per-hour} (default 10): points per hour a participant served a completed
 * need (a need is service like an activity, so the same default rate);</li>
 * <li>{@code rating-bonus} (default 20): a flat bonus to every participant of a need the resident
 * rated at least {@code rating-bonus-min-stars} (default 4);</li>
 * <li>{@code civic-report-verified} (default 5): a flat award to the reporter of a 随手拍 another admin
 * verified, once per report;</li>
 * <li>{@code balance-cache-ttl} (default 10 min): how long Redis keeps a balance; bounds how stale it
 * can be if an after-commit refresh was lost while Redis was unreachable;</li>
 * <li>{@code zone} (default Asia/Shanghai): where a calendar year starts for {@code earnedThisYear};</li>
 * <li>{@code reconcile-lookback} (default 2 days): how far back the scheduled reconciler replays
 * awards; {@code reconcile-cron} (unset: off) schedules it.</li>
 * </ul>
 * Hours × rate is rounded half-up to whole points. Honor hours earn nothing (they are not hours
 * events).
 */
@Validated
@ConfigurationProperties("app.points")
record PointsProperties(@DefaultValue("10") @Min(0) @Max(10_000) int perCreditHour,
		Map<ServiceCategory, Integer> perCreditHourByCategory,
		@DefaultValue("10") @Min(0) @Max(10_000) int needCompletedPerHour,
		@DefaultValue("20") @Min(0) @Max(100_000) int ratingBonus,
		@DefaultValue("4") @Min(1) @Max(5) int ratingBonusMinStars,
		@DefaultValue("10m") @NotNull Duration balanceCacheTtl,
		@DefaultValue("Asia/Shanghai") @NotNull ZoneId zone,
		@DefaultValue("2d") @NotNull Duration reconcileLookback,
		@DefaultValue("5") @Min(0) @Max(100_000) int civicReportVerified) {

	PointsProperties {
		perCreditHourByCategory = (perCreditHourByCategory == null) ? Map.of() : Map.copyOf(perCreditHourByCategory);
	}

	/** Points for confirmed activity hours of a category. */
	int forActivityHours(BigDecimal hours, ServiceCategory category) {
		int rate = (category == null) ? this.perCreditHour
				: this.perCreditHourByCategory.getOrDefault(category, this.perCreditHour);
		return times(hours, rate);
	}

	/** Points for the hours one participant served a completed need. */
	int forNeedHours(BigDecimal hours) {
		return times(hours, this.needCompletedPerHour);
	}

	private static int times(BigDecimal hours, int rate) {
		if (hours == null || hours.signum() <= 0) {
			return 0;
		}
		return hours.multiply(BigDecimal.valueOf(rate)).setScale(0, RoundingMode.HALF_UP).intValueExact();
	}

}
