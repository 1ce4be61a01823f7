package cn.wenming.practice.volunteer;

import java.util.List;

/**
 * The honour titles (荣誉称号) a volunteer holds, supplied by the recognition feature (which depends on
 * this one), for documents that print them, like the yearly service certificate, whose feature may
 * not read recognition's tables.
 */
public interface VolunteerHonours {

	/** Titles of the honours of {@code year} the volunteer holds (not revoked), oldest first. */
	List<String> titlesOf(long volunteerId, int year);

}
