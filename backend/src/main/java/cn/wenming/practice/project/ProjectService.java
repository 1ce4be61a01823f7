package cn.wenming.practice.project;

import java.time.Instant;
import java.util.List;

import cn.wenming.practice.org.OrgError;
import cn.wenming.practice.team.TeamError;
import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.auth.Actor;
import cn.wenming.practice.org.OrgDirectory;
import cn.wenming.practice.org.OrgUnitRef;
import cn.wenming.practice.shared.Connections;
import cn.wenming.practice.shared.ContentSecurity;
import cn.wenming.practice.shared.DomainException;
import cn.wenming.practice.team.TeamDirectory;
import cn.wenming.practice.team.TeamRef;
import cn.wenming.practice.volunteer.ServiceCategory;
import graphql.relay.Connection;

import org.springframework.stereotype.Service;

/**
 * Service projects (服务清单). Admins covering a project's org unit create, change and archive it;
 * anyone may read projects (they are public, like the activities under them).
 */
@Service
class ProjectService {

	private final ProjectMapper projects;

	private final OrgDirectory orgs;

	private final TeamDirectory teams;

	private final AccessControl access;

	private final ContentSecurity content;

	ProjectService(ProjectMapper projects, OrgDirectory orgs, TeamDirectory teams, AccessControl access,
			ContentSecurity content) {
		this.projects = projects;
		this.orgs = orgs;
		this.teams = teams;
		this.access = access;
		this.content = content;
	}

	/** A new project of an org unit, optionally run by a team. */
	record CreateProject(long orgUnitId, Long teamId, String name, ServiceCategory category, String description,
			boolean brand) {
	}

	/** Every editable field: a full replacement, so an absent description or team clears it. */
	record UpdateProject(String name, ServiceCategory category, String description, boolean brand, Long teamId) {
	}

	Project create(CreateProject input) {
		OrgUnitRef unit = this.orgs.require(input.orgUnitId());
		Actor actor = this.access.requireAdminOver(unit.path());
		if (!unit.open()) {
			throw new DomainException(OrgError.ORG_UNIT_CLOSED);
		}
		Long teamId = requireTeam(input.teamId());
		// Published texts must have passed msgSecCheck (no transaction is open here).
		this.content.requirePass(this.access.openidOf(actor.userId()), ContentSecurity.Scene.FORUM, input.name(),
				input.description());
		Project project = new Project();
		project.setOrgUnitId(unit.id());
		project.setTeamId(teamId);
		project.setName(input.name().strip());
		project.setCategory(input.category());
		project.setDescription(strip(input.description()));
		project.setBrand(input.brand());
		project.setStatus(ProjectStatus.ACTIVE);
		project.setCreatedBy(actor.userId());
		this.projects.insert(project);
		return this.projects.selectById(project.getId());
	}

	Project update(long id, UpdateProject input) {
		Project project = require(id);
		Actor actor = this.access.requireAdminOver(pathOf(project));
		if (project.getStatus() == ProjectStatus.ARCHIVED) {
			throw new DomainException(ProjectError.PROJECT_ARCHIVED);
		}
		// Only changed texts are checked: each stored one passed when it was written.
		this.content.requirePass(this.access.openidOf(actor.userId()), ContentSecurity.Scene.FORUM,
				ContentSecurity.changed(project.getName(), input.name()),
				ContentSecurity.changed(project.getDescription(), input.description()));
		// A full replacement: an absent description or team clears it (updateById would skip nulls).
		// The category of existing activities stays as published; new activities take the new one.
		this.projects.replace(id, input.name().strip(), input.category().name(), strip(input.description()),
				input.brand(), requireTeam(input.teamId()), Instant.now());
		return this.projects.selectById(id);
	}

	Project archive(long id) {
		Project project = require(id);
		this.access.requireAdminOver(pathOf(project));
		if (project.getStatus() != ProjectStatus.ARCHIVED) {
			project.setStatus(ProjectStatus.ARCHIVED);
			this.projects.updateById(project);
		}
		return this.projects.selectById(id);
	}

	Project byId(long id) {
		return this.projects.selectById(id);
	}

	Connection<Project> inSubtree(long orgUnitId, Integer first, String after) {
		var page = Connections.page(first, after);
		OrgUnitRef unit = this.orgs.require(orgUnitId);
		List<Project> rows = this.projects.pageInUnits(this.orgs.subtreeIds(unit.path()), page.afterId(),
				page.fetchSize());
		return Connections.of(rows, page, Project::getId);
	}

	Project require(long id) {
		Project project = this.projects.selectById(id);
		if (project == null) {
			throw DomainException.notFound("项目");
		}
		return project;
	}

	String pathOf(Project project) {
		return this.orgs.require(project.getOrgUnitId()).path();
	}

	private Long requireTeam(Long teamId) {
		if (teamId == null) {
			return null;
		}
		TeamRef team = this.teams.findTeam(teamId).orElseThrow(() -> DomainException.notFound("队伍"));
		if (!team.active()) {
			throw new DomainException(TeamError.TEAM_DISBANDED);
		}
		return team.id();
	}

	private static String strip(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
