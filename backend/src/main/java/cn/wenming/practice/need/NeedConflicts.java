package cn.wenming.practice.need;

import java.util.Objects;

import cn.wenming.practice.shared.DomainException;
import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import cn.wenming.practice.team.TeamDirectory;
import cn.wenming.practice.team.TeamRef;

import org.springframework.stereotype.Component;

/**
 * Conflicts of interest on a need (NEED_CONFLICT_OF_INTEREST). A need has an asking side — the
 * resident who ordered it online, and whoever entered it (the resident again, or the staff member
 * who took an assisted order) — and a serving side — the assignee (the volunteer, or the leader of
 * the assigned team) and the participants named at completion. Nobody is on both: otherwise one
 * person says a need exists, says it was served and is credited for it, and a resident could order
 * for themselves and be paid in points. The serving side never rates, since a rating is the asking
 * side's verdict on the service and earns the participants points.
 * <p>
 * Dispatching to a team whose leader is on the asking side is refused (the leader acts for the
 * team); the team may serve without them when someone else leads it, and a member who asked stays
 * out of the participants.
 */
@Component
class NeedConflicts {

	private final TeamDirectory teams;

	private final NeedParticipantMapper participants;

	NeedConflicts(TeamDirectory teams, NeedParticipantMapper participants) {
		this.teams = teams;
		this.participants = participants;
	}

	/** The resident who ordered the need, or whoever entered it. */
	static boolean asks(Need need, long userId) {
		return Objects.equals(need.getResidentUserId(), userId) || Objects.equals(need.getCreatedBy(), userId);
	}

	/** Refuses a user on the asking side as assignee, acting assignee or participant. */
	void requireNotAsking(Need need, long userId) {
		if (asks(need, userId)) {
			throw new DomainException(NeedError.NEED_CONFLICT_OF_INTEREST);
		}
	}

	/** Refuses a team led by someone on the asking side. */
	void requireTeamNotLedByAsking(Need need, TeamRef team) {
		requireNotAsking(need, team.leaderUserId());
	}

	/** Refuses a rating by the assignee (the volunteer, or the leader of the assigned team) or a participant. */
	void requireNotServing(Need need, long userId) {
		boolean assignee = Objects.equals(need.getAssignedUserId(), userId) || (need.getAssignedTeamId() != null
				&& this.teams.isLeader(need.getAssignedTeamId(), userId));
		if (assignee || isParticipant(need.getId(), userId)) {
			throw new DomainException(NeedError.NEED_CONFLICT_OF_INTEREST);
		}
	}

	private boolean isParticipant(long needId, long userId) {
		return this.participants.selectCount(Wrappers.lambdaQuery(NeedParticipant.class)
			.eq(NeedParticipant::getNeedId, needId)
			.eq(NeedParticipant::getUserId, userId)) > 0;
	}

}
