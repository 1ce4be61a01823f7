package cn.wenming.practice.project;

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

}
