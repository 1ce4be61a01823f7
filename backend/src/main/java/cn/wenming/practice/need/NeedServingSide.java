package cn.wenming.practice.need;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import cn.wenming.practice.team.TeamDirectory;

import org.springframework.stereotype.Component;

/**
 * Who served a need, and so has a stake in its rating: the assigned volunteer, any member of the
 * assigned team (its rating is the team's), every participant, and whoever acted for the serving
 * side in the timeline (claimed, accepted, started or completed it: a leader who has since left
 * the team still served). Such a person never records the rating (回访).
 */
@Component
class NeedServingSide {

	/** The statuses the serving side's own moves lead to. */
	private static final Set<NeedStatus> SERVING_MOVES = EnumSet.of(NeedStatus.CLAIMED, NeedStatus.ACCEPTED,
			NeedStatus.IN_PROGRESS, NeedStatus.COMPLETED);

	private final NeedParticipantMapper participants;

	private final NeedHistoryMapper history;

	private final TeamDirectory teams;

	NeedServingSide(NeedParticipantMapper participants, NeedHistoryMapper history, TeamDirectory teams) {
		this.participants = participants;
		this.history = history;
		this.teams = teams;
	}

	boolean served(Need need, long userId) {
		if (need.getAssignedUserId() != null && need.getAssignedUserId() == userId) {
			return true;
		}
		if (need.getAssignedTeamId() != null && this.teams.isMember(need.getAssignedTeamId(), userId)) {
			return true;
		}
		List<Long> ids = List.of(need.getId());
		return this.participants.ofNeeds(ids).stream().anyMatch(p -> p.getUserId() == userId)
				|| this.history.ofNeeds(ids).stream()
					.anyMatch(row -> SERVING_MOVES.contains(row.getToStatus()) && row.getActorUserId() != null
							&& row.getActorUserId() == userId);
	}

}
