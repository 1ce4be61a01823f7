package cn.wenming.practice.points;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The optional expiry policy of points ({@code app.points.expiry}): {@code policy} NONE (default:
 * points never expire), CALENDAR_YEAR (points earned in a calendar year are valid until the end of
 * the year {@code years − 1} later: with {@code years: 1}, until 31 December of the year earned) or
 * YEARS (valid {@code years} years from the day earned). Calendar years are those of
 * {@code app.points.zone}.
 */
@Validated
@ConfigurationProperties("app.points.expiry")
record PointsExpiryProperties(@DefaultValue("NONE") @NotNull Policy policy, @DefaultValue("1") @Min(1) @Max(100) int years) {

	enum Policy {

		NONE, CALENDAR_YEAR, YEARS

	}

}
