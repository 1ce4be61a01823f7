/**
 * Activities (活动) of a service project, sign-up with a waitlist (报名/候补), on-site check-in by a
 * rotating signed code (签到/签退) and service hours. Credits confirmed hours through
 * {@link cn.wenming.practice.volunteer.VolunteerHours} and publishes
 * {@link cn.wenming.practice.activity.HoursConfirmed} after commit for the points feature; revoked
 * hours are a recorded reversal, announced by {@link cn.wenming.practice.activity.HoursRevoked}.
 * Implements {@link cn.wenming.practice.org.OrgUnitCloseGuard} so a unit with unfinished
 * activities cannot be closed. An activity may name the 文明单位 paired with its station that runs it;
 * {@link cn.wenming.practice.activity.ActivityStatistics} answers grouped figures for the assessment.
 * Also: activity ratings (counted by the project's rating through
 * {@link cn.wenming.practice.project.RatedUnderProject}), yearly service-record certificates (PDF with
 * a public verification code) and the history of revoked hours. Projects themselves are the project
 * feature's.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "auth", "need", "org", "project", "volunteer" })
package cn.wenming.practice.activity;
