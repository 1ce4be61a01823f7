package cn.wenming.practice.need;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A need was completed: who served and for how long, so that other features (points, service
 * hours) can credit them. Published inside the completing transaction; consume it with
 * {@code @ApplicationModuleListener} so it is seen only once the completion has committed.
 */
public record NeedCompleted(long needId, long stationId, List<Participant> participants, Instant completedAt) {

	public NeedCompleted {
		participants = List.copyOf(participants);
	}

	/** One volunteer who served, with the hours credited for this need. */
	public record Participant(long userId, long volunteerId, BigDecimal hours) {
	}

}
