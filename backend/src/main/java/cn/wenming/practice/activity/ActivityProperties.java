package cn.wenming.practice.activity;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Activities ({@code app.activity.*}).
 *
 * @param maxDuration the longest activity that may be created or rescheduled (default 12 h).
 * Hours are the overlap of attendance with the activity's time, so one check-in at the start and
 * one check-out at the end of a three-day "activity" would credit 72 hours: the length is the cap
 * on what one sign-up can earn. A multi-day event (a camp, a festival) is entered as one activity
 * per day, each with its own check-in and check-out, which is also how the days are served. 12 h
 * covers a long day of service (an early market stall to an evening show); at most 24 h may be
 * configured, since no one serves more than a day in one stretch.
 * @param wxacodeEnvVersion which version of the mini-program an activity's 小程序码 opens:
 * {@code release} (default), {@code trial} or {@code develop} (a test account before release).
 */
@Validated
@ConfigurationProperties("app.activity")
record ActivityProperties(
		@NotNull @DurationMin(minutes = 30) @DurationMax(hours = 24) @DefaultValue("12h") Duration maxDuration,
		@NotNull @Pattern(regexp = "release|trial|develop") @DefaultValue("release") String wxacodeEnvVersion) {
}
