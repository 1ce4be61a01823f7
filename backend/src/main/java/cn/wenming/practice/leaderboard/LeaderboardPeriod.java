package cn.wenming.practice.leaderboard;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

import cn.wenming.practice.shared.PeriodKeys;

/**
 * The periods of a board, in China time (Asia/Shanghai): the ISO week (Monday to Sunday), the
 * calendar month and year, and all time. A period's Redis keys expire a day after it ends; only the
 * current period is served, so an expired key is never missed.
 */
enum LeaderboardPeriod {

	WEEK, MONTH, YEAR, ALL;

	static final ZoneId ZONE = PeriodKeys.ZONE;

	/** How long a finished period's keys stay (harmless; they are no longer read). */
	static final Duration GRACE = Duration.ofDays(1);

	/** One concrete period: its label in keys, its bounds {@code [from, to)} and when its keys expire (null: never). */
	record Window(LeaderboardPeriod period, String value, Instant from, Instant to, Instant expiresAt) {
	}

	// Far enough on both sides for DATETIME columns.
	private static final Instant ALL_FROM = Instant.parse("1970-01-02T00:00:00Z");

	private static final Instant ALL_TO = Instant.parse("9999-01-01T00:00:00Z");

	/** The rollups' name of this period. */
	PeriodKeys.Period key() {
		return PeriodKeys.Period.valueOf(name());
	}

	Window window(Instant now) {
		LocalDate today = now.atZone(ZONE).toLocalDate();
		return switch (this) {
			case WEEK -> {
				LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
				yield bounded(PeriodKeys.Period.WEEK.valueOn(monday), monday, monday.plusWeeks(1));
			}
			case MONTH -> {
				LocalDate first = today.withDayOfMonth(1);
				yield bounded(PeriodKeys.Period.MONTH.valueOn(first), first, first.plusMonths(1));
			}
			case YEAR -> {
				LocalDate first = today.withDayOfYear(1);
				yield bounded(PeriodKeys.Period.YEAR.valueOn(first), first, first.plusYears(1));
			}
			case ALL -> new Window(this, PeriodKeys.ALL, ALL_FROM, ALL_TO, null);
		};
	}

	private Window bounded(String value, LocalDate from, LocalDate to) {
		Instant end = to.atStartOfDay(ZONE).toInstant();
		return new Window(this, value, from.atStartOfDay(ZONE).toInstant(), end, end.plus(GRACE));
	}

}
