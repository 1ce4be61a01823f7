package cn.wenming.practice.points;

import java.util.List;

import cn.wenming.practice.activity.HoursConfirmed;
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
 * the event, and the award is missing until a reconciler (not built yet) replays it.
 */
@Component
class PointsAwards {

	private static final Logger log = LoggerFactory.getLogger(PointsAwards.class);

	private final PointsLedger ledger;

	private final PointsProperties rules;

	private final NeedDirectory needs;

	PointsAwards(PointsLedger ledger, PointsProperties rules, NeedDirectory needs) {
		this.ledger = ledger;
		this.rules = rules;
		this.needs = needs;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(HoursConfirmed event) {
		award(event, () -> {
			int points = this.rules.forActivityHours(event.hours(), event.category());
			if (points > 0) {
				this.ledger.post(new PointsLedger.Posting(event.volunteerUserId(), points, PointsType.ACTIVITY_HOURS,
						Long.toString(event.signUpId()), "活动服务时长 " + event.hours().stripTrailingZeros().toPlainString()
								+ " 小时",
						null));
			}
		});
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(NeedCompleted event) {
		for (NeedCompleted.Participant participant : event.participants()) {
			award(event, () -> {
				int points = this.rules.forNeedHours(participant.hours());
				if (points > 0) {
					this.ledger.post(new PointsLedger.Posting(participant.userId(), points, PointsType.NEED_COMPLETED,
							Long.toString(event.needId()), "完成群众需求", null));
				}
			});
		}
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(NeedRated event) {
		if (event.stars() < this.rules.ratingBonusMinStars() || this.rules.ratingBonus() <= 0) {
			return;
		}
		award(event, () -> {
			List<NeedCompleted.Participant> participants = this.needs.participants(event.needId());
			for (NeedCompleted.Participant participant : participants) {
				award(event, () -> this.ledger.post(new PointsLedger.Posting(participant.userId(),
						this.rules.ratingBonus(), PointsType.RATING_BONUS, Long.toString(event.needId()),
						"群众评价 " + event.stars() + " 星", null)));
			}
		});
	}

	/** One award; a failure of one participant's award does not stop the others'. */
	private static void award(Object event, Runnable action) {
		try {
			action.run();
		}
		catch (RuntimeException ex) {
			log.error("Points award failed and must be replayed: {}", event, ex);
		}
	}

}
