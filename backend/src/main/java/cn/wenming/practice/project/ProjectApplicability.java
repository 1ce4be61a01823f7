package cn.wenming.practice.project;

import cn.wenming.practice.org.OrgDirectory;

import org.springframework.stereotype.Component;

/**
 * A need may be served under an ACTIVE project of its station or of a unit above it (a township's
 * or the center's project covers its stations); never under another subtree's project, whose
 * owners did not take the need on, nor under an archived one, which takes nothing new.
 */
@Component
class ProjectApplicability implements ServiceProjects {

	private final ProjectMapper projects;

	private final OrgDirectory orgs;

	ProjectApplicability(ProjectMapper projects, OrgDirectory orgs) {
		this.projects = projects;
		this.orgs = orgs;
	}

	@Override
	public boolean isApplicable(long projectId, String stationPath) {
		Project project = this.projects.selectById(projectId);
		if (project == null || project.getStatus() != ProjectStatus.ACTIVE || stationPath == null) {
			return false;
		}
		return this.orgs.find(project.getOrgUnitId())
			.map(unit -> stationPath.startsWith(unit.path()))
			.orElse(false);
	}

}
