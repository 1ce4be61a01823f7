package cn.wenming.practice.volunteer;

import java.math.BigDecimal;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Credits service hours to volunteers for other features (activities, later needs). The star
 * level ({@link StarLevel}) is derived from the credited total, so it follows by itself. Runs in
 * the caller's transaction: the caller guarantees each attendance is credited once. Every change
 * announces the new total ({@link CreditHoursChanged}).
 */
@Component
public class VolunteerHours {

	private final VolunteerMapper volunteers;

	private final ApplicationEventPublisher events;

	VolunteerHours(VolunteerMapper volunteers, ApplicationEventPublisher events) {
		this.volunteers = volunteers;
		this.events = events;
	}

	/**
	 * Locks the volunteers' rows (in id order) in the caller's transaction before it changes their
	 * hours. A confirmation or revocation locks its own sign-ups or participations first, then calls
	 * this, then writes: the rows it writes refer to the volunteer, and writing them takes a shared
	 * lock on the volunteer's row (the foreign key check) that the credit update then has to upgrade;
	 * two such moves for one volunteer (an activity's and a need's confirmation) each held the shared
	 * lock and deadlocked on the upgrade. Taking the exclusive lock first, in one order, makes them
	 * queue instead.
	 */
	public void lockForCredit(java.util.Collection<Long> volunteerIds) {
		if (!volunteerIds.isEmpty()) {
			this.volunteers.lockForUpdate(new java.util.TreeSet<>(volunteerIds));
		}
	}

	/** Adds confirmed credit hours (from verified attendance) to the volunteer's total. */
	public void addCreditHours(long volunteerId, BigDecimal hours) {
		if (hours == null || hours.signum() < 0) {
			throw new IllegalArgumentException("hours must be zero or positive");
		}
		if (hours.signum() > 0) {
			this.volunteers.addCreditHours(volunteerId, hours, java.time.Instant.now());
			announce(volunteerId);
		}
	}

	/**
	 * Takes revoked credit hours back from the volunteer's total, never below zero; the star level
	 * follows. The caller guarantees each revocation is applied once.
	 */
	public void subtractCreditHours(long volunteerId, BigDecimal hours) {
		if (hours == null || hours.signum() < 0) {
			throw new IllegalArgumentException("hours must be zero or positive");
		}
		if (hours.signum() > 0) {
			this.volunteers.subtractCreditHours(volunteerId, hours, java.time.Instant.now());
			announce(volunteerId);
		}
	}

	/**
	 * Publishes the new total ({@link CreditHoursChanged}): read in the same transaction right after
	 * the update, which holds the row's lock, so it is the total this change produced.
	 */
	private void announce(long volunteerId) {
		Volunteer volunteer = this.volunteers.selectById(volunteerId);
		if (volunteer != null) {
			BigDecimal total = volunteer.getCreditHours();
			this.events.publishEvent(
					new CreditHoursChanged(volunteerId, volunteer.getUserId(), total, StarLevel.of(total)));
		}
	}

}
