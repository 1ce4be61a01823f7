package cn.wenming.practice.need;

import java.time.Clock;
import java.util.Optional;

import cn.wenming.practice.auth.Actor;
import cn.wenming.practice.org.OrgDirectory;
import cn.wenming.practice.shared.Masking;
import cn.wenming.practice.team.TeamDirectory;

import org.springframework.stereotype.Component;

/**
 * Who sees what of a need, and the view each viewer gets. Private fields (contact name and phone,
 * exact address and coordinates, consent note, the content hold, the timeline, participants and
 * photos) are for the resident who ordered it, admins covering its station and its assignee (the
 * volunteer, or the current leader of the team) until {@code assigneeAccessAfterClose} after it
 * closed. A held completion note is for its author (the assignee) and admins, a held rating
 * comment for the resident and admins, until reviewed. Everyone else sees a published need
 * without any of that, and nothing of an unpublished one.
 */
@Component
class NeedVisibility {

	private final OrgDirectory orgs;

	private final TeamDirectory teams;

	private final NeedProperties properties;

	private final Clock clock;

	private final NeedContacts contacts;

	NeedVisibility(OrgDirectory orgs, TeamDirectory teams, NeedProperties properties, Clock clock,
			NeedContacts contacts) {
		this.orgs = orgs;
		this.teams = teams;
		this.properties = properties;
		this.clock = clock;
		this.contacts = contacts;
	}

	/** The need as the actor may see it, or empty when they may not see it at all. */
	Optional<NeedView> visibleTo(Actor actor, Need need) {
		boolean privileged = privileged(actor, need);
		if (!privileged && !NeedStatus.PUBLIC.contains(need.getStatus())) {
			return Optional.empty();
		}
		return Optional.of(viewFor(actor, need, privileged));
	}

	/** The need after the actor acted on it, masked as they may see it. */
	NeedView viewFor(Actor actor, Need need) {
		return viewFor(actor, need, privileged(actor, need));
	}

	/**
	 * One of the resident's own needs. The resident wrote the rating comment, not the completion
	 * note: a held note stays hidden.
	 */
	NeedView forResident(Need need) {
		return view(need, true, false, true);
	}

	/** A need under a unit the caller administers (checked by the caller). */
	NeedView forAdmin(Need need) {
		return view(need, true, true, true);
	}

	/** A published need on the public wish wall. */
	static Wish wish(Need need) {
		return new Wish(need.getId(), need.getCategoryId(), need.getTitle(), need.getDescription(),
				need.getBeneficiaryType(), need.getUrgency(), need.getStationId(), Masking.name(need.getContactName()),
				dateText(need), need.getPublishedAt());
	}

	/**
	 * Whether the actor may see the need's private fields: the resident who ordered it, an admin
	 * covering its station, or its assignee (the volunteer, or the current leader of the team).
	 */
	boolean privileged(Actor actor, Need need) {
		if (actor == null) {
			return false;
		}
		if (need.getResidentUserId() != null && need.getResidentUserId() == actor.userId()) {
			return true;
		}
		if (isAssignee(actor, need) && !assigneeAccessOver(need)) {
			return true;
		}
		return actor.isAnyAdmin() && actor.isAdminOver(this.orgs.require(need.getStationId()).path());
	}

	/** The dispatched or claiming volunteer, or the current leader of the assigned team. */
	boolean isAssignee(Actor actor, Need need) {
		if (need.getAssignedUserId() != null) {
			return need.getAssignedUserId() == actor.userId();
		}
		return need.getAssignedTeamId() != null && this.teams.isLeader(need.getAssignedTeamId(), actor.userId());
	}

	/** The assignee's sight of the resident's data ends {@code assigneeAccessAfterClose} after the need closed. */
	private boolean assigneeAccessOver(Need need) {
		return need.getClosedAt() != null
				&& !this.clock.instant().isBefore(need.getClosedAt().plus(this.properties.assigneeAccessAfterClose()));
	}

	private NeedView viewFor(Actor actor, Need need, boolean privileged) {
		if (!privileged) {
			return view(need, false, false, false);
		}
		boolean admin = actor.isAnyAdmin() && actor.isAdminOver(this.orgs.require(need.getStationId()).path());
		boolean resident = need.getResidentUserId() != null && need.getResidentUserId() == actor.userId();
		boolean note = admin || (need.getCompletionNoteHold() != null && isAssignee(actor, need));
		return view(need, true, note, admin || resident);
	}

	private NeedView view(Need need, boolean privileged, boolean heldNote, boolean heldComment) {
		return new NeedView(need.getId(), need.getCategoryId(), need.getTitle(), need.getDescription(),
				need.getBeneficiaryType(), need.getUrgency(), need.getSource(), need.getStatus(), need.getStationId(),
				Masking.name(need.getContactName()), privileged ? need.getContactName() : null,
				privileged ? this.contacts.phone(need) : null, privileged ? this.contacts.address(need) : null,
				privileged ? need.getLatitude() : null, privileged ? need.getLongitude() : null,
				privileged ? need.getConsentNote() : null, dateText(need), need.getAssignedTeamId(),
				need.getAssignedUserId(), need.getProjectId(), need.getDeadlineAt(), need.getPublishedAt(),
				need.getCompletedAt(), (need.getCompletionNoteHold() == null || heldNote) ? need.getCompletionNote() : null,
				need.getRatingStars(), (need.getRatingCommentHold() == null || heldComment) ? need.getRatingComment() : null,
				need.getRatedAt(), privileged ? need.getContentHold() : null,
				heldNote ? need.getCompletionNoteHold() : null, heldComment ? need.getRatingCommentHold() : null,
				need.getDispatchedAt(), need.getEscalationLevel(), need.getEscalatedAt(), need.getCreatedAt(),
				need.getStageStartedAt(), privileged, need.getBeneficiaries());
	}

	private static String dateText(Need need) {
		return (need.getDesiredDate() == null) ? null : need.getDesiredDate().toString();
	}

}
