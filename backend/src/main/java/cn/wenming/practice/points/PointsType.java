package cn.wenming.practice.points;

import java.util.EnumSet;
import java.util.Set;

/**
 * What caused a ledger entry. Stored by name, so constants are never renamed. The business id of an
 * entry means something different per type (see {@code V9__points.sql}).
 */
enum PointsType {

	/** Confirmed activity hours; business id = the sign-up. */
	ACTIVITY_HOURS,
	/** A need completed; business id = the need, one entry per participant. */
	NEED_COMPLETED,
	/** A need rated at or above the configured stars; business id = the need. */
	RATING_BONUS,
	/** A 随手拍 report another admin verified; business id = the report. */
	CIVIC_REPORT,
	/**
	 * A recognition rule's one-off bonus (礼遇: e.g. reaching 4★); business id = "rule:volunteer", so
	 * each rule pays a volunteer once. Not service, so not counted as earned.
	 */
	RECOGNITION_BONUS,
	/** Spent at a store (爱心超市); business id = the redemption. */
	REDEMPTION,
	/** A cancelled or expired redemption given back; business id = the redemption. */
	REDEMPTION_REFUND,
	/** An admin's correction; business id = a generated key. */
	ADJUSTMENT,
	/** Points expired by policy; business id = the period ({@link PointsExpiry}). */
	EXPIRY,
	/**
	 * Undoes one entry; business id = that entry's id, so an entry is reversed at most once. Taking
	 * points back never fails for want of them: what the balance lacks becomes debt.
	 */
	REVERSAL,
	/**
	 * Pays down debt out of the credit just posted (an award, a refund, a positive adjustment), in
	 * its transaction; business id = that credit entry's id.
	 */
	DEBT_REPAYMENT;

	/** The types that count as "earned" (with their reversals) in {@code earnedThisYear}. */
	static final Set<PointsType> EARNING = EnumSet.of(ACTIVITY_HOURS, NEED_COMPLETED, RATING_BONUS);

	/** Takes back what the balance has and records the rest as debt, instead of being refused. */
	boolean takesWhatIsAvailable() {
		return this == REVERSAL;
	}

}
