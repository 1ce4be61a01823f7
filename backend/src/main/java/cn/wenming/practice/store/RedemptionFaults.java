package cn.wenming.practice.store;

import org.springframework.stereotype.Component;

/**
 * Test seam between the Redis reservation and the MySQL write of a redemption. In production every
 * method does nothing; tests build a redemption flow with a subclass that throws here, to show that
 * a failure (or a crash, when {@link #beforeUndo} throws too) leaves nothing wrong behind once the
 * undo or the reconciler has run.
 */
@Component
class RedemptionFaults {

	/** Called after Redis took stock, count and balance, before the MySQL transaction. */
	void afterReserve(long redemptionId) {
	}

	/** Called before a failed redemption gives back what Redis took; throwing here simulates a crash. */
	void beforeUndo(long redemptionId) {
	}

}
