package cn.wenming.practice.need;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;

import cn.wenming.practice.shared.CommonError;
import cn.wenming.practice.org.OrgLevel;
import cn.wenming.practice.shared.DomainException;
import com.baomidou.mybatisplus.core.conditions.update.LambdaUpdateWrapper;
import com.baomidou.mybatisplus.core.toolkit.Wrappers;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static cn.wenming.practice.need.NeedStatus.ACCEPTED;
import static cn.wenming.practice.need.NeedStatus.CANCELLED;
import static cn.wenming.practice.need.NeedStatus.CLAIMED;
import static cn.wenming.practice.need.NeedStatus.CLOSED_UNRATED;
import static cn.wenming.practice.need.NeedStatus.COMPLETED;
import static cn.wenming.practice.need.NeedStatus.DISPATCHED;
import static cn.wenming.practice.need.NeedStatus.IN_PROGRESS;
import static cn.wenming.practice.need.NeedStatus.PUBLISHED;
import static cn.wenming.practice.need.NeedStatus.RATED;
import static cn.wenming.practice.need.NeedStatus.REJECTED;
import static cn.wenming.practice.need.NeedStatus.SUBMITTED;

/**
 * The need state machine: the only place that knows which moves are legal and the only code that
 * changes {@code need.status}. A move is one guarded UPDATE ({@code WHERE id = ? AND status = ?
 * AND version = ?}) plus one history row, in the caller's transaction. The guard includes the
 * version so that a decision taken on a stale read cannot land even if the status has come back
 * to the same value meanwhile (declined and re-dispatched to someone else); of concurrent actors
 * exactly one wins, the others get {@code NEED_ALREADY_TAKEN}, {@code NEED_INVALID_STATE} or
 * {@code CONFLICT}.
 */
@Component
class NeedTransitions {

	/** Each legal move: the statuses it may start from and the one it leads to. */
	enum Move {

		PUBLISH(EnumSet.of(SUBMITTED), PUBLISHED),
		REJECT(EnumSet.of(SUBMITTED), REJECTED),
		DISPATCH(EnumSet.of(PUBLISHED), DISPATCHED),
		CLAIM(EnumSet.of(PUBLISHED), CLAIMED),
		ACCEPT(EnumSet.of(DISPATCHED), ACCEPTED),
		DECLINE(EnumSet.of(DISPATCHED), PUBLISHED),
		START(EnumSet.of(ACCEPTED, CLAIMED), IN_PROGRESS),
		COMPLETE(EnumSet.of(IN_PROGRESS), COMPLETED),
		RATE(EnumSet.of(COMPLETED), RATED),
		// Before anyone has accepted: once a team or volunteer has committed, cancelling needs a conversation.
		CANCEL(EnumSet.of(SUBMITTED, PUBLISHED, DISPATCHED), CANCELLED),
		// The deadline job, when the resident has not rated within app.need.rate-within.
		CLOSE_UNRATED(EnumSet.of(COMPLETED), CLOSED_UNRATED),
		// 回访 of an assisted need: staff phone back later than a resident would rate online, so a need
		// the deadline job closed unrated may still get its rating (NeedClosing bounds how late).
		REVISIT(EnumSet.of(COMPLETED, CLOSED_UNRATED), RATED, NeedTransitionKind.REVISIT);

		final Set<NeedStatus> from;

		final NeedStatus to;

		/** What the history row records besides the move; null for a plain move. */
		final NeedTransitionKind kind;

		Move(Set<NeedStatus> from, NeedStatus to) {
			this(from, to, null);
		}

		Move(Set<NeedStatus> from, NeedStatus to, NeedTransitionKind kind) {
			this.from = from;
			this.to = to;
			this.kind = kind;
		}

	}

	private final NeedMapper needs;

	private final NeedHistoryMapper history;

	NeedTransitions(NeedMapper needs, NeedHistoryMapper history) {
		this.needs = needs;
		this.history = history;
	}

	/** Throws the right code unless {@code move} may start from the need's status as read. */
	void check(Need need, Move move) {
		if (!move.from.contains(need.getStatus())) {
			throw refused(move, need.getStatus());
		}
	}

	/**
	 * Moves the need (as the caller read it) and records the move. {@code changes} adds the columns
	 * the move sets besides the status (assignee, timestamps, rating ...). Must run in a transaction,
	 * so that the status change and its history row commit together.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void apply(Need need, Move move, Long actorUserId, String note, Instant now,
			Consumer<LambdaUpdateWrapper<Need>> changes) {
		check(need, move);
		LambdaUpdateWrapper<Need> update = Wrappers.lambdaUpdate(Need.class)
			.eq(Need::getId, need.getId())
			.eq(Need::getStatus, need.getStatus())
			.eq(Need::getVersion, need.getVersion())
			.set(Need::getStatus, move.to)
			.set(Need::getVersion, need.getVersion() + 1)
			.set(Need::getUpdatedAt, now)
			// A new stage starts at the station again: its own deadline, its own escalation.
			.set(Need::getStageStartedAt, now)
			.set(Need::getEscalationLevel, null)
			.set(Need::getEscalatedAt, null);
		// When it first closed: a 回访 of a need closed unrated must not restart the assignee's
		// privacy window (assignee-access-after-close) weeks later.
		if (NeedStatus.CLOSED.contains(move.to) && !NeedStatus.CLOSED.contains(need.getStatus())) {
			update.set(Need::getClosedAt, now);
		}
		changes.accept(update);
		if (this.needs.update(null, update) == 0) {
			Need current = this.needs.selectById(need.getId());
			if (current == null) {
				throw DomainException.notFound("需求");
			}
			if (!move.from.contains(current.getStatus())) {
				throw refused(move, current.getStatus());
			}
			// Same status, newer version: someone changed it under us; the client re-reads and retries.
			throw new DomainException(CommonError.CONFLICT);
		}
		record(need.getId(), need.getStatus(), move.to, move.kind, actorUserId, note, now);
	}

	/**
	 * Escalates the need's current stage from {@code from} (null: not escalated yet) to {@code to},
	 * with a history row (same status before and after, no actor: the deadline job did it). Guarded
	 * like a move, on status, version and the current level, so a stage that moved on meanwhile, or
	 * was already escalated to that level (another tick, another instance), is left alone: returns
	 * false then. Escalation does not bump the version: an admin acting on the need as read must not
	 * get {@code CONFLICT} because the job noticed it was late.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	boolean escalate(Need need, OrgLevel from, OrgLevel to, String note, Instant now) {
		LambdaUpdateWrapper<Need> update = Wrappers.lambdaUpdate(Need.class)
			.eq(Need::getId, need.getId())
			.eq(Need::getStatus, need.getStatus())
			.eq(Need::getVersion, need.getVersion())
			.set(Need::getEscalationLevel, to)
			.set(Need::getEscalatedAt, now);
		if (from == null) {
			update.isNull(Need::getEscalationLevel);
		}
		else {
			update.eq(Need::getEscalationLevel, from);
		}
		if (this.needs.update(null, update) == 0) {
			return false;
		}
		record(need.getId(), need.getStatus(), need.getStatus(), null, note, now);
		return true;
	}

	/** A history row; {@code from} is null for the submission itself, the actor for the deadline job. */
	void record(long needId, NeedStatus from, NeedStatus to, Long actorUserId, String note, Instant now) {
		record(needId, from, to, null, actorUserId, note, now);
	}

	private void record(long needId, NeedStatus from, NeedStatus to, NeedTransitionKind kind, Long actorUserId,
			String note, Instant now) {
		NeedHistory row = new NeedHistory();
		row.setNeedId(needId);
		row.setFromStatus(from);
		row.setToStatus(to);
		row.setKind(kind);
		row.setActorUserId(actorUserId);
		row.setNote(note);
		row.setCreatedAt(now);
		this.history.insert(row);
	}

	private static DomainException refused(Move move, NeedStatus current) {
		if ((move == Move.CLAIM || move == Move.DISPATCH) && NeedStatus.TAKEN.contains(current)) {
			return new DomainException(NeedError.NEED_ALREADY_TAKEN);
		}
		if (move == Move.REVISIT && current == RATED) {
			return new DomainException(NeedError.NEED_ALREADY_RATED);
		}
		return new DomainException(NeedError.NEED_INVALID_STATE, "需求当前状态（" + current + "）不允许此操作");
	}

}
