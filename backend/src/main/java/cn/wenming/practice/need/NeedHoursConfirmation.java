package cn.wenming.practice.need;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.wenming.practice.auth.Actor;
import cn.wenming.practice.shared.DeadlockRetry;
import cn.wenming.practice.shared.DomainException;
import cn.wenming.practice.volunteer.VolunteerHours;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Need-service hours are claims until confirmed: an admin covering the need's station (or a 所 /
 * 中心 above) who did not serve it ({@link NeedServingSide}: not the assignee, not a member of the
 * serving team, not a participant, not an actor of the serving side's moves) confirms the pending
 * hours, after adjusting any of them with a reason. A confirmation credits the hours
 * ({@link VolunteerHours}: stars, certificate and the hour figures follow) in its transaction and
 * publishes {@link NeedHoursConfirmed} for the points. Each participant's hours are confirmed once
 * (guarded UPDATE): a replayed or concurrent confirmation credits nothing more. Confirmed hours can
 * be revoked by such an admin with a reason: a recorded reversal (who, when, why) that takes the
 * hours back and publishes {@link NeedHoursRevoked}, once. Reasons are shown to the volunteer, so
 * they pass msgSecCheck first.
 */
@Service
class NeedHoursConfirmation {

	private static final Logger log = LoggerFactory.getLogger(NeedHoursConfirmation.class);

	private final NeedWorkflow workflow;

	private final NeedParticipantMapper participants;

	private final NeedHistoryMapper history;

	private final NeedServingSide servingSide;

	private final VolunteerHours hours;

	private final NeedProperties properties;

	private final NeedContentCheck content;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final NeedHoursRollup rollup;

	private final NeedHoursAdjustmentMapper adjustments;

	NeedHoursConfirmation(NeedWorkflow workflow, NeedParticipantMapper participants, NeedHistoryMapper history,
			NeedServingSide servingSide, VolunteerHours hours, NeedProperties properties, NeedContentCheck content,
			ApplicationEventPublisher events, TransactionTemplate tx, Clock clock, NeedHoursRollup rollup,
			NeedHoursAdjustmentMapper adjustments) {
		this.rollup = rollup;
		this.adjustments = adjustments;
		this.content = content;
		this.workflow = workflow;
		this.participants = participants;
		this.history = history;
		this.servingSide = servingSide;
		this.hours = hours;
		this.properties = properties;
		this.events = events;
		this.tx = tx;
		this.clock = clock;
	}

	/** Confirms every pending participant's hours of the need; a no-op when none is pending. */
	NeedView confirm(long needId) {
		Need need = this.workflow.load(needId);
		Actor actor = requireImpartialAdmin(need);
		// A deadlock victim was rolled back whole (its events too) and is run again.
		DeadlockRetry.run(3, log, "Confirming hours of need " + needId, () -> this.tx.execute(status -> {
			Instant now = this.clock.instant();
			List<NeedCompleted.Participant> confirmed = new ArrayList<>();
			List<NeedHoursRollup.Change> credited = new ArrayList<>();
			// Locked: the hours credited are the hours confirmed, whatever an adjustment does meanwhile.
			List<NeedParticipant> locked = this.participants.lockOfNeed(needId);
			// Then their volunteers (one lock order for every move that changes credit hours).
			this.hours.lockForCredit(locked.stream()
				.filter(p -> p.getHoursStatus() == NeedHoursStatus.PENDING)
				.map(NeedParticipant::getVolunteerId)
				.toList());
			for (NeedParticipant row : locked) {
				if (row.getHoursStatus() == NeedHoursStatus.PENDING
						&& this.participants.confirm(needId, row.getUserId(), actor.userId(), now) == 1) {
					this.hours.addCreditHours(row.getVolunteerId(), row.getHours());
					confirmed.add(new NeedCompleted.Participant(row.getUserId(), row.getVolunteerId(), row.getHours()));
					credited.add(new NeedHoursRollup.Change(row.getUserId(), row.getVolunteerId(),
							need.getAssignedTeamId(), now, row.getHours()));
				}
			}
			// The hour boards' and the assessment's sums, in this transaction (one statement).
			this.rollup.apply(credited);
			if (!confirmed.isEmpty()) {
				// Recorded with the confirmation (event publication registry); listeners run once it committed.
				this.events.publishEvent(new NeedHoursConfirmed(needId, need.getStationId(), confirmed, now));
			}
			return null;
		}));
		return this.workflow.reload(actor, needId);
	}

	/**
	 * Corrects one participant's pending hours, within the same bound as at completion (start to
	 * completion plus the allowance); the first claim, who adjusted and why are kept.
	 * <p>
	 * Every adjustment also leaves a row in {@code need_hours_adjustment} with the hours it replaced,
	 * written in the transaction that changes the participant: the participant only holds the latest
	 * one, and a colleague's second adjustment must not erase the first. The hours replaced are read
	 * under the participant's row lock, so of two racing adjustments the second records the first
	 * one's value, not the value both read before. The same hours and reason again on a participant
	 * that already has them (a double click, a retry) change nothing and add no row.
	 */
	NeedView adjust(AdjustNeedHours command) {
		Need need = this.workflow.load(command.needId());
		Actor actor = requireImpartialAdmin(need);
		NeedParticipant row = this.participants.ofNeeds(List.of(need.getId()))
			.stream()
			.filter(p -> p.getUserId() == command.participantUserId())
			.findFirst()
			.orElseThrow(() -> DomainException.notFound("参与者"));
		BigDecimal value = command.hours().setScale(1, RoundingMode.HALF_UP);
		BigDecimal max = maxHours(need);
		if (value.signum() < 0) {
			throw DomainException.badRequest("服务时长不能为负");
		}
		if (value.compareTo(max) > 0) {
			throw new DomainException(NeedError.NEED_HOURS_EXCEED_ELAPSED,
					"服务时长不能超过 " + max.stripTrailingZeros().toPlainString() + " 小时");
		}
		String reason = command.reason().strip();
		this.content.requirePass(actor, reason);
		// The participant rows are locked first by primary key, as a confirmation and a revocation
		// lock them: a bare UPDATE may reach the row through the user index and then wait for the
		// primary key that a revocation holds while it waits for that index entry (a deadlock seen
		// in HoursRollupTest). The first claim kept is the one read under the lock.
		DeadlockRetry.run(3, log, "Adjusting hours of need " + need.getId(), () -> this.tx.execute(status -> {
			NeedParticipant locked = this.participants.lockOfNeed(need.getId())
				.stream()
				.filter(p -> p.getUserId().equals(row.getUserId()))
				.findFirst()
				.orElseThrow();
			// A double click (or a retry) finds its own adjustment in place: nothing to record twice.
			if (locked.getHoursStatus() == NeedHoursStatus.PENDING && locked.getAdjustedBy() != null
					&& locked.getHours().compareTo(value) == 0 && reason.equals(locked.getAdjustedReason())) {
				return null;
			}
			if (this.participants.adjust(locked, value, actor.userId(), reason) == 0) {
				throw new DomainException(NeedError.NEED_HOURS_ALREADY_CONFIRMED);
			}
			this.adjustments.insert(locked.getNeedId(), locked.getUserId(), locked.getHours(), value, reason,
					actor.userId(), this.clock.instant());
			return null;
		}));
		return this.workflow.reload(actor, need.getId());
	}

	/** The adjustments of the needs' participants, oldest first, by need id and user id (one statement). */
	Map<Long, Map<Long, List<NeedHoursAdjustmentMapper.Row>>> adjustmentsOf(List<Long> needIds) {
		return needIds.isEmpty() ? Map.of()
				: this.adjustments.ofNeeds(needIds)
					.stream()
					.collect(Collectors.groupingBy(NeedHoursAdjustmentMapper.Row::needId,
							Collectors.groupingBy(NeedHoursAdjustmentMapper.Row::userId)));
	}

	/**
	 * Revokes one participant's confirmed hours (found by volunteer id): the status becomes REVOKED
	 * by a guarded UPDATE, so of two concurrent revocations one takes the hours back; the other, and
	 * any later one, gets NEED_HOURS_ALREADY_REVOKED. Pending hours are not revoked but adjusted
	 * (NEED_HOURS_NOT_CONFIRMED).
	 */
	NeedView revoke(RevokeNeedHours command) {
		Need need = this.workflow.load(command.needId());
		Actor actor = requireImpartialAdmin(need);
		NeedParticipant row = this.participants.ofNeeds(List.of(need.getId()))
			.stream()
			.filter(p -> p.getVolunteerId() == command.volunteerId())
			.findFirst()
			.orElseThrow(() -> DomainException.notFound("参与者"));
		String reason = command.reason().strip();
		// Before the transaction: a WeChat call may take seconds.
		this.content.requirePass(actor, reason);
		DeadlockRetry.run(3, log, "Revoking hours of need " + need.getId(), () -> this.tx.execute(status -> {
			Instant now = this.clock.instant();
			// Locked, then the volunteer (the lock order of every move that changes credit hours). The
			// hours taken back are the hours that were confirmed, read under this lock: the first read
			// may have been of a pending row (confirmed since, its hours possibly adjusted before that).
			NeedParticipant revoked = this.participants.lockOfNeed(need.getId())
				.stream()
				.filter(p -> p.getUserId().equals(row.getUserId()))
				.findFirst()
				.orElseThrow();
			this.hours.lockForCredit(List.of(revoked.getVolunteerId()));
			if (this.participants.revoke(need.getId(), row.getUserId(), actor.userId(), reason, now) == 0) {
				throw new DomainException((revoked.getHoursStatus() == NeedHoursStatus.REVOKED)
						? NeedError.NEED_HOURS_ALREADY_REVOKED : NeedError.NEED_HOURS_NOT_CONFIRMED);
			}
			this.hours.subtractCreditHours(revoked.getVolunteerId(), revoked.getHours());
			// Taken back from the periods the confirmation counted them in.
			this.rollup.apply(List.of(new NeedHoursRollup.Change(revoked.getUserId(), revoked.getVolunteerId(),
					need.getAssignedTeamId(), revoked.getConfirmedAt(), revoked.getHours().negate())));
			// Recorded with the revocation (event publication registry); listeners run once it committed.
			this.events.publishEvent(new NeedHoursRevoked(need.getId(), revoked.getUserId(), revoked.getVolunteerId(),
					revoked.getHours(), now));
			return null;
		}));
		return this.workflow.reload(actor, need.getId());
	}

	/** An admin over the station who did not serve the need; FORBIDDEN otherwise. A need not completed has no hours. */
	private Actor requireImpartialAdmin(Need need) {
		Actor actor = this.workflow.requireAdminOfStation(need);
		if (this.servingSide.served(need, actor.userId())) {
			throw DomainException.forbidden();
		}
		if (need.getCompletedAt() == null) {
			throw new DomainException(NeedError.NEED_INVALID_STATE);
		}
		return actor;
	}

	/** From the last start of service (the move into IN_PROGRESS) to completion, plus the allowance. */
	private BigDecimal maxHours(Need need) {
		Instant started = this.history.ofNeeds(List.of(need.getId()))
			.stream()
			.filter(h -> h.getToStatus() == NeedStatus.IN_PROGRESS)
			.map(NeedHistory::getCreatedAt)
			.max(Comparator.naturalOrder())
			.orElse(need.getCompletedAt());
		Duration served = Duration.between(started, need.getCompletedAt());
		return NeedCompletion.hoursOf((served.isNegative() ? Duration.ZERO : served)
			.plus(this.properties.hoursAllowance()));
	}

}
