package cn.wenming.practice.activity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Moves people from the waitlist (候补) into free places, first come first served. Must run in the
 * transaction that holds the activity row lock ({@link ActivityMapper#lock}), like every other
 * change of an activity's places, so promotions and sign-ups never race for the same place.
 */
@Component
class Waitlist {

	private final SignUpMapper signUps;

	Waitlist(SignUpMapper signUps) {
		this.signUps = signUps;
	}

	/**
	 * Promotes waitlisted sign-ups in waitlist order while {@code confirmed < capacity}; returns the
	 * promoted sign-ups (as they were before promotion). The caller writes the new confirmed count,
	 * {@code confirmed + promoted.size()}.
	 */
	List<SignUp> fill(long activityId, int capacity, int confirmed, Instant now) {
		List<SignUp> promoted = new ArrayList<>();
		int free = capacity - confirmed;
		while (free > 0) {
			SignUp next = this.signUps.firstWaitlisted(activityId);
			if (next == null || this.signUps.promote(next.getId(), now) == 0) {
				break;
			}
			promoted.add(next);
			free--;
		}
		return promoted;
	}

}
