package cn.wenming.practice.activity;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Volunteers;

import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * A fresh org tree with a station admin (the organiser) and one project, arranged through the API
 * except the admin grant; each scenario's activities sit at their own random spot so that
 * location searches do not see other tests' data. Shared by the activity tests.
 */
public final class ActivityScenario {

	public final Api api;

	public final Fixtures fixtures;

	public final Fixtures.Tree tree;

	public final Session admin;

	public final String projectId;

	/** Where this scenario's activities take place. */
	final double latitude;

	final double longitude;

	public ActivityScenario(Api api, Fixtures fixtures) {
		this.api = api;
		this.fixtures = fixtures;
		this.tree = fixtures.tree();
		this.admin = api.login(Fixtures.unique("organiser"));
		fixtures.grant(this.admin.userId(), "STATION_ADMIN", this.tree.station());
		ThreadLocalRandom random = ThreadLocalRandom.current();
		this.latitude = 20 + random.nextDouble() * 20;
		this.longitude = 100 + random.nextDouble() * 20;
		this.projectId = createProject(this.admin, this.tree.station(), Fixtures.unique("健康江来"))
			.path("createProject.id").entity(String.class).get();
	}

	/** A new user registered as a volunteer at the scenario's station. */
	public Session volunteer(String prefix) {
		Session session = this.api.login(Fixtures.unique(prefix));
		Volunteers.register(this.api.as(session), this.tree.station());
		return session;
	}

	public GraphQlTester.Response createProject(Session as, long unitId, String name) {
		Map<String, Object> input = new HashMap<>();
		input.put("orgUnitId", Long.toString(unitId));
		input.put("name", name);
		input.put("category", "HEALTH_SPORTS");
		input.put("description", "义诊、健康讲座");
		// Only a center admin marks brand projects (issue 18): a station admin creates ordinary ones.
		input.put("brand", false);
		return this.api.as(as).documentName("createProject").variable("input", input).execute();
	}

	/** Input for an activity of the scenario's project at the scenario's place. */
	Map<String, Object> activityInput(Instant startsAt, Instant endsAt, int capacity) {
		Map<String, Object> input = new HashMap<>();
		input.put("projectId", this.projectId);
		input.put("title", "社区义诊");
		input.put("description", "测血压、血糖");
		input.put("startsAt", startsAt.truncatedTo(ChronoUnit.MILLIS).toString());
		input.put("endsAt", endsAt.truncatedTo(ChronoUnit.MILLIS).toString());
		input.put("address", "新街道卫生服务站");
		input.put("latitude", this.latitude);
		input.put("longitude", this.longitude);
		input.put("capacity", capacity);
		input.put("skills", List.of("急救", "测血压"));
		input.put("contactName", "王老师");
		input.put("contactPhone", "0510-88888888");
		return input;
	}

	GraphQlTester.Response createActivity(Session as, Map<String, Object> input) {
		return this.api.as(as).documentName("createActivity").variable("input", input).execute();
	}

	String draft(Instant startsAt, Instant endsAt, int capacity) {
		return createActivity(this.admin, activityInput(startsAt, endsAt, capacity)).path("createActivity.id")
			.entity(String.class)
			.get();
	}

	/** A published activity starting in {@code startsIn}, lasting {@code length}. */
	public String published(Duration startsIn, Duration length, int capacity) {
		Instant start = Instant.now().plus(startsIn);
		String id = draft(start, start.plus(length), capacity);
		move(this.admin, "publishActivity", id).path("publishActivity.status").entity(String.class).isEqualTo("PUBLISHED");
		return id;
	}

	GraphQlTester.Response move(Session as, String mutation, String activityId) {
		return this.api.as(as).documentName(mutation).variable("id", activityId).execute();
	}

	GraphQlTester.Response signUp(Session as, String activityId) {
		return this.api.as(as).documentName("signUp").variable("activityId", activityId).variable("source", "menu")
			.execute();
	}

	String code(String activityId) {
		return this.api.as(this.admin).documentName("activityCheckInCode").variable("activityId", activityId).execute()
			.path("activityCheckInCode.token").entity(String.class).get();
	}

	GraphQlTester.Response check(String mutation, Session as, String activityId, String token, double latitude,
			double longitude) {
		return this.api.as(as).documentName(mutation).variable("activityId", activityId).variable("token", token)
			.variable("latitude", latitude).variable("longitude", longitude).execute();
	}

	/** Checks in or out at the activity's own spot. */
	GraphQlTester.Response checkHere(String mutation, Session as, String activityId, String token) {
		return check(mutation, as, activityId, token, this.latitude, this.longitude);
	}

}
