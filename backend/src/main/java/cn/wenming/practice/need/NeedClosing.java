package cn.wenming.practice.need;

import java.time.Clock;

import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.auth.Actor;
import cn.wenming.practice.need.NeedTransitions.Move;
import cn.wenming.practice.shared.ContentSecurity.Scene;
import cn.wenming.practice.shared.DomainException;
import cn.wenming.practice.project.ServiceRated;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The moves by which people close a need: the resident rates it (评单) after completion, staff
 * record the rating of an assisted order by 回访 (the resident has no account to rate with), or
 * the resident cancels before anyone accepted (staff cancel an assisted order they cover). Closing
 * unrated after the deadline is the deadline job's ({@link NeedDeadlines}).
 */
@Service
class NeedClosing {

	private final NeedWorkflow workflow;

	private final AccessControl access;

	private final NeedContentCheck content;

	private final ApplicationEventPublisher events;

	private final NeedServingSide servingSide;

	private final NeedRevisitProperties revisits;

	private final Clock clock;

	private final NeedConflicts conflicts;

	NeedClosing(NeedWorkflow workflow, AccessControl access, NeedContentCheck content,
			ApplicationEventPublisher events, NeedServingSide servingSide, NeedRevisitProperties revisits,
			Clock clock, NeedConflicts conflicts) {
		this.workflow = workflow;
		this.access = access;
		this.content = content;
		this.events = events;
		this.servingSide = servingSide;
		this.revisits = revisits;
		this.clock = clock;
		this.conflicts = conflicts;
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
		rated(need, Move.RATE, actor, command.stars(), comment);
		return this.workflow.reload(actor, need.getId());
	}

	/**
	 * 回访: an admin covering the station records, once, the rating the resident of an assisted
	 * order gave by phone or in person, with a note. Not someone who served the need
	 * ({@link NeedServingSide}), since the stars bring the servers a bonus and the team its standing;
	 * never for an online order, whose resident rates it themself. Allowed on a need the deadline
	 * job already closed unrated, until {@code app.need.revisit-within} after completion. The rating
	 * then counts exactly as a resident's: 满意度, the 落实清单, points and the project's rating.
	 */
	NeedView revisit(RecordNeedRevisit command) {
		Need need = this.workflow.load(command.needId());
		Actor actor = this.workflow.requireAdminOfStation(need);
		if (need.getResidentUserId() != null || !need.getSource().assisted()) {
			throw new DomainException(NeedError.NEED_REVISIT_NOT_ASSISTED);
		}
		if (this.servingSide.served(need, actor.userId())) {
			throw new DomainException(NeedError.NEED_REVISIT_CONFLICT);
		}
		this.workflow.check(need, Move.REVISIT);
		if (!this.clock.instant().isBefore(need.getCompletedAt().plus(this.revisits.revisitWithin()))) {
			throw new DomainException(NeedError.NEED_REVISIT_WINDOW_CLOSED);
		}
		rated(need, Move.REVISIT, actor, command.stars(), command.note().strip());
		return this.workflow.reload(actor, need.getId());
	}

	/** Records the stars and text (checked by msgSecCheck first, outside the transaction) and announces the rating. */
	private void rated(Need need, Move move, Actor actor, int stars, String text) {
		ContentHold hold = this.content.check(actor, Scene.COMMENT, null, text);
		// A held text stays out of the timeline, which the assignee sees; the need keeps the text.
		this.workflow.move(need, move, actor, (hold == null) ? text : "评价内容待审核", (update, now) -> {
			update.set(Need::getRatingStars, stars)
				.set(Need::getRatingComment, text)
				.set(Need::getRatingCommentHold, hold)
				.set(Need::getRatedAt, now);
			this.events.publishEvent(new NeedRated(need.getId(), stars, now));
			// The project as of this move: the version guard of the update makes the read current.
			if (need.getProjectId() != null) {
				this.events.publishEvent(new ServiceRated(need.getProjectId(), ServiceRated.Source.NEED, need.getId(),
						stars, now));
			}
		});
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
		// The assignee reads the reason in the timeline: msgSecCheck first, outside the transaction.
		this.content.requirePass(actor, NeedWorkflow.blankToNull(reason));
		this.workflow.move(need, Move.CANCEL, actor, NeedWorkflow.blankToNull(reason),
				(update, now) -> update.set(Need::getAssignedTeamId, null).set(Need::getAssignedUserId, null));
		return this.workflow.reload(actor, needId);
	}

}
