package cn.wenming.practice.report;

import java.time.Instant;
import java.util.List;

/** A version of a report as the API shows it; the unit's name is a batched field. */
record ReportView(long id, long orgUnitId, ReportKind kind, String period, String periodStart, String periodEnd,
		int version, ReportStatus status, ReportDocument.Figures figures, List<ReportDocument.UnitRow> units,
		List<ReportDocument.Activity> activities, String highlights,
		List<ReportDocument.Activity> highlightedActivities, Long supersedesId, String correctionReason,
		Instant computedAt, Instant createdAt, Instant publishedAt) {

	/** Where {@code ReportExport} serves reports as Excel. */
	static final String EXCEL_PATH = "/exports/report/";

	/** Where the console downloads the report as Excel (bearer token). */
	public String excelPath() {
		return EXCEL_PATH + this.id + ".xlsx";
	}

}
