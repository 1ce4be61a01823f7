package cn.wenming.practice.volunteer;

import java.math.BigDecimal;

import org.springframework.stereotype.Component;

/**
 * Credits service hours to volunteers for other features (activities, later needs). The star
 * level ({@link StarLevel}) is derived from the credited total, so it follows by itself. Runs in
 * the caller's transaction: the caller guarantees each attendance is credited once.
 */
@Component
public class VolunteerHours {

	private final VolunteerMapper volunteers;

	VolunteerHours(VolunteerMapper volunteers) {
		this.volunteers = volunteers;
	}

	/** Adds confirmed credit hours (from verified attendance) to the volunteer's total. */
	public void addCreditHours(long volunteerId, BigDecimal hours) {
		if (hours == null || hours.signum() < 0) {
			throw new IllegalArgumentException("hours must be zero or positive");
		}
		if (hours.signum() > 0) {
			this.volunteers.addCreditHours(volunteerId, hours, java.time.Instant.now());
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
		}
	}

}
