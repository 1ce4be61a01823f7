package cn.wenming.practice.report;

import java.util.List;

/**
 * What a unit received from its direct children for a kind and period: their current published
 * reports, and the children (open, reporting levels) that have not reported yet.
 */
record ReceivedReports(long orgUnitId, ReportKind kind, String period, List<ReportView> reports,
		List<ReportingUnit> missing) {

	record ReportingUnit(long orgUnitId, String name, String level) {
	}

}
