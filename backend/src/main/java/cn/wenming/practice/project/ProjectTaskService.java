package cn.wenming.practice.project;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.auth.Actor;
import cn.wenming.practice.org.OrgDirectory;
import cn.wenming.practice.org.OrgUnitRef;
import cn.wenming.practice.shared.Connections;
import cn.wenming.practice.shared.ContentSecurity;
import cn.wenming.practice.shared.CreationKeys;
import cn.wenming.practice.shared.DomainException;
import cn.wenming.practice.shared.RecordCorrections;
import cn.wenming.practice.team.TeamDirectory;
import cn.wenming.practice.team.TeamError;
import cn.wenming.practice.team.TeamRef;
import cn.wenming.practice.volunteer.VolunteerDirectory;
import cn.wenming.practice.volunteer.VolunteerRef;
import graphql.relay.Connection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 服务清单 任务分解: admins covering a project's unit break it into tasks "落实到队伍、分解到志愿者" (a
 * team of the unit's subtree or a volunteer based in it), reschedule or cancel them with a reason;
 * the owner volunteer, the owner team's leader or a covering admin completes a task, once however
 * often it is asked (a guarded update). Every change leaves a line in {@code project_task_log}.
 */
@Service
class ProjectTaskService {

	private static final Logger log = LoggerFactory.getLogger(ProjectTaskService.class);

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	/** The most {@code myProjectTasks} returns. */
	static final int MINE_LIMIT = 100;

	private final ProjectTaskMapper tasks;

	private final ProjectService projects;

	private final OrgDirectory orgs;

	private final TeamDirectory teams;

	private final VolunteerDirectory volunteers;

	private final AccessControl access;

	private final ContentSecurity content;

	private final TransactionTemplate tx;

	private final Clock clock;

	ProjectTaskService(ProjectTaskMapper tasks, ProjectService projects, OrgDirectory orgs, TeamDirectory teams,
			VolunteerDirectory volunteers, AccessControl access, ContentSecurity content, TransactionTemplate tx,
			Clock clock) {
		this.tasks = tasks;
		this.projects = projects;
		this.orgs = orgs;
		this.teams = teams;
		this.volunteers = volunteers;
		this.access = access;
		this.content = content;
		this.tx = tx;
		this.clock = clock;
	}

	record CreateTask(long projectId, String title, String description, String dueDate, Long ownerTeamId,
			Long ownerVolunteerId, String idempotencyKey) {
	}

	LocalDate today() {
		return LocalDate.now(this.clock.withZone(CHINA));
	}

	ProjectTaskView create(CreateTask input) {
		Project project = this.projects.require(input.projectId());
		OrgUnitRef unit = this.orgs.require(project.getOrgUnitId());
		Actor actor = this.access.requireAdminOver(unit.path());
		// A resend (a double click, the console's retry of a 503 whose commit went through) answers the
		// task created once, as it is now: looked up only now that the caller may create here.
		CreationKeys.Create<ProjectTaskView> keyed = CreationKeys.create(input.idempotencyKey(),
				RecordCorrections.digest("PROJECT_TASK", project.getId(), input.title().strip(),
						strip(input.description()), input.dueDate().strip(), input.ownerTeamId(),
						input.ownerVolunteerId()),
				() -> this.tasks.findByKey(actor.userId(), input.idempotencyKey()), this::view);
		ProjectTaskView earlier = keyed.earlier();
		if (earlier != null) {
			return earlier;
		}
		if (project.getStatus() == ProjectStatus.ARCHIVED) {
			throw new DomainException(ProjectError.PROJECT_ARCHIVED);
		}
		LocalDate due = notPast(parseDate(input.dueDate()));
		if ((input.ownerTeamId() == null) == (input.ownerVolunteerId() == null)) {
			throw new DomainException(ProjectError.PROJECT_TASK_OWNER_REQUIRED);
		}
		if (input.ownerTeamId() != null) {
			TeamRef team = this.teams.findTeam(input.ownerTeamId()).orElseThrow(() -> DomainException.notFound("队伍"));
			if (!team.active()) {
				throw new DomainException(TeamError.TEAM_DISBANDED);
			}
			if (!unit.contains(this.orgs.require(team.orgUnitId()))) {
				throw new DomainException(ProjectError.PROJECT_TASK_OWNER_NOT_IN_UNIT);
			}
		}
		else {
			VolunteerRef volunteer = this.volunteers.findAll(List.of(input.ownerVolunteerId()))
				.get(input.ownerVolunteerId());
			if (volunteer == null) {
				throw DomainException.notFound("志愿者");
			}
			if (!unit.contains(this.orgs.require(volunteer.homeStationId()))) {
				throw new DomainException(ProjectError.PROJECT_TASK_OWNER_NOT_IN_UNIT);
			}
		}
		// The owner and the unit's staff read these texts: msgSecCheck, before the transaction.
		this.content.requirePass(this.access.openidOf(actor.userId()), ContentSecurity.Scene.FORUM, input.title(),
				input.description());
		Instant now = this.clock.instant();
		ProjectTask row = new ProjectTask();
		row.projectId = project.getId();
		row.title = input.title().strip();
		row.description = strip(input.description());
		row.dueDate = due;
		row.ownerTeamId = input.ownerTeamId();
		row.ownerVolunteerId = (input.ownerTeamId() == null) ? input.ownerVolunteerId() : null;
		row.status = ProjectTaskStatus.OPEN;
		row.createdBy = actor.userId();
		row.createdAt = now;
		row.updatedAt = now;
		row.idempotencyKey = input.idempotencyKey();
		row.requestDigest = keyed.digest();
		return keyed.once(log, "Creating project task", () -> this.tx.executeWithoutResult(status -> {
			this.tasks.insert(row);
			this.tasks.log(row.id, "CREATED", actor.userId(), "日期 " + due, now);
		}), () -> view(row.id));
	}

	ProjectTaskView reschedule(long id, String dueDate, String reason) {
		ProjectTask task = require(id);
		Actor actor = requireAdminOverProjectOf(task);
		LocalDate due = notPast(parseDate(dueDate));
		requireOpen(task);
		String why = reason.strip();
		this.content.requirePass(this.access.openidOf(actor.userId()), ContentSecurity.Scene.FORUM, null, why);
		Instant now = this.clock.instant();
		this.tx.executeWithoutResult(status -> {
			if (this.tasks.reschedule(id, due, now) == 0) {
				throw new DomainException(ProjectError.PROJECT_TASK_NOT_OPEN);
			}
			this.tasks.log(id, "RESCHEDULED", actor.userId(), task.dueDate + " → " + due + "：" + why, now);
		});
		return view(id);
	}

	ProjectTaskView cancel(long id, String reason) {
		ProjectTask task = require(id);
		Actor actor = requireAdminOverProjectOf(task);
		requireOpen(task);
		String why = reason.strip();
		this.content.requirePass(this.access.openidOf(actor.userId()), ContentSecurity.Scene.FORUM, null, why);
		Instant now = this.clock.instant();
		this.tx.executeWithoutResult(status -> {
			if (this.tasks.cancel(id, why, now) == 0) {
				throw new DomainException(ProjectError.PROJECT_TASK_NOT_OPEN);
			}
			this.tasks.log(id, "CANCELLED", actor.userId(), why, now);
		});
		return view(id);
	}

	/**
	 * Completes the task. Idempotent: a task already DONE is returned as it is (whoever completed it
	 * first stays the completer, and the trail has one completion).
	 */
	ProjectTaskView complete(long id, String note) {
		ProjectTask task = require(id);
		Actor actor = this.access.requireActor();
		if (!mayComplete(task, actor)) {
			throw DomainException.forbidden();
		}
		if (task.status == ProjectTaskStatus.DONE) {
			return view(id);
		}
		if (task.status == ProjectTaskStatus.CANCELLED) {
			throw new DomainException(ProjectError.PROJECT_TASK_CANCELLED);
		}
		String text = strip(note);
		this.content.requirePass(this.access.openidOf(actor.userId()), ContentSecurity.Scene.FORUM, null, text);
		Instant now = this.clock.instant();
		this.tx.executeWithoutResult(status -> {
			if (this.tasks.complete(id, actor.userId(), text, now) == 1) {
				this.tasks.log(id, "COMPLETED", actor.userId(), text, now);
				return;
			}
			ProjectTask current = this.tasks.selectById(id);
			if (current.status == ProjectTaskStatus.CANCELLED) {
				throw new DomainException(ProjectError.PROJECT_TASK_CANCELLED);
			}
			// Completed by a concurrent request: that one completion stands.
		});
		return view(id);
	}

	Connection<ProjectTaskView> page(long projectId, ProjectTaskStatus status, Integer first, String after) {
		Project project = this.projects.require(projectId);
		this.access.requireAdminOver(this.projects.pathOf(project));
		var page = Connections.page(first, after);
		LocalDate today = today();
		List<ProjectTaskView> rows = this.tasks
			.page(projectId, (status == null) ? null : status.name(), page.afterId(), page.fetchSize())
			.stream()
			.map(task -> task.view(today))
			.toList();
		return Connections.of(rows, page, ProjectTaskView::id);
	}

	/** Tasks owned by the caller (as a volunteer) or by the teams they lead. */
	List<ProjectTaskView> mine(String date) {
		long userId = this.access.requireUserId();
		LocalDate day = (date == null || date.isBlank()) ? null : parseDate(date);
		Long volunteerId = this.volunteers.findByUserId(userId).map(VolunteerRef::id).orElse(null);
		List<Long> led = this.teams.ledBy(userId);
		if (volunteerId == null && led.isEmpty()) {
			return List.of();
		}
		LocalDate today = today();
		return this.tasks.owned(volunteerId, led, day, MINE_LIMIT).stream().map(task -> task.view(today)).toList();
	}

	/** The owner volunteer, the owner team's current leader, or an admin covering the project's unit. */
	boolean mayComplete(ProjectTask task, Actor actor) {
		if (task.ownerVolunteerId != null) {
			VolunteerRef owner = this.volunteers.findAll(List.of(task.ownerVolunteerId)).get(task.ownerVolunteerId);
			if (owner != null && owner.userId() == actor.userId()) {
				return true;
			}
		}
		else if (this.teams.isLeader(task.ownerTeamId, actor.userId())) {
			return true;
		}
		return actor.isAdminOver(this.projects.pathOf(this.projects.require(task.projectId)));
	}

	ProjectTask require(long id) {
		ProjectTask task = this.tasks.selectById(id);
		if (task == null) {
			throw DomainException.notFound("任务");
		}
		return task;
	}

	private ProjectTaskView view(long id) {
		return this.tasks.selectById(id).view(today());
	}

	private Actor requireAdminOverProjectOf(ProjectTask task) {
		return this.access.requireAdminOver(this.projects.pathOf(this.projects.require(task.projectId)));
	}

	private static void requireOpen(ProjectTask task) {
		if (task.status != ProjectTaskStatus.OPEN) {
			throw new DomainException(ProjectError.PROJECT_TASK_NOT_OPEN);
		}
	}

	private LocalDate notPast(LocalDate date) {
		if (date.isBefore(today())) {
			throw new DomainException(ProjectError.PROJECT_TASK_DUE_DATE_PAST);
		}
		return date;
	}

	private static LocalDate parseDate(String text) {
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw DomainException.badRequest("日期格式应为 yyyy-MM-dd");
		}
	}

	private static String strip(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
