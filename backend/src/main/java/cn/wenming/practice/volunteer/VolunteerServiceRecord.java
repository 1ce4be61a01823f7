package cn.wenming.practice.volunteer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * What volunteers did in the features that record service (activities, needs), each of which
 * depends on this one, so this feature asks through an interface it owns instead of depending
 * back. Every implementation is asked and the totals added up for {@code Volunteer.stats};
 * implementations answer for many volunteers in one query.
 */
public interface VolunteerServiceRecord {

	/**
	 * For each volunteer id (absent: nothing yet): the confirmed, non-revoked services and the hours
	 * of those that ended (activity) or were completed (need) in [{@code from}, {@code to}), and the
	 * hours of finished services still waiting for an admin's confirmation.
	 */
	Map<Long, Totals> totals(Collection<Long> volunteerIds, Instant from, Instant to);

	/**
	 * For each volunteer id (absent: none): how many of their confirmed hours in this feature were
	 * revoked, of services that ended (activity) or were completed (need) in [{@code from}, {@code to}).
	 * For yearly recognition (优秀志愿者: no revoked record in the year).
	 */
	default Map<Long, Integer> revokedCounts(Collection<Long> volunteerIds, Instant from, Instant to) {
		return Map.of();
	}

	/**
	 * One volunteer's totals in one feature: attended activities, served needs (both confirmed and
	 * not revoked), the confirmed hours among them in the asked period, and pending hours.
	 */
	record Totals(int activitiesCount, int needsCount, BigDecimal hoursInPeriod, BigDecimal pendingHours) {

		public static final Totals NONE = new Totals(0, 0, BigDecimal.ZERO, BigDecimal.ZERO);

		public Totals plus(Totals other) {
			return new Totals(this.activitiesCount + other.activitiesCount, this.needsCount + other.needsCount,
					this.hoursInPeriod.add(other.hoursInPeriod), this.pendingHours.add(other.pendingHours));
		}

	}

}
