package cn.wenming.practice.points;

import cn.wenming.practice.activity.HoursConfirmed;
import cn.wenming.practice.activity.HoursRevoked;
import cn.wenming.practice.need.NeedCompleted;
import cn.wenming.practice.need.NeedDirectory;
import cn.wenming.practice.need.NeedRated;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Turns other features' committed facts into ledger entries, by the rules of
 * {@link PointsProperties}. Each award has a business id (the sign-up, the need) so a redelivered
 * event changes nothing. Listeners run after the business change committed ({@code fallbackExecution}
 * covers events published outside a transaction, as {@code confirmHours} does once it has
 * committed), so a failure here must not surface to the user or undo anything: it is logged with
 * the event, and {@link PointsReconciler} replays the award later from MySQL.
 */
@Component
class PointsAwards {

	private static final Logger log = LoggerFactory.getLogger(PointsAwards.class);

	private final PointsLedger ledger;

	private final PointsProperties rules;

	private final NeedDirectory needs;

	private final PointsEntryMapper entries;

	PointsAwards(PointsLedger ledger, PointsProperties rules, NeedDirectory needs, PointsEntryMapper entries) {
		this.entries = entries;
		this.ledger = ledger;
		this.rules = rules;
		this.needs = needs;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(HoursConfirmed event) {
		safely(event, () -> award(event));
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(NeedCompleted event) {
		safely(event, () -> award(event));
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(NeedRated event) {
		safely(event, () -> award(event));
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(HoursRevoked event) {
		safely(event, () -> reverse(event));
	}

	/** The business change has committed: nothing thrown here may reach its caller. */
	private static void safely(Object event, Runnable award) {
		try {
			award.run();
		}
		catch (RuntimeException ex) {
			log.error("Points award failed and must be replayed: {}", event, ex);
		}
	}

	/** Awards confirmed activity hours; returns how many entries were written (0 if already awarded). */
	int award(HoursConfirmed event) {
		int points = this.rules.forActivityHours(event.hours(), event.category());
		if (points <= 0) {
			return 0;
		}
		return post(event, new PointsLedger.Posting(event.volunteerUserId(), points, PointsType.ACTIVITY_HOURS,
				Long.toString(event.signUpId()),
				"活动服务时长 " + event.hours().stripTrailingZeros().toPlainString() + " 小时", null));
	}

	/**
	 * Reverses the sign-up's hours award through the ledger's reversal (business id = the award
	 * entry), so however often the event arrives there is one reversal. Nothing to do when no award
	 * was made; the reconciler leaves revoked hours out, so none will be made later.
	 */
	int reverse(HoursRevoked event) {
		PointsEntry award = this.entries.findByBusiness(PointsType.ACTIVITY_HOURS, Long.toString(event.signUpId()),
				event.volunteerUserId());
		if (award == null) {
			return 0;
		}
		return post(event, new PointsLedger.Posting(event.volunteerUserId(), -award.getDelta(), PointsType.REVERSAL,
				Long.toString(award.getId()), "活动服务时长被撤销", null));
	}

	/** Awards every participant of a completed need for their hours. */
	int award(NeedCompleted event) {
		int written = 0;
		for (NeedCompleted.Participant participant : event.participants()) {
			int points = this.rules.forNeedHours(participant.hours());
			if (points > 0) {
				written += post(event, new PointsLedger.Posting(participant.userId(), points, PointsType.NEED_COMPLETED,
						Long.toString(event.needId()), "完成群众需求", null));
			}
		}
		return written;
	}

	/** Awards the rating bonus to every participant of a need rated high enough. */
	int award(NeedRated event) {
		if (event.stars() < this.rules.ratingBonusMinStars() || this.rules.ratingBonus() <= 0) {
			return 0;
		}
		int written = 0;
		for (NeedCompleted.Participant participant : this.needs.participants(event.needId())) {
			written += post(event, new PointsLedger.Posting(participant.userId(), this.rules.ratingBonus(),
					PointsType.RATING_BONUS, Long.toString(event.needId()), "群众评价 " + event.stars() + " 星", null));
		}
		return written;
	}

	/** One award; a failure is logged and does not stop the other participants' awards. */
	private int post(Object event, PointsLedger.Posting posting) {
		try {
			return this.ledger.post(posting).created() ? 1 : 0;
		}
		catch (RuntimeException ex) {
			log.error("Points award failed and must be replayed: {} for user {}", event, posting.userId(), ex);
			return 0;
		}
	}

}
