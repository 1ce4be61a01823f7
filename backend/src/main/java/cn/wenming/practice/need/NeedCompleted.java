package cn.wenming.practice.need;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A need was completed: who served and for how long, as claimed. The hours are PENDING and earn
 * nothing yet: credit hours and points follow {@link NeedHoursConfirmed}. Published inside the completing transaction; consume it with
 * {@code @ApplicationModuleListener} so it is seen only once the completion has committed.
 */
public record NeedCompleted(long needId, long stationId, List<Participant> participants, Instant completedAt) {

	public NeedCompleted {
		participants = List.copyOf(participants);
	}

	/** One volunteer who served, with their hours on this need. */
	public record Participant(long userId, long volunteerId, BigDecimal hours) {
	}

}
