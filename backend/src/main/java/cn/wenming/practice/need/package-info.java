/**
 * Needs (需求清单): residents order (点单), station admins review and dispatch (派单), volunteers or
 * teams take them (接单/认领) and serve, residents rate (评单). The legal moves live in
 * {@code NeedTransitions}. Other features see the events {@link cn.wenming.practice.need.NeedCompleted},
 * {@link cn.wenming.practice.need.NeedHoursConfirmed}, {@link cn.wenming.practice.need.NeedHoursRevoked}
 * and {@link cn.wenming.practice.need.NeedRated}, consumed after commit, and read through
 * {@link cn.wenming.practice.need.NeedDirectory} and {@link cn.wenming.practice.need.NeedStandings};
 * volunteers' need-service totals and confirmed lines reach the volunteer and activity features
 * through the volunteer feature's ports {@link cn.wenming.practice.volunteer.VolunteerServiceRecord}
 * and {@link cn.wenming.practice.volunteer.ConfirmedNeedService}; a need served under a
 * service project (服务项目) is validated through {@link cn.wenming.practice.project.ServiceProjects} and
 * its rating announced as {@link cn.wenming.practice.project.ServiceRated}, both owned by the project
 * feature, which depends on neither needs nor activities. Implements
 * {@link cn.wenming.practice.org.OrgUnitCloseGuard} so a station with open needs cannot be closed. The
 * monthly 落实清单 also shows the month's 随手拍 by category, read through
 * {@link cn.wenming.practice.civic.CivicStatistics}.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "auth", "civic", "media", "org", "project", "team", "volunteer" })
package cn.wenming.practice.need;
