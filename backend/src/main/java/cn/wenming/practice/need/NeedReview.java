package cn.wenming.practice.need;

import java.time.Clock;

import cn.wenming.practice.auth.Actor;
import cn.wenming.practice.need.NeedTransitions.Move;
import cn.wenming.practice.shared.DomainException;
import com.baomidou.mybatisplus.core.conditions.update.LambdaUpdateWrapper;
import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import com.baomidou.mybatisplus.core.toolkit.support.SFunction;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The station's review, by admins covering it: a submitted need is published to the wish wall or
 * rejected; a held completion note or rating comment is approved or removed.
 */
@Service
class NeedReview {

	private final NeedWorkflow workflow;

	private final NeedMapper needs;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final NeedContentCheck content;

	NeedReview(NeedWorkflow workflow, NeedMapper needs, ApplicationEventPublisher events, Clock clock,
			NeedContentCheck content) {
		this.content = content;
		this.workflow = workflow;
		this.needs = needs;
		this.events = events;
		this.clock = clock;
	}

	NeedView publish(long needId, String note) {
		Need need = this.workflow.load(needId);
		Actor actor = this.workflow.requireAdminOfStation(need);
		// The note is in the resident's timeline: msgSecCheck first (none without a note), outside the transaction.
		this.content.requirePass(actor, NeedWorkflow.blankToNull(note));
		// The station's review is the human review a held text waits for: publishing clears the hold.
		this.workflow.move(need, Move.PUBLISH, actor, NeedWorkflow.blankToNull(note), (update, now) -> {
			update.set(Need::getPublishedAt, now).set(Need::getContentHold, null);
			this.events.publishEvent(new NeedPublished(needId, now));
		});
		return this.workflow.reload(actor, needId);
	}

	NeedView reject(long needId, String reason) {
		Need need = this.workflow.load(needId);
		Actor actor = this.workflow.requireAdminOfStation(need);
		// The resident reads the reason: msgSecCheck first, outside the transaction.
		this.content.requirePass(actor, reason.strip());
		this.workflow.move(need, Move.REJECT, actor, reason.strip(),
				(update, now) -> this.events.publishEvent(new NeedRejected(needId, reason.strip(), now)));
		return this.workflow.reload(actor, needId);
	}

	/**
	 * An admin's review of a held completion note or rating comment: approved, it is shown to
	 * everyone who sees the need; refused, it is removed. Not a status change, so no history row.
	 */
	NeedView reviewText(long needId, NeedTextPart part, boolean approve) {
		Need need = this.workflow.load(needId);
		Actor actor = this.workflow.requireAdminOfStation(need);
		boolean note = part == NeedTextPart.COMPLETION_NOTE;
		SFunction<Need, String> text = note ? Need::getCompletionNote : Need::getRatingComment;
		SFunction<Need, ContentHold> hold = note ? Need::getCompletionNoteHold : Need::getRatingCommentHold;
		LambdaUpdateWrapper<Need> update = Wrappers.lambdaUpdate(Need.class)
			.eq(Need::getId, needId)
			.isNotNull(hold)
			.set(hold, null)
			.set(Need::getUpdatedAt, this.clock.instant());
		if (!approve) {
			update.set(text, null);
		}
		if (this.needs.update(null, update) == 0) {
			throw new DomainException(NeedError.NEED_INVALID_STATE, "该内容没有待审核的记录");
		}
		return this.workflow.reload(actor, needId);
	}

}
