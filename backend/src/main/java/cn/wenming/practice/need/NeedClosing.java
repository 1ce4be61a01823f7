package cn.wenming.practice.need;

import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.auth.Actor;
import cn.wenming.practice.need.NeedTransitions.Move;
import cn.wenming.practice.shared.ContentSecurity.Scene;
import cn.wenming.practice.shared.DomainException;
import cn.wenming.practice.project.ServiceRated;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The moves by which people close a need: the resident rates it (评单) after completion, or
 * cancels it before anyone accepted (staff cancel an assisted order they cover). Closing unrated
 * after the deadline is the deadline job's ({@link NeedDeadlines}).
 */
@Service
class NeedClosing {

	private final NeedWorkflow workflow;

	private final AccessControl access;

	private final NeedContentCheck content;

	private final ApplicationEventPublisher events;

	private final NeedConflicts conflicts;

	NeedClosing(NeedWorkflow workflow, AccessControl access, NeedContentCheck content,
			ApplicationEventPublisher events, NeedConflicts conflicts) {
		this.conflicts = conflicts;
		this.workflow = workflow;
		this.access = access;
		this.content = content;
		this.events = events;
	}

	NeedView rate(RateNeed command) {
		Actor actor = this.access.requireActor();
		Need need = this.workflow.load(command.needId());
		if (need.getResidentUserId() == null || need.getResidentUserId() != actor.userId()) {
			throw DomainException.forbidden();
		}
		this.conflicts.requireNotServing(need, actor.userId());
		String comment = NeedWorkflow.blankToNull(command.comment());
		this.workflow.check(need, Move.RATE);
		ContentHold hold = this.content.check(actor, Scene.COMMENT, null, comment);
		// A held comment stays out of the timeline, which the assignee sees; the need keeps the text.
		this.workflow.move(need, Move.RATE, actor, (hold == null) ? comment : "评价内容待审核", (update, now) -> {
			update.set(Need::getRatingStars, command.stars())
				.set(Need::getRatingComment, comment)
				.set(Need::getRatingCommentHold, hold)
				.set(Need::getRatedAt, now);
			this.events.publishEvent(new NeedRated(need.getId(), command.stars(), now));
			// The project as of this move: the version guard of the update makes the read current.
			if (need.getProjectId() != null) {
				this.events.publishEvent(new ServiceRated(need.getProjectId(), ServiceRated.Source.NEED, need.getId(),
						command.stars(), now));
			}
		});
		return this.workflow.reload(actor, need.getId());
	}

	/** The resident cancels before anyone accepted; an assisted order may be cancelled by a covering admin. */
	NeedView cancel(long needId, String reason) {
		Actor actor = this.access.requireActor();
		Need need = this.workflow.load(needId);
		boolean resident = need.getResidentUserId() != null && need.getResidentUserId() == actor.userId();
		boolean staffForAssisted = need.getResidentUserId() == null
				&& actor.isAdminOver(this.workflow.stationOf(need).path());
		if (!resident && !staffForAssisted) {
			throw DomainException.forbidden();
		}
		this.workflow.move(need, Move.CANCEL, actor, NeedWorkflow.blankToNull(reason),
				(update, now) -> update.set(Need::getAssignedTeamId, null).set(Need::getAssignedUserId, null));
		return this.workflow.reload(actor, needId);
	}

}
