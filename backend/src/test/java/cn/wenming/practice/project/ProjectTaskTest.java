package cn.wenming.practice.project;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.notification.NotificationProbe;
import cn.wenming.practice.notification.NotificationProbe.Row;
import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.MutableClock;
import cn.wenming.practice.testinfra.Scenario;
import cn.wenming.practice.testinfra.SqlCounter;
import cn.wenming.practice.testinfra.Volunteers;
import cn.wenming.practice.testinfra.WechatStub.SubscribeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 服务清单 任务分解 through the API: admins covering the project's unit break it into tasks owned by a
 * team or a volunteer of the unit, the owner (or the team's leader, or a covering admin) completes a
 * task once however often asked, cancelling and rescheduling carry a reason into the trail, the
 * project counts its progress in the same statements for a short and a long page, and the daily job
 * sends each owner one subscribe message per task due today, however often it runs.
 */
@IntegrationTest
class ProjectTaskTest {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	static final String TASK_FIELDS = """
			id projectId projectName title description dueDate status ownerKind ownerId ownerName overdue canComplete
			completedAt completedByName note cancelReason history { action actorName detail at }""";

	static final String CREATE = "mutation($input: CreateProjectTaskInput!) { createProjectTask(input: $input) { "
			+ TASK_FIELDS + " } }";

	static final String COMPLETE = "mutation($id: ID!, $note: String) { completeProjectTask(id: $id, note: $note) { "
			+ TASK_FIELDS + " } }";

	static final String CANCEL = "mutation($id: ID!, $reason: String!) { cancelProjectTask(id: $id, reason: $reason) { "
			+ TASK_FIELDS + " } }";

	static final String RESCHEDULE = """
			mutation($id: ID!, $due: String!, $reason: String!) { rescheduleProjectTask(id: $id, dueDate: $due, reason: $reason) {
			""" + TASK_FIELDS + " } }";

	static final String TASKS = """
			query($p: ID!, $s: ProjectTaskStatus, $first: Int) { projectTasks(projectId: $p, status: $s, first: $first) {
			  edges { node { """ + TASK_FIELDS + " } } pageInfo { hasNextPage endCursor } } }";

	static final String MINE = "query($d: String) { myProjectTasks(date: $d) { " + TASK_FIELDS + " } }";

	static final String PROGRESS = """
			query($u: ID!) { projects(orgUnitId: $u, first: 50) { edges { node { id taskProgress { total done overdue } } } } }""";

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	MutableClock clock;

	@Autowired
	SqlCounter sql;

	@Scenario
	Api api;

	@Scenario
	Fixtures fixtures;

	Fixtures.Tree tree;

	Session admin;

	Session outsider;

	Session volunteer;

	String volunteerId;

	Session leader;

	String teamId;

	String projectId;

	NotificationProbe probe;

	@BeforeEach
	void setUp() {
		this.probe = new NotificationProbe(this.context, this.api);
		this.tree = this.fixtures.tree();
		long otherStation = this.fixtures.unit(this.tree.institute(), "STATION", Fixtures.unique("站"), null, null);
		this.admin = this.api.login(Fixtures.unique("task-admin"));
		this.fixtures.grant(this.admin.userId(), "STATION_ADMIN", this.tree.station());
		this.outsider = this.api.login(Fixtures.unique("task-outsider"));
		this.fixtures.grant(this.outsider.userId(), "STATION_ADMIN", otherStation);
		this.volunteer = this.api.login(Fixtures.unique("task-volunteer"));
		this.volunteerId = Volunteers.register(this.api.as(this.volunteer), this.tree.station());
		this.leader = this.api.login(Fixtures.unique("task-leader"));
		Volunteers.register(this.api.as(this.leader), this.tree.station());
		Map<String, Object> team = new HashMap<>();
		team.put("orgUnitId", Long.toString(this.tree.station()));
		team.put("name", Fixtures.unique("助老服务队"));
		team.put("kind", "SPECIALTY");
		team.put("leaderUserId", Long.toString(this.leader.userId()));
		team.put("skills", List.of("助老"));
		team.put("categories", List.of("HEALTH_SPORTS"));
		this.teamId = this.api.as(this.admin).documentName("createTeam").variable("input", team).execute()
			.path("createTeam.id").entity(String.class).get();
		this.projectId = project(this.tree.station());
	}

	@Test
	void tasksAreBrokenDownByCoveringAdminsToTeamsAndVolunteersOfTheUnit() {
		String today = today().toString();
		ApiErrors.expectCode(create(this.outsider, "入户走访", today, this.teamId, null), "FORBIDDEN");
		ApiErrors.expectCode(create(this.admin, "入户走访", today, this.teamId, this.volunteerId),
				"PROJECT_TASK_OWNER_REQUIRED");
		ApiErrors.expectCode(create(this.admin, "入户走访", today, null, null), "PROJECT_TASK_OWNER_REQUIRED");
		ApiErrors.expectCode(create(this.admin, "入户走访", today().minusDays(1).toString(), this.teamId, null),
				"PROJECT_TASK_DUE_DATE_PAST");
		ApiErrors.expectCode(create(this.admin, "入户走访", "明天", this.teamId, null), "BAD_REQUEST");
		ApiErrors.expectBadField(create(this.admin, " ", today, this.teamId, null), "input.title");
		// A volunteer based at another station is not "of the unit".
		Session elsewhere = this.api.login(Fixtures.unique("task-elsewhere"));
		long otherStation = this.fixtures.unit(this.tree.institute(), "STATION", Fixtures.unique("站"), null, null);
		String elsewhereId = Volunteers.register(this.api.as(elsewhere), otherStation);
		ApiErrors.expectCode(create(this.admin, "入户走访", today, null, elsewhereId), "PROJECT_TASK_OWNER_NOT_IN_UNIT");

		create(this.admin, "入户走访独居老人", today, this.teamId, null)
			.path("createProjectTask.status").entity(String.class).isEqualTo("OPEN")
			.path("createProjectTask.ownerKind").entity(String.class).isEqualTo("TEAM")
			.path("createProjectTask.ownerId").entity(String.class).isEqualTo(this.teamId)
			.path("createProjectTask.projectId").entity(String.class).isEqualTo(this.projectId)
			.path("createProjectTask.canComplete").entity(Boolean.class).isEqualTo(true)
			.path("createProjectTask.history[0].action").entity(String.class).isEqualTo("CREATED");
		create(this.admin, "整理服务台账", today().plusDays(2).toString(), null, this.volunteerId)
			.path("createProjectTask.ownerKind").entity(String.class).isEqualTo("VOLUNTEER")
			.path("createProjectTask.ownerName").entity(String.class).isEqualTo("张三");

		// The institute's admin covers the station's project; the other station's admin may not read it.
		Session instituteAdmin = this.api.login(Fixtures.unique("task-institute"));
		this.fixtures.grant(instituteAdmin.userId(), "INSTITUTE_ADMIN", this.tree.institute());
		this.api.as(instituteAdmin).document(TASKS).variable("p", this.projectId).execute()
			.path("projectTasks.edges[*].node.title").entityList(String.class)
			.containsExactly("入户走访独居老人", "整理服务台账");
		ApiErrors.expectCode(this.api.as(this.outsider).document(TASKS).variable("p", this.projectId).execute(),
				"FORBIDDEN");
		ApiErrors.expectCode(this.api.as(this.volunteer).document(TASKS).variable("p", this.projectId).execute(),
				"FORBIDDEN");
		assertThat(progress()).isEqualTo(List.of(2, 0, 0));
	}

	@Test
	void ownersCompleteOnceAndCancellingOrReschedulingLeavesATrail() {
		String volunteerTask = id(create(this.admin, "整理服务台账", today().toString(), null, this.volunteerId));
		String teamTask = id(create(this.admin, "入户走访独居老人", today().toString(), this.teamId, null));
		String cancelled = id(create(this.admin, "义诊物资清点", today().plusDays(1).toString(), this.teamId, null));
		String late = id(create(this.admin, "回访服务对象", today().toString(), null, this.volunteerId));

		// Neither a volunteer who owns nothing nor another station's admin completes a task.
		ApiErrors.expectCode(complete(this.leader, volunteerTask, null), "FORBIDDEN");
		ApiErrors.expectCode(complete(this.outsider, teamTask, null), "FORBIDDEN");
		ApiErrors.expectCode(complete(this.volunteer, teamTask, null), "FORBIDDEN");

		complete(this.volunteer, volunteerTask, "已整理 12 户台账")
			.path("completeProjectTask.status").entity(String.class).isEqualTo("DONE")
			.path("completeProjectTask.note").entity(String.class).isEqualTo("已整理 12 户台账")
			.path("completeProjectTask.completedByName").entity(String.class).isEqualTo("张三")
			.path("completeProjectTask.canComplete").entity(Boolean.class).isEqualTo(false);
		// Twice (and by an admin afterwards): still the one completion by the volunteer.
		complete(this.volunteer, volunteerTask, "再次提交").path("completeProjectTask.note").entity(String.class)
			.isEqualTo("已整理 12 户台账");
		complete(this.admin, volunteerTask, null).path("completeProjectTask.status").entity(String.class)
			.isEqualTo("DONE");
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM project_task_log WHERE task_id = ? AND action = 'COMPLETED'", Integer.class,
				Long.parseLong(volunteerTask))).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("SELECT completed_by FROM project_task WHERE id = ?", Long.class,
				Long.parseLong(volunteerTask))).isEqualTo(this.volunteer.userId());

		// The team's leader completes the team's task.
		complete(this.leader, teamTask, null).path("completeProjectTask.status").entity(String.class).isEqualTo("DONE");

		ApiErrors.expectCode(cancel(this.admin, teamTask, "重复"), "PROJECT_TASK_NOT_OPEN");
		ApiErrors.expectCode(cancel(this.outsider, cancelled, "不需要了"), "FORBIDDEN");
		ApiErrors.expectBadField(cancel(this.admin, cancelled, " "), "reason");
		cancel(this.admin, cancelled, "物资已由街道清点")
			.path("cancelProjectTask.status").entity(String.class).isEqualTo("CANCELLED")
			.path("cancelProjectTask.cancelReason").entity(String.class).isEqualTo("物资已由街道清点")
			.path("cancelProjectTask.history[1].action").entity(String.class).isEqualTo("CANCELLED");
		ApiErrors.expectCode(complete(this.leader, cancelled, null), "PROJECT_TASK_CANCELLED");

		String tomorrow = today().plusDays(1).toString();
		ApiErrors.expectCode(reschedule(this.volunteer, late, tomorrow, "下雨"), "FORBIDDEN");
		ApiErrors.expectCode(reschedule(this.admin, late, today().minusDays(1).toString(), "下雨"),
				"PROJECT_TASK_DUE_DATE_PAST");
		reschedule(this.admin, late, tomorrow, "暴雨顺延")
			.path("rescheduleProjectTask.dueDate").entity(String.class).isEqualTo(tomorrow)
			.path("rescheduleProjectTask.history[1].action").entity(String.class).isEqualTo("RESCHEDULED")
			.path("rescheduleProjectTask.history[1].detail").entity(String.class)
			.isEqualTo(today() + " → " + tomorrow + "：暴雨顺延");

		// Done 2 of 3 (the cancelled one does not count); three days on, the open one is overdue.
		assertThat(progress()).isEqualTo(List.of(3, 2, 0));
		this.clock.shift(Duration.ofDays(3));
		assertThat(progress()).isEqualTo(List.of(3, 2, 1));
		this.api.as(this.admin).document(TASKS).variable("p", this.projectId).variable("s", "OPEN").execute()
			.path("projectTasks.edges[*].node.id").entityList(String.class).containsExactly(late)
			.path("projectTasks.edges[0].node.overdue").entity(Boolean.class).isEqualTo(true);
	}

	@Test
	void myTasksAreTheOnesOwnedByMeOrByTeamsILead() {
		String mine = id(create(this.admin, "整理服务台账", today().toString(), null, this.volunteerId));
		String later = id(create(this.admin, "回访服务对象", today().plusDays(3).toString(), null, this.volunteerId));
		String team = id(create(this.admin, "入户走访独居老人", today().toString(), this.teamId, null));

		this.api.as(this.volunteer).document(MINE).variable("d", today().toString()).execute()
			.path("myProjectTasks[*].id").entityList(String.class).containsExactly(mine)
			.path("myProjectTasks[0].canComplete").entity(Boolean.class).isEqualTo(true);
		this.api.as(this.volunteer).document(MINE).execute()
			.path("myProjectTasks[*].id").entityList(String.class).containsExactly(mine, later);
		this.api.as(this.leader).document(MINE).execute()
			.path("myProjectTasks[*].id").entityList(String.class).containsExactly(team)
			.path("myProjectTasks[0].ownerName").entity(String.class).satisfies(name -> assertThat(name).contains("助老服务队"));
		// Done today: still listed for the day, no longer among the open ones.
		complete(this.volunteer, mine, null);
		this.api.as(this.volunteer).document(MINE).variable("d", today().toString()).execute()
			.path("myProjectTasks[0].status").entity(String.class).isEqualTo("DONE");
		this.api.as(this.volunteer).document(MINE).execute()
			.path("myProjectTasks[*].id").entityList(String.class).containsExactly(later);
		this.api.as(this.admin).document(MINE).execute().path("myProjectTasks").entityList(Object.class).hasSize(0);
	}

	@Test
	void progressAndTaskPagesCostTheSameStatementsForFewAndMany() {
		String other = project(this.tree.station());
		create(this.admin, "队伍任务", today().toString(), this.teamId, null);
		create(this.admin, "个人任务", today().toString(), null, this.volunteerId);
		int few = this.sql.measure(() -> {
			tasksPage();
			return progress();
		}).count();
		for (int i = 0; i < 8; i++) {
			// (5 of each kind in all: the page's batched fields read teams and volunteers alike)
			create(this.admin, "更多任务" + i, today().plusDays(i % 3).toString(), (i % 2 == 0) ? this.teamId : null,
					(i % 2 == 0) ? null : this.volunteerId);
		}
		this.api.as(this.admin).document(CREATE).variable("input", input(other, "另一项目的任务", today().toString(),
				this.teamId, null)).execute().path("createProjectTask.id").hasValue();
		var many = this.sql.measure(() -> {
			tasksPage();
			return progress();
		});
		assertThat(many.result()).isEqualTo(List.of(10, 0, 0));
		assertThat(many.count()).isEqualTo(few);
	}

	@Test
	void theDailyJobRemindsEachOwnerOncePerTaskDueToday() {
		this.probe.accept(this.volunteer, "PROJECT_TASK_DUE");
		this.probe.accept(this.volunteer, "PROJECT_TASK_DUE");
		this.probe.accept(this.leader, "PROJECT_TASK_DUE");
		String volunteerTask = id(create(this.admin, "整理服务台账", today().toString(), null, this.volunteerId));
		String teamTask = id(create(this.admin, "入户走访独居老人", today().toString(), this.teamId, null));
		String tomorrowTask = id(create(this.admin, "回访服务对象", today().plusDays(1).toString(), null, this.volunteerId));
		String done = id(create(this.admin, "已完成的任务", today().toString(), null, this.volunteerId));
		complete(this.volunteer, done, null);
		ProjectTaskReminderJob job = this.context.getBean(ProjectTaskReminderJob.class);

		job.run();
		SubscribeMessage toVolunteer = sentOnce(this.volunteer, volunteerTask);
		assertThat(toVolunteer.page()).isEqualTo("pages/tasks/tasks?id=" + volunteerTask + "&source=subscribe");
		assertThat(toVolunteer.data()).containsEntry("thing1", "整理服务台账").containsEntry("date3", today().toString());
		sentOnce(this.leader, teamTask);

		// Again, and through the scheduler's lock: nothing new that day.
		job.run();
		job.tick();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM shedlock WHERE name = 'project-task-reminders'",
				Integer.class)).as("the scheduled entry point runs under ShedLock").isEqualTo(1);
		assertThat(this.probe.rows(this.volunteer.userId(), "PROJECT_TASK_DUE")).hasSize(1);
		assertThat(this.probe.rows(this.leader.userId(), "PROJECT_TASK_DUE")).hasSize(1);

		// The next day: tomorrow's task, once.
		this.clock.shift(Duration.ofDays(1));
		job.run();
		job.run();
		List<Row> rows = this.probe.awaitFinal(this.volunteer.userId(), "PROJECT_TASK_DUE", 2);
		assertThat(rows).extracting(Row::objectId)
			.containsExactly(Long.parseLong(volunteerTask), Long.parseLong(tomorrowTask));
		assertThat(rows).extracting(Row::status).containsOnly("SENT");
		assertThat(this.probe.received(this.volunteer.userId())).hasSize(2);
		assertThat(this.probe.rows(this.leader.userId(), "PROJECT_TASK_DUE")).hasSize(1);
	}

	private SubscribeMessage sentOnce(Session user, String taskId) {
		List<Row> rows = this.probe.awaitFinal(user.userId(), "PROJECT_TASK_DUE", 1);
		assertThat(rows.get(0).status()).isEqualTo("SENT");
		assertThat(rows.get(0).objectId()).isEqualTo(Long.parseLong(taskId));
		List<SubscribeMessage> received = this.probe.received(user.userId());
		assertThat(received).hasSize(1);
		assertThat(received.get(0).templateId()).isEqualTo(NotificationProbe.template("PROJECT_TASK_DUE"));
		return received.get(0);
	}

	private LocalDate today() {
		return LocalDate.now(this.clock.withZone(CHINA));
	}

	private String project(long unitId) {
		Map<String, Object> input = new HashMap<>();
		input.put("orgUnitId", Long.toString(unitId));
		input.put("name", Fixtures.unique("邻里守望"));
		input.put("category", "HEALTH_SPORTS");
		return this.api.as(this.admin).documentName("createProject").variable("input", input).execute()
			.path("createProject.id").entity(String.class).get();
	}

	private Map<String, Object> input(String project, String title, String due, String teamId, String volunteerId) {
		Map<String, Object> input = new HashMap<>();
		input.put("projectId", project);
		input.put("title", title);
		input.put("description", "每周一次");
		input.put("dueDate", due);
		input.put("ownerTeamId", teamId);
		input.put("ownerVolunteerId", volunteerId);
		return input;
	}

	private GraphQlTester.Response create(Session as, String title, String due, String teamId, String volunteerId) {
		return this.api.as(as).document(CREATE).variable("input", input(this.projectId, title, due, teamId, volunteerId))
			.execute();
	}

	private static String id(GraphQlTester.Response response) {
		return response.path("createProjectTask.id").entity(String.class).get();
	}

	private GraphQlTester.Response complete(Session as, String id, String note) {
		return this.api.as(as).document(COMPLETE).variable("id", id).variable("note", note).execute();
	}

	private GraphQlTester.Response cancel(Session as, String id, String reason) {
		return this.api.as(as).document(CANCEL).variable("id", id).variable("reason", reason).execute();
	}

	private GraphQlTester.Response reschedule(Session as, String id, String due, String reason) {
		return this.api.as(as).document(RESCHEDULE).variable("id", id).variable("due", due).variable("reason", reason)
			.execute();
	}

	private void tasksPage() {
		this.api.as(this.admin).document(TASKS).variable("p", this.projectId).variable("first", 50).execute()
			.path("projectTasks.edges").entityList(Object.class).hasSizeGreaterThan(0);
	}

	/** The scenario project's {@code [total, done, overdue]}. */
	@SuppressWarnings("unchecked")
	private List<Integer> progress() {
		List<Map> nodes = this.api.as(this.admin).document(PROGRESS).variable("u", this.tree.station()).execute()
			.path("projects.edges[*].node")
			.entityList(Map.class)
			.get();
		Map<String, Object> node = nodes.stream().filter(n -> this.projectId.equals(n.get("id"))).findFirst().orElseThrow();
		Map<String, Object> progress = (Map<String, Object>) node.get("taskProgress");
		return List.of((Integer) progress.get("total"), (Integer) progress.get("done"), (Integer) progress.get("overdue"));
	}

}
