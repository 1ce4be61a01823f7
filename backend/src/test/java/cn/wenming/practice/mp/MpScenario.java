package cn.wenming.practice.mp;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.Fixtures;

import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * A fresh org tree with an institute admin, a station created through the API at a random spot
 * (so the station index knows it), and a project of that station. The spot is drawn from a region
 * no other test uses (42–48°N, 80–95°E), so location searches see only this scenario's data.
 */
final class MpScenario {

	final Api api;

	final Fixtures fixtures;

	final Fixtures.Tree tree;

	final Session admin;

	final long station;

	final String stationName;

	final String projectId;

	final double latitude;

	final double longitude;

	MpScenario(Api api, Fixtures fixtures) {
		this.api = api;
		this.fixtures = fixtures;
		this.tree = fixtures.tree();
		this.admin = api.login(Fixtures.unique("mp-admin"));
		fixtures.grant(this.admin.userId(), "INSTITUTE_ADMIN", this.tree.institute());
		ThreadLocalRandom random = ThreadLocalRandom.current();
		this.latitude = 42 + random.nextDouble() * 6;
		this.longitude = 80 + random.nextDouble() * 15;
		this.stationName = Fixtures.unique("站");
		Map<String, Object> unit = new HashMap<>();
		unit.put("parentId", Long.toString(this.tree.institute()));
		unit.put("level", "STATION");
		unit.put("name", this.stationName);
		unit.put("latitude", this.latitude);
		unit.put("longitude", this.longitude);
		this.station = Long.parseLong(api.as(this.admin).documentName("createOrgUnit").variable("input", unit).execute()
			.path("createOrgUnit.id").entity(String.class).get());
		Map<String, Object> project = new HashMap<>();
		project.put("orgUnitId", Long.toString(this.station));
		project.put("name", Fixtures.unique("文明实践"));
		project.put("category", "HEALTH_SPORTS");
		this.projectId = api.as(this.admin).documentName("createProject").variable("input", project).execute()
			.path("createProject.id").entity(String.class).get();
	}

	/** A draft {@code northMeters} north of the spot, starting at {@code startsAt}, sign-up until {@code deadline}. */
	String draft(String title, Instant startsAt, Instant deadline, double northMeters) {
		Map<String, Object> input = new HashMap<>();
		input.put("projectId", this.projectId);
		input.put("title", title);
		input.put("startsAt", startsAt.truncatedTo(ChronoUnit.MILLIS).toString());
		input.put("endsAt", startsAt.plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS).toString());
		if (deadline != null) {
			input.put("signUpDeadline", deadline.truncatedTo(ChronoUnit.MILLIS).toString());
		}
		input.put("address", "文明实践站活动室");
		input.put("latitude", this.latitude + northMeters / 111_320.0);
		input.put("longitude", this.longitude);
		input.put("capacity", 20);
		return this.api.as(this.admin).documentName("createActivity").variable("input", input).execute()
			.path("createActivity.id").entity(String.class).get();
	}

	/** A published activity near the spot. */
	String published(String title, Instant startsAt, double northMeters) {
		String id = draft(title, startsAt, null, northMeters);
		move("publishActivity", id);
		return id;
	}

	GraphQlTester.Response move(String mutation, String id) {
		return this.api.as(this.admin).documentName(mutation).variable("id", id).execute();
	}

}
