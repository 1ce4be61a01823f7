package cn.wenming.practice.volunteer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * What volunteers did in activities, supplied by the activity feature (which depends on this one,
 * so this feature asks through an interface it owns instead of depending back). Used for
 * {@code Volunteer.stats}; implementations answer for many volunteers in one query.
 */
public interface VolunteerServiceRecord {

	/**
	 * For each volunteer id (absent: nothing yet): confirmed, non-revoked sign-ups and the credit
	 * hours of those whose activity ended in [{@code from}, {@code to}).
	 */
	Map<Long, Totals> totals(Collection<Long> volunteerIds, Instant from, Instant to);

	/** One volunteer's attended activities and the hours among them in the asked period. */
	record Totals(int activitiesCount, BigDecimal hoursInPeriod) {
	}

}
