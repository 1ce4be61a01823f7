package cn.wenming.practice.activity;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.MutableClock;

/**
 * Runs one activity of a scenario from publication to confirmed hours through the API: the given
 * volunteers sign up, check in on site, check out after the end (hours = the activity's length)
 * and the organiser finishes the activity and confirms their hours. Moves the clock and resets it.
 */
public final class Attendance {

	private Attendance() {
	}

	/** The finished activity and each attendee's sign-up id by user id. */
	public record Attended(String activityId, Map<Long, String> signUpIds) {
	}

	public static Attended attend(ActivityScenario s, MutableClock clock, String title, Duration length,
			Session... volunteers) {
		clock.reset();
		Instant start = clock.instant().plus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.MILLIS);
		Map<String, Object> input = s.activityInput(start, start.plus(length), 10);
		input.put("title", title);
		String id = s.createActivity(s.admin, input).path("createActivity.id").entity(String.class).get();
		s.move(s.admin, "publishActivity", id).path("publishActivity.status").entity(String.class).isEqualTo("PUBLISHED");
		for (Session v : volunteers) {
			s.signUp(v, id).path("signUp.status").entity(String.class).isEqualTo("CONFIRMED");
			s.checkHere("checkIn", v, id, s.code(id)).path("checkIn.checkedInAt").hasValue();
		}
		s.move(s.admin, "startActivity", id).path("startActivity.status").entity(String.class).isEqualTo("ONGOING");
		clock.shift(length.plus(Duration.ofHours(1)));
		Map<Long, String> signUpIds = new LinkedHashMap<>();
		for (Session v : volunteers) {
			signUpIds.put(v.userId(),
					s.checkHere("checkOut", v, id, s.code(id)).path("checkOut.id").entity(String.class).get());
		}
		s.move(s.admin, "finishActivity", id).path("finishActivity.status").entity(String.class).isEqualTo("FINISHED");
		s.api.as(s.admin).documentName("confirmHours").variable("activityId", id)
			.variable("signUpIds", new ArrayList<>(signUpIds.values())).execute()
			.path("confirmHours[*].hoursConfirmed").entityList(Boolean.class).satisfies(all -> {
				if (all.size() != volunteers.length || all.contains(false)) {
					throw new AssertionError("hours not confirmed: " + all);
				}
			});
		clock.reset();
		return new Attended(id, signUpIds);
	}

	static List<String> ids(Attended... attended) {
		List<String> ids = new ArrayList<>();
		for (Attended a : attended) {
			ids.add(a.activityId());
		}
		return ids;
	}

}
