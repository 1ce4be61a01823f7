/**
 * 工作报告 (reporting upward, issue 18; seeds 001 and 003): each unit (站 → 所 → 中心) sends a weekly
 * and a monthly report to the level above — activities held, sign-ups and participants, needs
 * received, fulfilled and overdue, satisfaction, confirmed hours, volunteers, 受益群众, highlights —
 * published there and listed with the units that have not reported yet, printable and as Excel.
 * Reads no table but its own: the figures come from the owning features' statistics beans
 * ({@link cn.wenming.practice.activity.ActivityReportFigures},
 * {@link cn.wenming.practice.need.NeedStatistics}, {@link cn.wenming.practice.need.NeedReportFigures},
 * {@link cn.wenming.practice.volunteer.VolunteerStatistics}, {@link cn.wenming.practice.org.OrgStatistics})
 * and are stored as a snapshot, so a published report never changes.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "activity", "auth", "need", "org", "volunteer" })
package cn.wenming.practice.report;
