package cn.wenming.practice.need;

import java.time.Instant;
import java.util.List;

/**
 * A need's participants' hours were confirmed by an impartial admin (and credited as service hours
 * in the same transaction): the participants listed here, each once. For features that reward
 * hours (points). Published inside the confirming transaction; consume it with
 * {@code @ApplicationModuleListener}.
 */
public record NeedHoursConfirmed(long needId, long stationId, List<NeedCompleted.Participant> participants,
		Instant confirmedAt) {

	public NeedHoursConfirmed {
		participants = List.copyOf(participants);
	}

}
