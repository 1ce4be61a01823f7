package cn.wenming.practice;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Race;
import cn.wenming.practice.testinfra.Scenario;
import cn.wenming.practice.testinfra.Volunteers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff's creates that take the creator's idempotency key (活动, 项目, 项目任务, 爱心超市商品, 礼遇规则,
 * 组织单位, 文明单位, 志愿者培训), one family a test, each held to the rule of the counted creates: ten
 * sends of one key at once (a double click, the console's retry of a 503 whose commit went through) make
 * one record and are all answered it, and so is a later resend; the key with other input is refused
 * IDEMPOTENCY_KEY_REUSED; the key is its sender's own, so another admin's same key is another create.
 */
@IntegrationTest
class StaffCreationKeysTest {

	@Autowired
	JdbcTemplate jdbc;

	@Scenario
	Api api;

	@Scenario
	Fixtures fixtures;

	Fixtures.Tree tree;

	Session admin;

	/** Another center admin: the same key string from them is their own. */
	Session colleague;

	@BeforeEach
	void setUp() {
		this.tree = this.fixtures.tree();
		this.admin = this.api.login(Fixtures.unique("keys-admin"));
		this.fixtures.grant(this.admin.userId(), "CENTER_ADMIN", this.tree.center());
		this.colleague = this.api.login(Fixtures.unique("keys-colleague"));
		this.fixtures.grant(this.colleague.userId(), "CENTER_ADMIN", this.tree.center());
	}

	@Test
	void anActivitySentAgainWithItsKeyIsCreatedOnce() throws Exception {
		String projectId = project();
		Instant start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
		Map<String, Object> input = new HashMap<>();
		input.put("projectId", projectId);
		input.put("title", "社区义诊");
		input.put("description", "测血压、血糖");
		input.put("startsAt", start.toString());
		input.put("endsAt", start.plus(2, ChronoUnit.HOURS).toString());
		input.put("address", "新街道卫生服务站");
		input.put("latitude", 31.5);
		input.put("longitude", 120.3);
		input.put("capacity", 20);
		input.put("skills", List.of("急救"));
		createdOnce("mutation($input: CreateActivityInput!) { createActivity(input: $input) { id } }", "createActivity.id",
				input, "capacity", 30, () -> count("SELECT COUNT(*) FROM activity WHERE project_id = ?", projectId));
	}

	@Test
	void projectsAndTheirTasksSentAgainWithTheirKeysAreCreatedOnce() throws Exception {
		Map<String, Object> project = new HashMap<>();
		project.put("orgUnitId", Long.toString(this.tree.station()));
		project.put("name", Fixtures.unique("项目"));
		project.put("category", "HEALTH_SPORTS");
		createdOnce("mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }", "createProject.id",
				project, "description", "另一个项目",
				() -> count("SELECT COUNT(*) FROM project WHERE org_unit_id = ?", this.tree.station()));

		String projectId = project();
		Session volunteer = this.api.login(Fixtures.unique("keys-owner"));
		String volunteerId = Volunteers.register(this.api.as(volunteer), this.tree.station());
		Map<String, Object> task = new HashMap<>();
		task.put("projectId", projectId);
		task.put("title", "联系场地");
		task.put("dueDate", "2999-01-31");
		task.put("ownerVolunteerId", volunteerId);
		createdOnce("mutation($input: CreateProjectTaskInput!) { createProjectTask(input: $input) { id } }",
				"createProjectTask.id", task, "title", "另一项任务",
				() -> count("SELECT COUNT(*) FROM project_task WHERE project_id = ?", projectId));
	}

	@Test
	void aRewardSentAgainWithItsKeyIsCreatedOnce() throws Exception {
		Map<String, Object> input = new HashMap<>();
		input.put("stationId", Long.toString(this.tree.station()));
		input.put("name", "洗衣液");
		input.put("kind", "GOODS");
		input.put("pricePoints", 50);
		input.put("stock", 10);
		input.put("perPersonLimit", 2);
		createdOnce("mutation($input: CreateRewardInput!) { createReward(input: $input) { id stock } }",
				"createReward.id", input, "pricePoints", 80,
				() -> count("SELECT COUNT(*) FROM reward WHERE station_id = ?", this.tree.station()));
	}

	/**
	 * Rights come before the station's state: someone who may not stock the store learns nothing of it
	 * (it answered them ORG_UNIT_CLOSED), and a resend of a reward made before the station closed
	 * answers that reward, as every keyed create answers the record it made.
	 */
	@Test
	void aClosedStationsRewardIsRefusedAfterRightsAndAResendStillAnswersIt() {
		Map<String, Object> input = new HashMap<>();
		input.put("stationId", Long.toString(this.tree.station()));
		input.put("name", "雨伞");
		input.put("kind", "GOODS");
		input.put("pricePoints", 30);
		input.put("stock", 5);
		input.put("perPersonLimit", 1);
		input.put("idempotencyKey", Fixtures.unique("reward-key"));
		String document = "mutation($input: CreateRewardInput!) { createReward(input: $input) { id } }";
		String made = this.api.as(this.admin).document(document).variable("input", input).execute()
			.path("createReward.id").entity(String.class).get();
		this.jdbc.update("UPDATE org_unit SET status = 'CLOSED' WHERE id = ?", this.tree.station());
		this.api.as(this.admin).document(document).variable("input", input).execute()
			.path("createReward.id").entity(String.class).isEqualTo(made);
		Map<String, Object> other = new HashMap<>(input);
		other.put("idempotencyKey", Fixtures.unique("reward-key"));
		ApiErrors.expectCode(this.api.as(this.admin).document(document).variable("input", other).execute(),
				"ORG_UNIT_CLOSED");
		Session stranger = this.api.login(Fixtures.unique("keys-stranger"));
		ApiErrors.expectCode(this.api.as(stranger).document(document).variable("input", other).execute(), "FORBIDDEN");
		assertThat(count("SELECT COUNT(*) FROM reward WHERE station_id = ?", this.tree.station())).isEqualTo(1);
	}

	@Test
	void aRecognitionRuleSentAgainWithItsKeyIsCreatedOnce() throws Exception {
		Map<String, Object> input = new HashMap<>();
		input.put("orgUnitId", Long.toString(this.tree.center()));
		input.put("name", "百小时嘉许");
		input.put("trigger", "CREDIT_HOURS");
		input.put("threshold", 100.0);
		input.put("bonusPoints", 200);
		createdOnce("mutation($input: CreateRecognitionRuleInput!) { createRecognitionRule(input: $input) { id } }",
				"createRecognitionRule.id", input, "threshold", 200.0,
				() -> count("SELECT COUNT(*) FROM recognition_rule WHERE org_unit_id = ?", this.tree.center()));
	}

	@Test
	void orgUnitsAndCivilizedUnitsSentAgainWithTheirKeysAreCreatedOnce() throws Exception {
		Map<String, Object> unit = new HashMap<>();
		unit.put("parentId", Long.toString(this.tree.center()));
		unit.put("level", "INSTITUTE");
		unit.put("name", Fixtures.unique("实践所"));
		createdOnce("mutation($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { id } }", "createOrgUnit.id",
				unit, "address", "新街道 1 号",
				() -> count("SELECT COUNT(*) FROM org_unit WHERE parent_id = ?", this.tree.center()));

		Map<String, Object> civilized = new HashMap<>();
		civilized.put("orgUnitId", Long.toString(this.tree.station()));
		civilized.put("name", Fixtures.unique("文明单位"));
		civilized.put("contactName", "李主任");
		createdOnce("mutation($input: CreateCivilizedUnitInput!) { createCivilizedUnit(input: $input) { id } }",
				"createCivilizedUnit.id", civilized, "contactName", "王主任",
				() -> count("SELECT COUNT(*) FROM civilized_unit WHERE org_unit_id = ?", this.tree.station()));
	}

	/** recordTraining answers the volunteer: the count of their trainings tells one record from two. */
	@Test
	void aTrainingSentAgainWithItsKeyIsRecordedOnce() throws Exception {
		Session volunteer = this.api.login(Fixtures.unique("keys-trainee"));
		String volunteerId = Volunteers.register(this.api.as(volunteer), this.tree.station());
		Map<String, Object> input = new HashMap<>();
		input.put("volunteerId", volunteerId);
		input.put("course", "急救培训");
		input.put("completedAt", Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS).toString());
		createdOnce("mutation($input: RecordTrainingInput!) { recordTraining(input: $input) { id } }",
				"recordTraining.id", input, "course", "消防培训",
				() -> count("SELECT COUNT(*) FROM volunteer_training WHERE volunteer_id = ?", volunteerId));
	}

	/**
	 * The rule, for one create: {@code idPath} reads what the mutation answers (the record, or for
	 * recordTraining the volunteer), {@code records} counts the records it makes.
	 */
	private void createdOnce(String document, String idPath, Map<String, Object> fields, String otherField,
			Object otherValue, IntSupplier records) throws Exception {
		int before = records.getAsInt();
		Map<String, Object> input = new LinkedHashMap<>(fields);
		input.put("idempotencyKey", Fixtures.unique("create-key-"));
		List<GraphQlTester.Response> answers = Race.times(10, () -> send(this.admin, document, input));
		List<String> ids = answers.stream().map(answer -> answer.path(idPath).entity(String.class).get()).toList();
		assertThat(ids).hasSize(10).containsOnly(ids.get(0));
		assertThat(records.getAsInt()).isEqualTo(before + 1);
		send(this.admin, document, input).path(idPath).entity(String.class).isEqualTo(ids.get(0));

		Map<String, Object> other = new HashMap<>(input);
		other.put(otherField, otherValue);
		ApiErrors.expectCode(send(this.admin, document, other), "IDEMPOTENCY_KEY_REUSED");
		assertThat(records.getAsInt()).isEqualTo(before + 1);

		String theirs = send(this.colleague, document, input).path(idPath).entity(String.class).get();
		if (!idPath.startsWith("recordTraining")) {
			assertThat(theirs).isNotEqualTo(ids.get(0));
		}
		assertThat(records.getAsInt()).isEqualTo(before + 2);
		// Without a key (an older client) every send is a create, as before keys.
		send(this.admin, document, fields).path(idPath).hasValue();
		assertThat(records.getAsInt()).isEqualTo(before + 3);
	}

	private GraphQlTester.Response send(Session as, String document, Map<String, Object> input) {
		return this.api.as(as).document(document).variable("input", input).execute();
	}

	private String project() {
		Map<String, Object> input = new HashMap<>();
		input.put("orgUnitId", Long.toString(this.tree.station()));
		input.put("name", Fixtures.unique("项目"));
		input.put("category", "HEALTH_SPORTS");
		return send(this.admin, "mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }", input)
			.path("createProject.id").entity(String.class).get();
	}

	private int count(String sql, Object parameter) {
		return this.jdbc.queryForObject(sql, Integer.class, parameter);
	}

}
