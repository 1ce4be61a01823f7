package cn.wenming.practice.report;

/** A version of a report: being written, sent to the level above, or replaced by a published correction. */
enum ReportStatus {

	DRAFT, PUBLISHED, SUPERSEDED

}
