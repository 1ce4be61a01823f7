/**
 * Volunteer teams (队伍: 总队, 支队, 分队, 专业队伍), their leaders and members, join requests, and the
 * resources list (资源清单) that searches teams and volunteers of an org subtree. Implements
 * {@link cn.wenming.practice.org.OrgUnitCloseGuard} so a unit with active teams cannot be closed.
 * Other features use {@link cn.wenming.practice.team.TeamDirectory} and
 * {@link cn.wenming.practice.team.TeamRef}, and add fields to {@code Team} through
 * {@link cn.wenming.practice.team.IdentifiedTeam}; everything else is internal.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "auth", "org", "volunteer" })
package cn.wenming.practice.team;
