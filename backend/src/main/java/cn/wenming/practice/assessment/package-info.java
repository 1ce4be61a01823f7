/**
 * 考核 (assessment): the figures staff are judged by, for a unit and every unit below it. Reads no
 * table itself: it combines grouped read methods of the owning features
 * ({@link cn.wenming.practice.org.OrgStatistics}, {@link cn.wenming.practice.activity.ActivityStatistics},
 * {@link cn.wenming.practice.volunteer.VolunteerStatistics}, {@link cn.wenming.practice.need.NeedStatistics}, {@link cn.wenming.practice.lecture.LectureStatistics},
 * {@link cn.wenming.practice.civic.CivicStatistics}, {@link cn.wenming.practice.evaluation.EvaluationStatistics},
 * {@link cn.wenming.practice.project.ProjectStatistics}, and the directories of teams and admins)
 * and rolls stations' rows up the org tree in Java, so the number of statements is fixed. Implements
 * the volunteer feature's port {@link cn.wenming.practice.volunteer.StaffTrainingRoster} with the
 * coverage figure's own roster, so a staff training lists only the people the figure counts.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "activity", "auth", "civic", "evaluation", "lecture", "need", "org", "project", "team",
				"volunteer" })
package cn.wenming.practice.assessment;
