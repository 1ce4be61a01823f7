package cn.wenming.practice.team;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Volunteers;

import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * A fresh org tree with a station admin and a team led by a registered volunteer, arranged
 * through the API (except the admin grant). Shared by the team tests.
 */
final class TeamScenario {

	final Api api;

	final Fixtures fixtures;

	final Fixtures.Tree tree;

	final Session admin;

	final Session leader;

	final String teamId;

	TeamScenario(Api api, Fixtures fixtures) {
		this.api = api;
		this.fixtures = fixtures;
		this.tree = fixtures.tree();
		this.admin = api.login(Fixtures.unique("station-admin"));
		fixtures.grant(this.admin.userId(), "STATION_ADMIN", this.tree.station());
		this.leader = volunteer("leader");
		this.teamId = createTeam(this.admin, this.tree.station(), Fixtures.unique("应急救援队"), "SPECIALTY",
				this.leader.userId());
	}

	/** A new user registered as a volunteer at the scenario's station. */
	Session volunteer(String prefix) {
		Session session = this.api.login(Fixtures.unique(prefix));
		Volunteers.register(this.api.as(session), this.tree.station());
		return session;
	}

	String createTeam(Session as, long unitId, String name, String kind, long leaderUserId) {
		return createTeamResponse(as, unitId, name, kind, leaderUserId).path("createTeam.id").entity(String.class).get();
	}

	GraphQlTester.Response createTeamResponse(Session as, long unitId, String name, String kind, long leaderUserId) {
		Map<String, Object> input = new HashMap<>();
		input.put("orgUnitId", Long.toString(unitId));
		input.put("name", name);
		input.put("kind", kind);
		input.put("description", "抢险救灾、防汛");
		input.put("leaderUserId", Long.toString(leaderUserId));
		input.put("skills", List.of("水上救援", "急救"));
		input.put("categories", List.of("HEALTH_SPORTS"));
		return this.api.as(as).documentName("createTeam").variable("input", input).execute();
	}

	GraphQlTester.Response requestToJoin(Session as, String teamId) {
		return this.api.as(as).documentName("requestToJoinTeam").variable("teamId", teamId)
			.variable("message", "我会游泳，想加入").execute();
	}

	String requestId(Session as, String teamId) {
		return requestToJoin(as, teamId).path("requestToJoinTeam.id").entity(String.class).get();
	}

	GraphQlTester.Response approve(Session as, String requestId) {
		return this.api.as(as).documentName("approveJoinRequest").variable("requestId", requestId).execute();
	}

	GraphQlTester.Response decline(Session as, String requestId, String reason) {
		return this.api.as(as).documentName("declineJoinRequest").variable("requestId", requestId)
			.variable("reason", reason).execute();
	}

	GraphQlTester.Response team(Session as, String teamId) {
		return this.api.as(as).documentName("team").variable("id", teamId).execute();
	}

}
