package cn.wenming.practice.volunteer;

import java.math.BigDecimal;

/**
 * The public view of a volunteer (GraphQL {@code VolunteerProfile}), safe to show to anyone
 * logged in: masked name and what they can do; never the ID number, phone or party membership.
 * Skills, categories and the home station's name are resolved in batches by the volunteer
 * feature, so other features may return these from their own fields.
 */
public record VolunteerProfile(long id, String maskedName, long homeStationId, BigDecimal creditHours) {

	public int star() {
		return StarLevel.of(this.creditHours);
	}

}
