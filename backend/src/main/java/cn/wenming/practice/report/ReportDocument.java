package cn.wenming.practice.report;

import java.time.Instant;
import java.util.List;

/**
 * The figures of a report as computed for a unit's subtree and period, stored as JSON with the
 * report (the snapshot): the totals, one row per part (the unit itself and each direct child's
 * subtree), and the activities held in the period, among which highlights are picked.
 */
record ReportDocument(Figures totals, List<UnitRow> units, List<Activity> activities, Instant computedAt) {

	/** At most this many held activities are kept in a snapshot to pick highlights from. */
	static final int MAX_ACTIVITIES = 200;

	/**
	 * The figures of a subtree for the period. {@code satisfactionRate}: rated needs with ≥ 4 stars
	 * over rated needs, in percent, null without ratings; {@code confirmedHours}: credit hours of
	 * activities ended in the period, confirmed need-service hours and approved 补录 hours dated in it,
	 * of the volunteers registered in the subtree; {@code volunteers}: registered by the period's end;
	 * {@code beneficiaries}: of held activities plus completed needs.
	 */
	record Figures(int activitiesHeld, int signUps, int participants, int needsReceived, int needsFulfilled,
			int needsOverdue, int needsRated, int needsSatisfied, Double satisfactionRate, double confirmedHours,
			int volunteers, int newVolunteers, int beneficiaries) {
	}

	/** One part of the unit: {@code own} true for the unit's own figures, else a direct child's subtree. */
	record UnitRow(long orgUnitId, String name, String level, boolean own, Figures figures) {
	}

	/** A held activity of the period. */
	record Activity(long id, long orgUnitId, String unitName, String title, Instant startsAt, int participants,
			Integer beneficiaries) {
	}

}
