package cn.wenming.practice.report;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.wenming.practice.shared.DomainException;
import cn.wenming.practice.shared.PeriodKeys;

/**
 * A report's period in China time: an ISO week ({@code 2026-W07}, Monday to Sunday) for a weekly
 * report, a month ({@code 2026-02}) for a monthly one — the labels of {@link PeriodKeys}, so the hours
 * rollups are read by the same key. {@code first} and {@code next} are dates: [first, next).
 */
record ReportPeriod(ReportKind kind, String label, LocalDate first, LocalDate next) {

	private static final Pattern WEEK = Pattern.compile("^(\\d{4})-W(\\d{2})$");

	private static final Pattern MONTH = Pattern.compile("^(\\d{4})-(\\d{2})$");

	static ReportPeriod parse(ReportKind kind, String label) {
		String text = (label == null) ? "" : label.strip();
		try {
			if (kind == ReportKind.WEEKLY) {
				Matcher m = WEEK.matcher(text);
				if (m.matches()) {
					int year = Integer.parseInt(m.group(1));
					int week = Integer.parseInt(m.group(2));
					LocalDate monday = LocalDate.of(year, 1, 4)
						.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
						.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
					if (year >= 2000 && year <= 2100 && week >= 1
							&& PeriodKeys.Period.WEEK.valueOn(monday).equals(text)) {
						return new ReportPeriod(kind, text, monday, monday.plusWeeks(1));
					}
				}
			}
			else {
				Matcher m = MONTH.matcher(text);
				if (m.matches()) {
					YearMonth month = YearMonth.parse(text);
					if (month.getYear() >= 2000 && month.getYear() <= 2100) {
						return new ReportPeriod(kind, text, month.atDay(1), month.plusMonths(1).atDay(1));
					}
				}
			}
		}
		catch (RuntimeException ex) {
			// falls through to the refusal
		}
		throw new DomainException(ReportError.REPORT_PERIOD_INVALID);
	}

	/** The period of this kind containing the (China) date. */
	static ReportPeriod containing(ReportKind kind, LocalDate day) {
		return parse(kind, ((kind == ReportKind.WEEKLY) ? PeriodKeys.Period.WEEK : PeriodKeys.Period.MONTH).valueOn(day));
	}

	PeriodKeys.Period rollupPeriod() {
		return (this.kind == ReportKind.WEEKLY) ? PeriodKeys.Period.WEEK : PeriodKeys.Period.MONTH;
	}

	Instant from() {
		return this.first.atStartOfDay(PeriodKeys.ZONE).toInstant();
	}

	Instant to() {
		return this.next.atStartOfDay(PeriodKeys.ZONE).toInstant();
	}

	/** The last day of the period. */
	LocalDate last() {
		return this.next.minusDays(1);
	}

}
