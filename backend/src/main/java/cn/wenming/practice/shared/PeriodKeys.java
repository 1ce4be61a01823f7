package cn.wenming.practice.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;

/**
 * The labels of the periods figures are added up by, in China time (Asia/Shanghai, UTC+8 all year):
 * the ISO week {@code 2026-W49}, the month {@code 2026-12}, the year {@code 2026} and {@code all}.
 * Rollups store them as keys and leaderboards name their Redis keys with them, so both must compute
 * them here; SQL that backfills a rollup computes the same with {@code DATE_FORMAT(t + INTERVAL 8 HOUR,
 * '%x-W%v' | '%Y-%m' | '%Y')}.
 */
public final class PeriodKeys {

	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	/** The label of the all-time period. */
	public static final String ALL = "all";

	private PeriodKeys() {
	}

	/** A kind of period; stored in rollups by name. */
	public enum Period {

		WEEK, MONTH, YEAR, ALL;

		/** The label of the period of this kind that contains {@code at}. */
		public String valueAt(Instant at) {
			return valueOn(at.atZone(ZONE).toLocalDate());
		}

		/** The label of the period of this kind that contains the (China) date. */
		public String valueOn(LocalDate day) {
			return switch (this) {
				case WEEK -> String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR),
						day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
				case MONTH -> String.format("%d-%02d", day.getYear(), day.getMonthValue());
				case YEAR -> Integer.toString(day.getYear());
				case ALL -> PeriodKeys.ALL;
			};
		}

	}

}
