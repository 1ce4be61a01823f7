package cn.wenming.practice.need;

import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Read access, for other features, to who is involved in a need: the resident who ordered it
 * online (null for an assisted order, which has no user), the assigned team or volunteer, the
 * station. Read in the caller's transaction, so a listener running before commit sees the change
 * being made (the new assignee of a dispatch).
 */
@Component
public class NeedParties {

	private final NeedMapper needs;

	NeedParties(NeedMapper needs) {
		this.needs = needs;
	}

	/** The need's parties, or empty for an unknown id. */
	public Optional<Parties> of(long needId) {
		Need need = this.needs.selectById(needId);
		if (need == null) {
			return Optional.empty();
		}
		return Optional.of(new Parties(need.getId(), need.getTitle(), need.getStationId(), need.getResidentUserId(),
				need.getAssignedTeamId(), need.getAssignedUserId(), need.getDeadlineAt()));
	}

	/** Who is involved in one need, and what to call it. */
	public record Parties(long needId, String title, long stationId, Long residentUserId, Long assignedTeamId,
			Long assignedUserId, Instant deadline) {
	}

}
