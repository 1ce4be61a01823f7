package cn.wenming.practice.project;

import java.time.Instant;
import java.util.List;

import cn.wenming.practice.org.OrgError;
import cn.wenming.practice.shared.CreationKeys;
import cn.wenming.practice.shared.RecordCorrections;
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

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Service projects (服务清单). Admins covering a project's org unit create, change and archive it;
 * anyone may read projects (they are public, like the activities under them).
 */
@Service
class ProjectService {

	private static final Logger log = LoggerFactory.getLogger(ProjectService.class);

	private final ProjectMapper projects;

	private final OrgDirectory orgs;

	private final TeamDirectory teams;

	private final AccessControl access;

	private final ContentSecurity content;

	private final ProjectBrandChangeMapper brandChanges;

	private final TransactionTemplate tx;

	ProjectService(ProjectMapper projects, OrgDirectory orgs, TeamDirectory teams, AccessControl access,
			ContentSecurity content, ProjectBrandChangeMapper brandChanges, TransactionTemplate tx) {
		this.brandChanges = brandChanges;
		this.tx = tx;
		this.projects = projects;
		this.orgs = orgs;
		this.teams = teams;
		this.access = access;
		this.content = content;
	}

	/** A new project of an org unit, optionally run by a team. */
	record CreateProject(long orgUnitId, Long teamId, String name, ServiceCategory category, String description,
			boolean brand, String idempotencyKey) {
	}

	/**
	 * Every editable field: a full replacement, so an absent description or team clears it. The
	 * brand flag ({@code null}: unchanged) may only be changed by a center admin, see {@link #markBrand}.
	 */
	record UpdateProject(String name, ServiceCategory category, String description, Boolean brand, Long teamId) {
	}

	/** What {@link #markBrand} needs: the new flag and why (kept in the trail). */
	record MarkBrand(long projectId, boolean brand, String reason) {
	}

	Project create(CreateProject input) {
		OrgUnitRef unit = this.orgs.require(input.orgUnitId());
		Actor actor = this.access.requireAdminOver(unit.path());
		// A resend (a double click, the console's retry of a 503 whose commit went through) answers the
		// project created once, as it is now: looked up only now that the caller may create here.
		CreationKeys.Create<Project> keyed = CreationKeys.create(input.idempotencyKey(),
				RecordCorrections.digest("PROJECT", unit.id(), input.teamId(), input.name().strip(), input.category(),
						strip(input.description()), input.brand()),
				() -> this.projects.findByKey(actor.userId(), input.idempotencyKey()), this.projects::selectById);
		Project earlier = keyed.earlier();
		if (earlier != null) {
			return earlier;
		}
		if (!unit.open()) {
			throw new DomainException(OrgError.ORG_UNIT_CLOSED);
		}
		Long teamId = requireTeam(unit, input.teamId());
		if (input.brand()) {
			requireCenterAdmin(unit.path());
		}
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
		if (input.brand()) {
			project.setBrandMarkedBy(actor.userId());
			project.setBrandMarkedAt(Instant.now());
		}
		project.idempotencyKey = input.idempotencyKey();
		project.requestDigest = keyed.digest();
		return keyed.once(log, "Creating project", () -> this.tx.executeWithoutResult(status -> {
			this.projects.insert(project);
			if (input.brand()) {
				trail(project.getId(), true, "新建时标记为品牌项目", actor.userId(), project.getBrandMarkedAt());
			}
		}), () -> this.projects.selectById(project.getId()));
	}

	Project update(long id, UpdateProject input) {
		Project project = require(id);
		OrgUnitRef unit = this.orgs.require(project.getOrgUnitId());
		Actor actor = this.access.requireAdminOver(unit.path());
		if (project.getStatus() == ProjectStatus.ARCHIVED) {
			throw new DomainException(ProjectError.PROJECT_ARCHIVED);
		}
		// A full replacement: an absent team clears it (updateById would skip nulls).
		Long teamId = requireTeam(unit, input.teamId());
		boolean flagChanges = input.brand() != null && input.brand() != Boolean.TRUE.equals(project.getBrand());
		if (flagChanges) {
			requireCenterAdmin(unit.path());
		}
		// Only changed texts are checked: each stored one passed when it was written.
		this.content.requirePass(this.access.openidOf(actor.userId()), ContentSecurity.Scene.FORUM,
				ContentSecurity.changed(project.getName(), input.name()),
				ContentSecurity.changed(project.getDescription(), input.description()));
		// A full replacement: an absent description clears it too.
		// The category of existing activities stays as published; new activities take the new one.
		Instant now = Instant.now();
		this.tx.executeWithoutResult(status -> {
			this.projects.replace(id, input.name().strip(), input.category().name(), strip(input.description()),
					teamId, now);
			if (flagChanges && this.projects.setBrand(id, input.brand(), actor.userId(), now) == 1) {
				trail(id, input.brand(), "修改项目时" + (input.brand() ? "标记" : "取消") + "品牌项目", actor.userId(), now);
			}
		});
		return this.projects.selectById(id);
	}

	/**
	 * 品牌项目 (seed 003: 5–6 per county): only an admin of the county's center marks or unmarks a
	 * project, with a reason; the flag moves only from the other value (a guarded update), so two
	 * admins marking at once leave one trail row and the second is told it is already so.
	 */
	Project markBrand(MarkBrand input) {
		Project project = require(input.projectId());
		Actor actor = requireCenterAdmin(pathOf(project));
		if (input.brand() && project.getStatus() == ProjectStatus.ARCHIVED) {
			throw new DomainException(ProjectError.PROJECT_ARCHIVED);
		}
		String reason = input.reason().strip();
		this.content.requirePass(this.access.openidOf(actor.userId()), ContentSecurity.Scene.COMMENT, null, reason);
		Instant now = Instant.now();
		boolean changed = Boolean.TRUE.equals(this.tx.execute(status -> {
			if (this.projects.setBrand(project.getId(), input.brand(), actor.userId(), now) != 1) {
				return false;
			}
			trail(project.getId(), input.brand(), reason, actor.userId(), now);
			return true;
		}));
		if (!changed) {
			throw new DomainException(ProjectError.PROJECT_BRAND_UNCHANGED);
		}
		return this.projects.selectById(project.getId());
	}

	/** The brand flag's trail of a project, for admins over its unit. */
	List<ProjectBrandChange> brandChanges(long projectId) {
		Project project = require(projectId);
		this.access.requireAdminOver(pathOf(project));
		return this.brandChanges.ofProject(projectId);
	}

	/**
	 * 中心管理员 of the project's county, or 市级管理员 above it (a city's admins do the county's work
	 * across the city); others get PROJECT_BRAND_CENTER_ONLY. By role, not by the path's root: under a
	 * city the root is the city, not the center.
	 */
	private Actor requireCenterAdmin(String unitPath) {
		Actor actor = this.access.requireActor();
		if (!actor.isCenterAdminOrAboveOver(unitPath)) {
			throw new DomainException(ProjectError.PROJECT_BRAND_CENTER_ONLY);
		}
		return actor;
	}

	private void trail(long projectId, boolean brand, String reason, long by, Instant at) {
		ProjectBrandChange change = new ProjectBrandChange();
		change.setProjectId(projectId);
		change.setBrand(brand);
		change.setReason(reason);
		change.setChangedBy(by);
		change.setChangedAt(at);
		this.brandChanges.insert(change);
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

	/** {@code brand} true lists only brand projects (the assessment's drill-down), null or false every project. */
	Connection<Project> inSubtree(long orgUnitId, Boolean brand, Integer first, String after) {
		var page = Connections.page(first, after);
		OrgUnitRef unit = this.orgs.require(orgUnitId);
		List<Project> rows = this.projects.pageInUnits(this.orgs.subtreeIds(unit.path()), Boolean.TRUE.equals(brand),
				page.afterId(), page.fetchSize());
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

	/**
	 * The project's hours are credited to the team that runs it (team boards, ACTIVE_TEAMS), so it must
	 * be a team of the project's unit, below it, or above it (a township's 支队, the center's 总队), as
	 * for a need's dispatch: one of a sibling unit or of another county would rise on boards whose
	 * admins never agreed to the project, even when the actor happens to cover both (a city admin).
	 */
	private Long requireTeam(OrgUnitRef unit, Long teamId) {
		if (teamId == null) {
			return null;
		}
		TeamRef team = this.teams.findTeam(teamId).orElseThrow(() -> DomainException.notFound("队伍"));
		if (!team.active()) {
			throw new DomainException(TeamError.TEAM_DISBANDED);
		}
		OrgUnitRef teamUnit = this.orgs.require(team.orgUnitId());
		if (!unit.contains(teamUnit) && !teamUnit.contains(unit)) {
			throw new DomainException(ProjectError.PROJECT_TASK_OWNER_NOT_IN_UNIT, "承办队伍须是项目所在单位、其下级或上级单位的队伍");
		}
		return team.id();
	}

	private static String strip(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
