package cn.wenming.practice.project;

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

import cn.wenming.practice.org.OrgDirectory;
import cn.wenming.practice.org.OrgUnitRef;
import cn.wenming.practice.shared.Connections;
import cn.wenming.practice.team.TeamDirectory;
import cn.wenming.practice.team.TeamRef;
import cn.wenming.practice.volunteer.ServiceCategory;
import graphql.relay.Connection;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Service projects (服务清单): their mutations and queries, their batched fields, and the
 * {@code project} field of the types served under a project ({@code Need.project} and
 * {@code Activity.project}, declared in project.graphqls and activity.graphqls), seen only through
 * {@link ServedUnderProject} so that this feature depends on neither. Rules live in
 * {@link ProjectService}.
 */
@Controller
class ProjectController {

	private final ProjectService service;

	private final ProjectMapper projects;

	private final ProjectRatings ratings;

	private final OrgDirectory orgs;

	private final TeamDirectory teams;

	ProjectController(ProjectService service, ProjectMapper projects, ProjectRatings ratings, OrgDirectory orgs,
			TeamDirectory teams) {
		this.service = service;
		this.projects = projects;
		this.ratings = ratings;
		this.orgs = orgs;
		this.teams = teams;
	}

	/** Input of {@code createProject}. */
	record CreateProjectInput(@NotNull Long orgUnitId, Long teamId, @NotBlank @Size(max = 60) String name,
			@NotNull ServiceCategory category, @Size(max = 2000) String description, Boolean brand,
			@Pattern(regexp = "[A-Za-z0-9_\\-]{8,64}") String idempotencyKey) {

		ProjectService.CreateProject toCommand() {
			return new ProjectService.CreateProject(this.orgUnitId, this.teamId, this.name, this.category,
					this.description, Boolean.TRUE.equals(this.brand), this.idempotencyKey);
		}

	}

	/** Input of {@code updateProject}. */
	record UpdateProjectInput(@NotBlank @Size(max = 60) String name, @NotNull ServiceCategory category,
			@Size(max = 2000) String description, Boolean brand, Long teamId) {

		ProjectService.UpdateProject toCommand() {
			return new ProjectService.UpdateProject(this.name, this.category, this.description, this.brand,
					this.teamId);
		}

	}

	@MutationMapping
	Project createProject(@Argument @Valid CreateProjectInput input) {
		return this.service.create(input.toCommand());
	}

	@MutationMapping
	Project updateProject(@Argument long id, @Argument @Valid UpdateProjectInput input) {
		return this.service.update(id, input.toCommand());
	}

	/** Input of {@code markBrandProject}. */
	record MarkBrandProjectInput(@NotNull Long projectId, @NotNull Boolean brand,
			@NotBlank @Size(max = 200) String reason) {

		ProjectService.MarkBrand toCommand() {
			return new ProjectService.MarkBrand(this.projectId, this.brand, this.reason);
		}

	}

	@MutationMapping
	Project markBrandProject(@Argument @Valid MarkBrandProjectInput input) {
		return this.service.markBrand(input.toCommand());
	}

	@QueryMapping
	List<ProjectBrandChange> projectBrandChanges(@Argument long projectId) {
		return this.service.brandChanges(projectId);
	}

	@MutationMapping
	Project archiveProject(@Argument long id) {
		return this.service.archive(id);
	}

	@QueryMapping
	Project project(@Argument long id) {
		return this.service.byId(id);
	}

	@QueryMapping
	Connection<Project> projects(@Argument long orgUnitId, @Argument Boolean brand,
			@Argument @Min(0) @Max(Connections.MAX_FIRST) Integer first, @Argument String after) {
		return this.service.inSubtree(orgUnitId, brand, first, after);
	}

	@BatchMapping(typeName = "Project")
	List<String> orgUnitName(List<Project> list) {
		Map<Long, OrgUnitRef> units = this.orgs.findAll(list.stream().map(Project::getOrgUnitId).toList());
		return list.stream().map(p -> units.get(p.getOrgUnitId())).map(u -> (u != null) ? u.name() : "").toList();
	}

	/**
	 * The 承办队伍's name, one query for a page: the console's list shows it without loading the
	 * unit's teams (a county has thousands). Empty for a project without a team.
	 */
	@BatchMapping(typeName = "Project")
	List<Optional<String>> teamName(List<Project> list) {
		List<Long> ids = list.stream().map(Project::getTeamId).filter(Objects::nonNull).distinct().toList();
		Map<Long, TeamRef> byId = ids.isEmpty() ? Map.of() : this.teams.findAll(ids);
		return list.stream()
			.map(p -> Optional.ofNullable(p.getTeamId()).map(byId::get).map(TeamRef::name))
			.toList();
	}

	@BatchMapping(typeName = "Project")
	List<ProjectRatings.Summary> rating(List<Project> list) {
		Map<Long, ProjectRatings.Summary> byId = this.ratings.of(list.stream().map(Project::getId).distinct().toList());
		return list.stream().map(p -> byId.getOrDefault(p.getId(), ProjectRatings.Summary.NONE)).toList();
	}

	/** Empty for a need served outside any project (a batch list may not hold nulls; GraphQL unwraps it). */
	@BatchMapping(typeName = "Need", field = "project")
	List<Optional<Project>> needProject(List<ServedUnderProject> needs) {
		return served(needs);
	}

	@BatchMapping(typeName = "Activity", field = "project")
	List<Optional<Project>> activityProject(List<ServedUnderProject> activities) {
		return served(activities);
	}

	/** The project of each source, in the sources' order. */
	private List<Optional<Project>> served(List<ServedUnderProject> sources) {
		Map<Long, Project> byId = this.projects
			.findByIds(sources.stream().map(ServedUnderProject::getProjectId).filter(Objects::nonNull).distinct().toList())
			.stream()
			.collect(Collectors.toMap(Project::getId, Function.identity()));
		return sources.stream()
			.map(s -> Optional.ofNullable((s.getProjectId() != null) ? byId.get(s.getProjectId()) : null))
			.toList();
	}

}
