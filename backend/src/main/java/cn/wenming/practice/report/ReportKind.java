package cn.wenming.practice.report;

/** 周报 or 月报. */
enum ReportKind {

	WEEKLY, MONTHLY

}
