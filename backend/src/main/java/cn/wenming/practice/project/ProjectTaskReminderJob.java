package cn.wenming.practice.project;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.wenming.practice.team.TeamDirectory;
import cn.wenming.practice.team.TeamRef;
import cn.wenming.practice.volunteer.VolunteerDirectory;
import cn.wenming.practice.volunteer.VolunteerRef;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily reminder of project tasks (每日任务提醒): at {@code app.project.task-reminder-cron} (08:00
 * in {@code app.project.task-reminder-zone}, Asia/Shanghai) every OPEN task due today tells its owner
 * volunteer, or its team's current leader, through a {@link ProjectTaskDue} event that the
 * notification feature turns into a subscribe message. Once per task per day: the event is published
 * in the transaction whose guarded update claims the day ({@code reminded_on}), so a second run, a
 * second instance or a re-run after a crash publishes nothing new; ShedLock lets one instance run.
 */
@Component
class ProjectTaskReminderJob {

	private static final Logger log = LoggerFactory.getLogger(ProjectTaskReminderJob.class);

	static final int PAGE = 200;

	private final ProjectTaskMapper tasks;

	private final ProjectMapper projects;

	private final TeamDirectory teams;

	private final VolunteerDirectory volunteers;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate tx;

	private final Clock clock;

	ProjectTaskReminderJob(ProjectTaskMapper tasks, ProjectMapper projects, TeamDirectory teams,
			VolunteerDirectory volunteers, ApplicationEventPublisher events, TransactionTemplate tx, Clock clock) {
		this.tasks = tasks;
		this.projects = projects;
		this.teams = teams;
		this.volunteers = volunteers;
		this.events = events;
		this.tx = tx;
		this.clock = clock;
	}

	@Scheduled(cron = "${app.project.task-reminder-cron:0 0 8 * * *}",
			zone = "${app.project.task-reminder-zone:Asia/Shanghai}")
	@SchedulerLock(name = "project-task-reminders", lockAtMostFor = "PT1M", lockAtLeastFor = "PT5S")
	public void tick() {
		int published = run();
		if (published > 0) {
			log.info("Project task reminders: {} owners reminded of today's tasks", published);
		}
	}

	/** Reminds the owners of today's OPEN tasks not yet reminded today; returns how many were reminded. */
	int run() {
		LocalDate today = LocalDate.now(this.clock.withZone(ProjectTaskService.CHINA));
		int published = 0;
		long after = 0;
		while (true) {
			List<ProjectTask> page = this.tasks.dueUnreminded(today, after, PAGE);
			if (page.isEmpty()) {
				return published;
			}
			Map<Long, Project> projectsById = this.projects
				.findByIds(page.stream().map(t -> t.projectId).distinct().toList())
				.stream()
				.collect(Collectors.toMap(Project::getId, Function.identity()));
			Map<Long, TeamRef> teamRefs = this.teams
				.findAll(page.stream().map(t -> t.ownerTeamId).filter(Objects::nonNull).toList());
			Map<Long, VolunteerRef> volunteerRefs = this.volunteers
				.findAll(page.stream().map(t -> t.ownerVolunteerId).filter(Objects::nonNull).toList());
			for (ProjectTask task : page) {
				Long recipient = recipient(task, teamRefs, volunteerRefs);
				Project project = projectsById.get(task.projectId);
				Boolean sent = this.tx.execute(status -> {
					if (this.tasks.claimReminder(task.id, today) == 0) {
						return false;
					}
					if (recipient == null) {
						// A disbanded team has no leader to tell: the day counts as handled.
						return false;
					}
					this.events.publishEvent(new ProjectTaskDue(task.id, task.projectId,
							(project != null) ? project.getName() : "", task.title, task.dueDate, recipient,
							this.clock.instant()));
					return true;
				});
				if (Boolean.TRUE.equals(sent)) {
					published++;
				}
				after = task.id;
			}
			if (page.size() < PAGE) {
				return published;
			}
		}
	}

	private static Long recipient(ProjectTask task, Map<Long, TeamRef> teamRefs, Map<Long, VolunteerRef> volunteerRefs) {
		if (task.ownerVolunteerId != null) {
			VolunteerRef volunteer = volunteerRefs.get(task.ownerVolunteerId);
			return (volunteer != null) ? volunteer.userId() : null;
		}
		TeamRef team = teamRefs.get(task.ownerTeamId);
		return (team != null && team.active()) ? team.leaderUserId() : null;
	}

}
