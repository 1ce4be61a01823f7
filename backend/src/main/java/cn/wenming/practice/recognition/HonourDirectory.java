package cn.wenming.practice.recognition;

import java.util.List;

import cn.wenming.practice.volunteer.VolunteerHonours;

import org.springframework.stereotype.Component;

/** The honours a volunteer holds, for the service certificate (the volunteer feature's port). */
@Component
class HonourDirectory implements VolunteerHonours {

	private final HonourMapper honours;

	HonourDirectory(HonourMapper honours) {
		this.honours = honours;
	}

	@Override
	public List<String> titlesOf(long volunteerId, int year) {
		return this.honours.titlesOf(volunteerId, year);
	}

}
