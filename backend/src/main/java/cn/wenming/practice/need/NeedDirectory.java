package cn.wenming.practice.need;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Read access to needs for other features. {@link #participants(long)} lets a consumer of
 * {@link NeedRated} (which carries no participants) find who served, e.g. to reward them.
 */
@Component
public class NeedDirectory {

	private final NeedParticipantMapper participants;

	NeedDirectory(NeedParticipantMapper participants) {
		this.participants = participants;
	}

	/** The volunteers who served a completed need, with their hours; empty for an unknown or open need. */
	public List<NeedCompleted.Participant> participants(long needId) {
		return this.participants.ofNeeds(List.of(needId))
			.stream()
			.map(p -> new NeedCompleted.Participant(p.getUserId(), p.getVolunteerId(), p.getHours()))
			.toList();
	}

}
