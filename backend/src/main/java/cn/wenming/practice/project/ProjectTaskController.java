package cn.wenming.practice.project;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.auth.Actor;
import cn.wenming.practice.org.OrgDirectory;
import cn.wenming.practice.org.OrgUnitRef;
import cn.wenming.practice.shared.Connections;
import cn.wenming.practice.team.TeamDirectory;
import cn.wenming.practice.team.TeamRef;
import cn.wenming.practice.volunteer.VolunteerDirectory;
import cn.wenming.practice.volunteer.VolunteerRef;
import graphql.relay.Connection;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * 服务清单 任务分解: the task mutations and queries, the batched fields of {@code ProjectTask} (a
 * fixed number of statements per page, whatever its size) and {@code Project.taskProgress}. Rules
 * live in {@link ProjectTaskService}.
 */
@Controller
class ProjectTaskController {

	private final ProjectTaskService service;

	private final ProjectTaskMapper tasks;

	private final ProjectMapper projects;

	private final OrgDirectory orgs;

	private final TeamDirectory teams;

	private final VolunteerDirectory volunteers;

	private final AccessControl access;

	ProjectTaskController(ProjectTaskService service, ProjectTaskMapper tasks, ProjectMapper projects,
			OrgDirectory orgs, TeamDirectory teams, VolunteerDirectory volunteers, AccessControl access) {
		this.service = service;
		this.tasks = tasks;
		this.projects = projects;
		this.orgs = orgs;
		this.teams = teams;
		this.volunteers = volunteers;
		this.access = access;
	}

	/** Input of {@code createProjectTask}. */
	record CreateProjectTaskInput(@NotNull Long projectId, @NotBlank @Size(max = 60) String title,
			@Size(max = 500) String description, @NotBlank String dueDate, Long ownerTeamId, Long ownerVolunteerId,
			@Pattern(regexp = "[A-Za-z0-9_\\-]{8,64}") String idempotencyKey) {

		ProjectTaskService.CreateTask toCommand() {
			return new ProjectTaskService.CreateTask(this.projectId, this.title, this.description, this.dueDate,
					this.ownerTeamId, this.ownerVolunteerId, this.idempotencyKey);
		}

	}

	@MutationMapping
	ProjectTaskView createProjectTask(@Argument @Valid CreateProjectTaskInput input) {
		return this.service.create(input.toCommand());
	}

	@MutationMapping
	ProjectTaskView rescheduleProjectTask(@Argument long id, @Argument @NotBlank String dueDate,
			@Argument @NotBlank @Size(max = 150) String reason) {
		return this.service.reschedule(id, dueDate, reason);
	}

	@MutationMapping
	ProjectTaskView cancelProjectTask(@Argument long id, @Argument @NotBlank @Size(max = 150) String reason) {
		return this.service.cancel(id, reason);
	}

	@MutationMapping
	ProjectTaskView completeProjectTask(@Argument long id, @Argument @Size(max = 200) String note) {
		return this.service.complete(id, note);
	}

	@QueryMapping
	Connection<ProjectTaskView> projectTasks(@Argument long projectId, @Argument ProjectTaskStatus status,
			@Argument @Min(0) @Max(Connections.MAX_FIRST) Integer first, @Argument String after) {
		return this.service.page(projectId, status, first, after);
	}

	@QueryMapping
	List<ProjectTaskView> myProjectTasks(@Argument String date) {
		return this.service.mine(date);
	}

	@BatchMapping(typeName = "Project")
	List<ProjectTaskProgress> taskProgress(List<Project> list) {
		List<Long> ids = list.stream().map(Project::getId).distinct().toList();
		Map<Long, ProjectTaskProgress> byId = this.tasks.progress(ids, this.service.today())
			.stream()
			.collect(Collectors.toMap(row -> row.projectId,
					row -> new ProjectTaskProgress(row.total, row.done, row.overdue)));
		return list.stream().map(p -> byId.getOrDefault(p.getId(), ProjectTaskProgress.NONE)).toList();
	}

	@BatchMapping(typeName = "ProjectTask")
	List<String> projectName(List<ProjectTaskView> list) {
		Map<Long, Project> byId = projectsOf(list);
		return list.stream().map(t -> byId.get(t.projectId())).map(p -> (p != null) ? p.getName() : "").toList();
	}

	/** The team's name, or the volunteer's name (masked unless the caller covers them or is them). */
	@BatchMapping(typeName = "ProjectTask")
	List<String> ownerName(List<ProjectTaskView> list) {
		Map<Long, TeamRef> teamRefs = this.teams.findAll(ids(list, ProjectTaskView.OwnerKind.TEAM));
		Map<Long, VolunteerRef> volunteerRefs = this.volunteers.findAll(ids(list, ProjectTaskView.OwnerKind.VOLUNTEER));
		Map<Long, String> names = volunteerRefs.isEmpty() ? Map.of()
				: this.volunteers.displayNames(volunteerRefs.values().stream().map(VolunteerRef::userId).toList());
		return list.stream().map(t -> {
			if (t.ownerKind() == ProjectTaskView.OwnerKind.TEAM) {
				TeamRef team = teamRefs.get(t.ownerId());
				return (team != null) ? team.name() : "队伍 " + t.ownerId();
			}
			VolunteerRef ref = volunteerRefs.get(t.ownerId());
			String name = (ref == null) ? null : names.get(ref.userId());
			return (name != null) ? name : "志愿者 " + t.ownerId();
		}).toList();
	}

	@BatchMapping(typeName = "ProjectTask")
	List<Boolean> canComplete(List<ProjectTaskView> list) {
		Actor actor = this.access.currentActor();
		if (actor == null) {
			return list.stream().map(t -> false).toList();
		}
		Map<Long, TeamRef> teamRefs = this.teams.findAll(ids(list, ProjectTaskView.OwnerKind.TEAM));
		Map<Long, VolunteerRef> volunteerRefs = this.volunteers.findAll(ids(list, ProjectTaskView.OwnerKind.VOLUNTEER));
		Map<Long, Project> projectRefs = projectsOf(list);
		Map<Long, OrgUnitRef> units = this.orgs
			.findAll(projectRefs.values().stream().map(Project::getOrgUnitId).distinct().toList());
		return list.stream().map(t -> {
			if (t.status() != ProjectTaskStatus.OPEN) {
				return false;
			}
			if (t.ownerKind() == ProjectTaskView.OwnerKind.TEAM) {
				TeamRef team = teamRefs.get(t.ownerId());
				if (team != null && team.active() && team.leaderUserId() == actor.userId()) {
					return true;
				}
			}
			else {
				VolunteerRef ref = volunteerRefs.get(t.ownerId());
				if (ref != null && ref.userId() == actor.userId()) {
					return true;
				}
			}
			Project project = projectRefs.get(t.projectId());
			OrgUnitRef unit = (project == null) ? null : units.get(project.getOrgUnitId());
			return unit != null && actor.isAdminOver(unit.path());
		}).toList();
	}

	/** Empty for a task not completed (a batch list may not hold nulls; GraphQL unwraps it). */
	@BatchMapping(typeName = "ProjectTask")
	List<Optional<String>> completedByName(List<ProjectTaskView> list) {
		Map<Long, String> names = this.volunteers.displayNames(
				list.stream().map(ProjectTaskView::completedBy).filter(Objects::nonNull).distinct().toList());
		return list.stream()
			.map(t -> Optional.ofNullable((t.completedBy() == null) ? null : names.get(t.completedBy())))
			.toList();
	}

	@BatchMapping(typeName = "ProjectTask")
	List<List<HistoryEntry>> history(List<ProjectTaskView> list) {
		List<ProjectTaskMapper.LogRow> rows = this.tasks
			.history(list.stream().map(ProjectTaskView::id).distinct().toList());
		Map<Long, String> names = this.volunteers
			.displayNames(rows.stream().map(r -> r.actorId).distinct().toList());
		Map<Long, List<HistoryEntry>> byTask = new HashMap<>();
		for (ProjectTaskMapper.LogRow row : rows) {
			byTask.computeIfAbsent(row.taskId, id -> new ArrayList<>())
				.add(new HistoryEntry(row.action, names.getOrDefault(row.actorId, "用户 " + row.actorId), row.detail,
						row.loggedAt));
		}
		return list.stream().map(t -> byTask.getOrDefault(t.id(), List.of())).toList();
	}

	/** GraphQL {@code ProjectTaskHistoryEntry}. */
	record HistoryEntry(String action, String actorName, String detail, Instant at) {
	}

	private Map<Long, Project> projectsOf(List<ProjectTaskView> list) {
		return this.projects.findByIds(list.stream().map(ProjectTaskView::projectId).distinct().toList())
			.stream()
			.collect(Collectors.toMap(Project::getId, Function.identity()));
	}

	private static List<Long> ids(List<ProjectTaskView> list, ProjectTaskView.OwnerKind kind) {
		return list.stream().filter(t -> t.ownerKind() == kind).map(ProjectTaskView::ownerId).distinct().toList();
	}

}
