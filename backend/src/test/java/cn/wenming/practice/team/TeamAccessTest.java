package cn.wenming.practice.team;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may decide join requests and see them: the IDOR matrix. */
@IntegrationTest
class TeamAccessTest {

	@Autowired
	JdbcTemplate jdbc;

	@Scenario
	TeamScenario s;

	@Test
	void onlyTheLeaderOrCoveringAdminsDecide() {
		Session applicant = this.s.volunteer("app");
		String requestId = this.s.requestId(applicant, this.s.teamId);

		// The applicant, another volunteer, the leader of another team, an admin of another subtree.
		Session stranger = this.s.volunteer("stranger");
		Session otherLeader = this.s.volunteer("other-leader");
		String otherTeam = this.s.createTeam(this.s.admin, this.s.tree.station(), Fixtures.unique("百姓名嘴"),
				"SPECIALTY", otherLeader.userId());
		Session otherAdmin = this.s.api.login(Fixtures.unique("far-admin"));
		this.s.fixtures.grant(otherAdmin.userId(), "CENTER_ADMIN", this.s.fixtures.tree().center());
		long sibling = this.s.fixtures.unit(this.s.tree.institute(), "STATION", Fixtures.unique("站"), null, null);
		Session siblingAdmin = this.s.api.login(Fixtures.unique("sibling-admin"));
		this.s.fixtures.grant(siblingAdmin.userId(), "STATION_ADMIN", sibling);
		for (Session outsider : new Session[] { applicant, stranger, otherLeader, otherAdmin, siblingAdmin }) {
			ApiErrors.expectCode(this.s.approve(outsider, requestId), "FORBIDDEN");
			ApiErrors.expectCode(this.s.decline(outsider, requestId, "no"), "FORBIDDEN");
			ApiErrors.expectCode(this.s.api.as(outsider).documentName("teamJoinRequests").variable("teamId", this.s.teamId)
				.execute(), "FORBIDDEN");
		}
		// The leader of team A cannot decide for team B either.
		String otherRequest = this.s.requestId(stranger, otherTeam);
		ApiErrors.expectCode(this.s.approve(this.s.leader, otherRequest), "FORBIDDEN");
		assertThat(this.jdbc.queryForObject("SELECT status FROM team_join_request WHERE id IN (?, ?) GROUP BY status",
				String.class, Long.parseLong(requestId), Long.parseLong(otherRequest))).isEqualTo("PENDING");

		// Anonymous callers are told to log in.
		Api api = this.s.api;
		ApiErrors.expectCode(api.anonymous().documentName("approveJoinRequest").variable("requestId", requestId).execute(),
				"UNAUTHENTICATED");
		ApiErrors.expectCode(api.anonymous().documentName("requestToJoinTeam").variable("teamId", this.s.teamId).execute(),
				"UNAUTHENTICATED");
		ApiErrors.expectCode(api.anonymous().documentName("team").variable("id", this.s.teamId).execute(),
				"UNAUTHENTICATED");
		ApiErrors.expectCode(api.anonymous().documentName("teams").variable("orgUnitId", this.s.tree.station()).execute(),
				"UNAUTHENTICATED");
		ApiErrors.expectCode(api.anonymous().documentName("removeTeamMember").variable("teamId", this.s.teamId)
			.variable("userId", Long.toString(this.s.leader.userId())).execute(), "UNAUTHENTICATED");

		// Admins covering the unit (from above) may decide.
		Session instituteAdmin = this.s.api.login(Fixtures.unique("inst"));
		this.s.fixtures.grant(instituteAdmin.userId(), "INSTITUTE_ADMIN", this.s.tree.institute());
		this.s.api.as(instituteAdmin).documentName("teamJoinRequests").variable("teamId", this.s.teamId).execute()
			.path("teamJoinRequests.edges").entityList(Object.class).hasSize(1);
		this.s.approve(instituteAdmin, requestId).path("approveJoinRequest.status").entity(String.class).isEqualTo("APPROVED");
		this.s.approve(otherLeader, otherRequest).path("approveJoinRequest.status").entity(String.class).isEqualTo("APPROVED");
	}

	@Test
	void teamsArePublicToLoggedInUsersWithoutPrivateData() {
		Session resident = this.s.api.login(Fixtures.unique("res"));
		var response = this.s.api.as(resident).documentName("teams").variable("orgUnitId", this.s.tree.institute()).execute();
		response.path("teams.edges[*].node.id").entityList(String.class).containsExactly(this.s.teamId);
		response.path("teams.edges[0].node.leader.volunteer.maskedName").entity(String.class).isEqualTo("张*");
		String body = response.returnResponse().toString();
		assertThat(body).doesNotContain("张三").doesNotContain("idNumber");
		ApiErrors.expectBadField(this.s.api.as(resident).documentName("teams").variable("orgUnitId", this.s.tree.station())
			.variable("first", 100_000).execute(), "first");
		ApiErrors.expectBadField(this.s.api.as(this.s.leader).documentName("teamJoinRequests")
			.variable("teamId", this.s.teamId).variable("first", 101).execute(), "first");
	}

	/** The console's 队伍 screen searches by name; LIKE wildcards typed in are taken literally. */
	@Test
	void teamsAreSearchedByName() {
		String other = this.s.createTeam(this.s.admin, this.s.tree.station(), Fixtures.unique("助老_服务队"), "SQUAD",
				this.s.volunteer("l2").userId());
		Session resident = this.s.api.login(Fixtures.unique("res"));
		this.s.api.as(resident).documentName("teamsByName").variable("orgUnitId", this.s.tree.institute())
			.variable("search", "应急救援").execute()
			.path("teams.edges[*].node.id").entityList(String.class).containsExactly(this.s.teamId);
		this.s.api.as(resident).documentName("teamsByName").variable("orgUnitId", this.s.tree.institute())
			.variable("search", "老_服").execute()
			.path("teams.edges[*].node.id").entityList(String.class).containsExactly(other);
		this.s.api.as(resident).documentName("teamsByName").variable("orgUnitId", this.s.tree.institute())
			.variable("search", "老%服").execute()
			.path("teams.edges").entityList(Object.class).hasSize(0);
		this.s.api.as(resident).documentName("teamsByName").variable("orgUnitId", this.s.tree.institute()).execute()
			.path("teams.edges[*].node.id").entityList(String.class).containsExactly(this.s.teamId, other);
	}

}
