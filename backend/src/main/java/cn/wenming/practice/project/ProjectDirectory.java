package cn.wenming.practice.project;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

import cn.wenming.practice.shared.DomainException;

import org.springframework.stereotype.Component;

/** Reads of service projects for other features; they never see the {@code project} row. */
@Component
public class ProjectDirectory {

	private final ProjectMapper projects;

	ProjectDirectory(ProjectMapper projects) {
		this.projects = projects;
	}

	/** The project, or {@code NOT_FOUND} (项目). */
	public ProjectRef require(long id) {
		Project project = this.projects.selectById(id);
		if (project == null) {
			throw DomainException.notFound("项目");
		}
		return new ProjectRef(project.getId(), project.getOrgUnitId(), project.getCategory(),
				project.getStatus() == ProjectStatus.ARCHIVED);
	}

	/** The team running the project, or null when none does or the project does not exist. */
	public Long teamOf(long projectId) {
		Project project = this.projects.selectById(projectId);
		return (project != null) ? project.getTeamId() : null;
	}

	/**
	 * The projects run by a team, project id → team id, in one statement: of the teams
	 * {@code teamIds}, or of any team when it is null (an empty collection → none).
	 */
	public Map<Long, Long> runByTeams(Collection<Long> teamIds) {
		if (teamIds != null && teamIds.isEmpty()) {
			return Map.of();
		}
		return this.projects.runByTeams(teamIds)
			.stream()
			.collect(Collectors.toMap(Project::getId, Project::getTeamId));
	}

}
