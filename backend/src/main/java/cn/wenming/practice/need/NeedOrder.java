package cn.wenming.practice.need;

/** The order of {@code stationNeeds}. */
enum NeedOrder {

	/** Newest first (by id). */
	NEWEST,
	/** The dispatch desk's: escalated first, then by the current stage's deadline, soonest first. */
	DUE

}
