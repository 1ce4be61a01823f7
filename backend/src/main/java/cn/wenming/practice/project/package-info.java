/**
 * Service projects (服务清单: {@code project}) of an org unit, optionally run by a team, and their
 * rating ({@code Project.rating}): the average over every rating of a service delivered under the
 * project. Activities are delivered under a project and needs may be; both features depend on this
 * one, never the other way: their ratings reach it as tallies asked of
 * {@link cn.wenming.practice.project.RatedUnderProject} (activity ratings) or as
 * {@link cn.wenming.practice.project.ServiceRated} events kept in {@code project_need_rating}
 * (need ratings), their {@code project} fields are resolved here through
 * {@link cn.wenming.practice.project.ServedUnderProject}, and needs validate a project through
 * {@link cn.wenming.practice.project.ServiceProjects}. Activities read projects through
 * {@link cn.wenming.practice.project.ProjectDirectory}.
 *
 * <p>服务清单 任务分解: a project's tasks ({@code project_task}, with their trail in
 * {@code project_task_log}), each due on a date and owned by a team or a volunteer; the daily job
 * publishes {@link cn.wenming.practice.project.ProjectTaskDue} for the notification feature to remind
 * the owner.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "auth", "org", "team", "volunteer" })
package cn.wenming.practice.project;
