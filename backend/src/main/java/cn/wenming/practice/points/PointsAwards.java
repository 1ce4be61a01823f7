package cn.wenming.practice.points;

import java.util.List;
import java.util.function.BooleanSupplier;

import cn.wenming.practice.activity.HoursConfirmed;
import cn.wenming.practice.activity.HoursRevoked;
import cn.wenming.practice.civic.CivicReportVerified;
import cn.wenming.practice.need.NeedCompleted;
import cn.wenming.practice.need.NeedDirectory;
import cn.wenming.practice.need.NeedHoursConfirmed;
import cn.wenming.practice.need.NeedHoursRevoked;
import cn.wenming.practice.need.NeedRated;
import cn.wenming.practice.recognition.RecognitionBonusGranted;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Turns other features' committed facts into ledger entries, by the rules of
 * {@link PointsProperties}. Each award has a business id (the sign-up, the need) so a redelivered
 * event changes nothing. Listeners run after the business change committed, off the request thread,
 * through the event publication registry: a failure leaves the publication incomplete and it is
 * resubmitted ({@code EventPublicationResubmission}) until the award lands.
 * {@link PointsReconciler} stays as a backstop. No surrounding transaction
 * ({@code NOT_SUPPORTED}): each posting is a transaction of its own in the ledger, so a duplicate
 * delivered at the same moment rolls back only itself, and one participant's failure does not undo
 * the others' awards.
 */
@Component
class PointsAwards {

	private final PointsLedger ledger;

	private final PointsProperties rules;

	private final NeedDirectory needs;

	PointsAwards(PointsLedger ledger, PointsProperties rules, NeedDirectory needs) {
		this.ledger = ledger;
		this.rules = rules;
		this.needs = needs;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(HoursConfirmed event) {
		award(event);
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(NeedHoursConfirmed event) {
		award(event);
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(NeedRated event) {
		award(event);
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(CivicReportVerified event) {
		award(event);
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(RecognitionBonusGranted event) {
		award(event);
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(HoursRevoked event) {
		reverse(event);
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(NeedHoursRevoked event) {
		reverse(event);
	}

	/** Awards confirmed activity hours; returns how many entries were written (0 if already awarded). */
	int award(HoursConfirmed event) {
		int points = this.rules.forActivityHours(event.hours(), event.category());
		if (points <= 0) {
			return 0;
		}
		return post(new PointsLedger.Posting(event.volunteerUserId(), points, PointsType.ACTIVITY_HOURS,
				Long.toString(event.signUpId()),
				"活动服务时长 " + event.hours().stripTrailingZeros().toPlainString() + " 小时", null));
	}

	/** Awards the reporter of a verified 随手拍, once per report (business id = the report). */
	int award(CivicReportVerified event) {
		int points = this.rules.civicReportVerified();
		if (points <= 0) {
			return 0;
		}
		return post(new PointsLedger.Posting(event.reporterUserId(), points, PointsType.CIVIC_REPORT,
				Long.toString(event.reportId()), "随手拍核验通过", null));
	}

	/**
	 * Pays a recognition rule's bonus, keyed by rule and volunteer: once however often the event comes.
	 */
	int award(RecognitionBonusGranted event) {
		if (event.points() <= 0) {
			return 0;
		}
		return post(new PointsLedger.Posting(event.userId(), event.points(), PointsType.RECOGNITION_BONUS,
				event.businessId(), "礼遇：" + event.ruleName(), null));
	}

	/**
	 * Reverses the sign-up's hours award through the ledger's reversal (business id = the award
	 * entry), so however often the event arrives there is one reversal. When no award was made yet
	 * (its listener failed or is still queued) the award is voided instead, so it never lands later
	 * ({@link PointsLedger#reverseAward}). Never refused for want of points: what was already spent
	 * becomes debt (see {@link PointsLedger}).
	 */
	int reverse(HoursRevoked event) {
		return this.ledger.reverseAward(PointsType.ACTIVITY_HOURS, Long.toString(event.signUpId()),
				event.volunteerUserId(), "活动服务时长被撤销") ? 1 : 0;
	}

	/**
	 * Reverses what a participant earned on a need whose confirmed hours were revoked: the hours
	 * award and the rating bonus (paid only for confirmed hours, so it loses its ground too), each
	 * through the ledger's reversal keyed by the award entry, so a redelivered event reverses once.
	 * Spent points become debt, as for activity hours; an award not made yet is voided, so it never
	 * lands later. Returns how many reversals were written.
	 */
	int reverse(NeedHoursRevoked event) {
		Awards reversals = new Awards();
		String needId = Long.toString(event.needId());
		for (PointsType type : List.of(PointsType.NEED_COMPLETED, PointsType.RATING_BONUS)) {
			reversals.run(() -> this.ledger.reverseAward(type, needId, event.userId(), "需求服务时长被撤销"));
		}
		return reversals.written();
	}

	/**
	 * Awards the participants of a need for their hours once an impartial admin confirmed them (a
	 * completion alone earns nothing: its hours are claims). Keyed by the need and the user as
	 * before, so needs whose hours were awarded at completion are never awarded again. A failed
	 * award does not stop the others; the first failure is thrown at the end, so the event is
	 * resubmitted and the awards already made are found and left alone.
	 */
	int award(NeedHoursConfirmed event) {
		Awards awards = new Awards();
		for (NeedCompleted.Participant participant : event.participants()) {
			int points = this.rules.forNeedHours(participant.hours());
			if (points > 0) {
				awards.post(new PointsLedger.Posting(participant.userId(), points, PointsType.NEED_COMPLETED,
						Long.toString(event.needId()), "完成群众需求", null));
			}
		}
		// A need rated before its hours were confirmed pays its bonus now, to these participants.
		Integer stars = this.needs.ratingStars(event.needId());
		if (stars != null) {
			ratingBonus(awards, event.needId(), stars, event.participants());
		}
		return awards.written();
	}

	/**
	 * Awards the rating bonus to the participants of a need rated high enough whose hours an admin
	 * has confirmed: the participant list is the completer's claim until then, so a name added to it
	 * earns nothing on the completer's word. Participants confirmed later get it from
	 * {@link #award(NeedHoursConfirmed)}; the shared key pays each once whichever comes first.
	 */
	int award(NeedRated event) {
		Awards awards = new Awards();
		ratingBonus(awards, event.needId(), event.stars(), this.needs.confirmedParticipants(event.needId()));
		return awards.written();
	}

	private void ratingBonus(Awards awards, long needId, int stars, List<NeedCompleted.Participant> participants) {
		if (stars < this.rules.ratingBonusMinStars() || this.rules.ratingBonus() <= 0) {
			return;
		}
		for (NeedCompleted.Participant participant : participants) {
			awards.post(new PointsLedger.Posting(participant.userId(), this.rules.ratingBonus(),
					PointsType.RATING_BONUS, Long.toString(needId), "群众评价 " + stars + " 星", null));
		}
	}

	private int post(PointsLedger.Posting posting) {
		return this.ledger.post(posting).created() ? 1 : 0;
	}

	/** Several awards for one event: all are tried, then the first failure (if any) is thrown. */
	private final class Awards {

		private int written;

		private RuntimeException failure;

		void post(PointsLedger.Posting posting) {
			run(() -> PointsAwards.this.ledger.post(posting).created());
		}

		void run(BooleanSupplier write) {
			try {
				this.written += write.getAsBoolean() ? 1 : 0;
			}
			catch (RuntimeException ex) {
				if (this.failure == null) {
					this.failure = ex;
				}
				else {
					this.failure.addSuppressed(ex);
				}
			}
		}

		int written() {
			if (this.failure != null) {
				throw this.failure;
			}
			return this.written;
		}

	}

}
