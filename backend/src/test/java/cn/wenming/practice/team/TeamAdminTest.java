package cn.wenming.practice.team;

import java.util.List;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.org.OrgDirectory;
import cn.wenming.practice.org.OrgUnitCloseGuard;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Creating, handing over and disbanding teams; the TEAM_LEADER role follows; the org close guard. */
@IntegrationTest
class TeamAdminTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	List<OrgUnitCloseGuard> closeGuards;

	@Autowired
	OrgDirectory orgs;

	@Scenario
	TeamScenario s;

	private List<String> roles(Session session) {
		return this.s.api.as(session).documentName("me").execute().path("me.roles").entityList(String.class).get();
	}

	@Test
	void createTeamChecksScopeLeaderAndName() {
		this.s.team(this.s.leader, this.s.teamId)
			.path("team.kind").entity(String.class).isEqualTo("SPECIALTY")
			.path("team.status").entity(String.class).isEqualTo("ACTIVE")
			.path("team.skills").entityList(String.class).contains("水上救援", "急救")
			.path("team.categories").entityList(String.class).containsExactly("HEALTH_SPORTS")
			.path("team.orgUnitName").entity(String.class).satisfies(name -> assertThat(name).startsWith("站"));
		assertThat(roles(this.s.leader)).contains("TEAM_LEADER", "VOLUNTEER");

		Session candidate = this.s.volunteer("cand");
		// Not an admin, or an admin of another subtree.
		ApiErrors.expectCode(this.s.createTeamResponse(this.s.leader, this.s.tree.station(), Fixtures.unique("队"),
				"SQUAD", candidate.userId()), "FORBIDDEN");
		Session otherAdmin = this.s.api.login(Fixtures.unique("other-admin"));
		this.s.fixtures.grant(otherAdmin.userId(), "CENTER_ADMIN", this.s.fixtures.tree().center());
		ApiErrors.expectCode(this.s.createTeamResponse(otherAdmin, this.s.tree.station(), Fixtures.unique("队"),
				"SQUAD", candidate.userId()), "FORBIDDEN");
		// The station admin cannot create a team higher up.
		ApiErrors.expectCode(this.s.createTeamResponse(this.s.admin, this.s.tree.institute(), Fixtures.unique("队"),
				"BRANCH", candidate.userId()), "FORBIDDEN");
		// The leader must be a registered volunteer.
		Session resident = this.s.api.login(Fixtures.unique("resident"));
		ApiErrors.expectCode(this.s.createTeamResponse(this.s.admin, this.s.tree.station(), Fixtures.unique("队"),
				"SQUAD", resident.userId()), "VOLUNTEER_REQUIRED");
		// 总队 only at the center.
		ApiErrors.expectCode(this.s.createTeamResponse(this.s.admin, this.s.tree.station(), Fixtures.unique("队"),
				"GENERAL", candidate.userId()), "BAD_REQUEST");
		// Live names are unique within a unit.
		String name = this.jdbc.queryForObject("SELECT name FROM team WHERE id = ?", String.class,
				Long.parseLong(this.s.teamId));
		ApiErrors.expectCode(this.s.createTeamResponse(this.s.admin, this.s.tree.station(), name, "SQUAD",
				candidate.userId()), "TEAM_NAME_TAKEN");
		ApiErrors.expectBadField(this.s.createTeamResponse(this.s.admin, this.s.tree.station(), "", "SQUAD",
				candidate.userId()), "input.name");
		assertThat(roles(candidate)).doesNotContain("TEAM_LEADER");

		// An institute admin may create a 支队 at the institute; a center admin a 总队 at the center.
		Session instituteAdmin = this.s.api.login(Fixtures.unique("inst-admin"));
		this.s.fixtures.grant(instituteAdmin.userId(), "INSTITUTE_ADMIN", this.s.tree.institute());
		this.s.createTeamResponse(instituteAdmin, this.s.tree.institute(), Fixtures.unique("支队"), "BRANCH",
				candidate.userId()).path("createTeam.memberCount").entity(Integer.class).isEqualTo(1);
		Session centerAdmin = this.s.api.login(Fixtures.unique("center-admin"));
		this.s.fixtures.grant(centerAdmin.userId(), "CENTER_ADMIN", this.s.tree.center());
		this.s.createTeamResponse(centerAdmin, this.s.tree.center(), Fixtures.unique("总队"), "GENERAL",
				candidate.userId()).path("createTeam.kind").entity(String.class).isEqualTo("GENERAL");
		assertThat(roles(candidate)).contains("TEAM_LEADER");
	}

	@Test
	void changeLeaderMovesTheRole() {
		Session member = this.s.volunteer("next");
		this.s.approve(this.s.leader, this.s.requestId(member, this.s.teamId)).path("approveJoinRequest.id").hasValue();

		ApiErrors.expectCode(this.s.api.as(this.s.leader).documentName("changeTeamLeader")
			.variable("teamId", this.s.teamId).variable("userId", Long.toString(member.userId())).execute(), "FORBIDDEN");
		var changed = this.s.api.as(this.s.admin).documentName("changeTeamLeader")
			.variable("teamId", this.s.teamId)
			.variable("userId", Long.toString(member.userId()))
			.execute();
		changed.path("changeTeamLeader.leader.userId").entity(String.class).isEqualTo(Long.toString(member.userId()));
		changed.path("changeTeamLeader.members[*].role").entityList(String.class).containsExactly("LEADER", "MEMBER");
		assertThat(roles(member)).contains("TEAM_LEADER");
		assertThat(roles(this.s.leader)).doesNotContain("TEAM_LEADER");
		// The hand-over is one line for each leader in the station's history, the admin's.
		assertThat(this.jdbc.queryForList("""
				SELECT CONCAT(user_id, ' ', kind, ' ', cause, ' ', actor_user_id) FROM user_role_event
				WHERE org_unit_id = ? AND role = 'TEAM_LEADER' AND cause = 'TEAM_LEADER_CHANGED' ORDER BY id""",
				String.class, this.s.tree.station()))
			.containsExactly(member.userId() + " GRANTED TEAM_LEADER_CHANGED " + this.s.admin.userId(),
					this.s.leader.userId() + " REVOKED TEAM_LEADER_CHANGED " + this.s.admin.userId());
		// The former leader is now a plain member and may leave.
		this.s.api.as(this.s.leader).documentName("leaveTeam").variable("teamId", this.s.teamId).execute()
			.path("leaveTeam.memberCount").entity(Integer.class).isEqualTo(1);

		// A newcomer who was not a member becomes leader and member at once.
		Session outsider = this.s.volunteer("outsider");
		this.s.api.as(this.s.admin).documentName("changeTeamLeader")
			.variable("teamId", this.s.teamId).variable("userId", Long.toString(outsider.userId())).execute()
			.path("changeTeamLeader.members[*].userId").entityList(String.class)
			.containsExactly(Long.toString(outsider.userId()), Long.toString(member.userId()));
		ApiErrors.expectCode(this.s.api.as(this.s.admin).documentName("changeTeamLeader")
			.variable("teamId", this.s.teamId)
			.variable("userId", Long.toString(this.s.api.login(Fixtures.unique("res")).userId()))
			.execute(), "VOLUNTEER_REQUIRED");
	}

	@Test
	void leaderRoleStaysWhileLeadingAnotherTeam() {
		String second = this.s.createTeam(this.s.admin, this.s.tree.station(), Fixtures.unique("文艺轻骑兵"), "SPECIALTY",
				this.s.leader.userId());
		this.s.api.as(this.s.admin).documentName("disbandTeam").variable("teamId", second).execute()
			.path("disbandTeam.status").entity(String.class).isEqualTo("DISBANDED");
		assertThat(roles(this.s.leader)).contains("TEAM_LEADER");
		this.s.api.as(this.s.admin).documentName("disbandTeam").variable("teamId", this.s.teamId).execute()
			.path("disbandTeam.status").entity(String.class).isEqualTo("DISBANDED");
		assertThat(roles(this.s.leader)).doesNotContain("TEAM_LEADER");
	}

	/**
	 * TEAM_LEADER has no unit of its own; its grant and revocation are filed under the team's unit,
	 * so the station's 角色变更记录 shows who made the leader and whose disband took the role away.
	 */
	@Test
	void disbandingRevokesTheLeaderRoleWithAnEventInTheUnitsHistory() {
		this.s.api.as(this.s.admin).documentName("disbandTeam").variable("teamId", this.s.teamId).execute()
			.path("disbandTeam.status").entity(String.class).isEqualTo("DISBANDED");
		String admin = String.valueOf(this.s.admin.userId());
		var history = this.s.api.as(this.s.admin).documentName("roleHistory")
			.variable("orgUnitId", this.s.tree.station()).execute();
		history.path("roleHistory.edges[*].node.role").entityList(String.class)
			.containsExactly("TEAM_LEADER", "TEAM_LEADER");
		history.path("roleHistory.edges[*].node.kind").entityList(String.class).containsExactly("REVOKED", "GRANTED");
		history.path("roleHistory.edges[*].node.cause").entityList(String.class)
			.containsExactly("TEAM_DISBANDED", "TEAM_CREATED");
		history.path("roleHistory.edges[*].node.actorUserId").entityList(String.class).containsExactly(admin, admin);
		history.path("roleHistory.edges[*].node.userId").entityList(String.class)
			.containsExactly(String.valueOf(this.s.leader.userId()), String.valueOf(this.s.leader.userId()));
		// The role itself stays without a unit.
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM user_role WHERE user_id = ? AND role = 'TEAM_LEADER'",
				Integer.class, this.s.leader.userId())).isZero();
		// The leader is a volunteer: named to the station's admin by their real name.
		history.path("roleHistory.edges[0].node.userName").entity(String.class)
			.satisfies(name -> assertThat(name).doesNotStartWith("用户 "));
	}

	@Test
	void leaderRoleSurvivesDisbandRacingANewTeam() throws Exception {
		for (int round = 0; round < 5; round++) {
			String old = this.s.createTeam(this.s.admin, this.s.tree.station(), Fixtures.unique("旧队"), "SQUAD",
					this.s.leader.userId());
			this.s.api.as(this.s.admin).documentName("disbandTeam").variable("teamId", this.s.teamId).execute()
				.path("disbandTeam.id").hasValue();
			String name = Fixtures.unique("新队");
			var outcomes = TeamMembershipTest.race(List.of(() -> {
				this.s.api.as(this.s.admin).documentName("disbandTeam").variable("teamId", old).execute()
					.path("disbandTeam.status").entity(String.class).isEqualTo("DISBANDED");
				return "disbanded";
			}, () -> {
				this.s.createTeam(this.s.admin, this.s.tree.station(), name, "SQUAD", this.s.leader.userId());
				return "created";
			}));
			assertThat(outcomes).containsExactlyInAnyOrder("disbanded", "created");
			// The new team is ACTIVE, so its leader must still hold the role whichever transaction ran first.
			assertThat(roles(this.s.leader)).as("round " + round).contains("TEAM_LEADER");
			this.s = new TeamScenario(this.s.api, this.s.fixtures);
		}
	}

	@Test
	void disbandCancelsRequestsBlocksJoinsAndReleasesTheUnit() {
		var unit = this.orgs.require(this.s.tree.station());
		assertThat(this.closeGuards).anySatisfy(guard -> assertThat(guard.openWork(unit)).contains("1 个队伍仍在运行"));

		Session applicant = this.s.volunteer("pending");
		String requestId = this.s.requestId(applicant, this.s.teamId);
		ApiErrors.expectCode(this.s.api.as(this.s.leader).documentName("disbandTeam").variable("teamId", this.s.teamId)
			.execute(), "FORBIDDEN");
		this.s.api.as(this.s.admin).documentName("disbandTeam").variable("teamId", this.s.teamId).execute()
			.path("disbandTeam.status").entity(String.class).isEqualTo("DISBANDED");

		assertThat(this.jdbc.queryForObject("SELECT status FROM team_join_request WHERE id = ?", String.class,
				Long.parseLong(requestId))).isEqualTo("CANCELLED");
		ApiErrors.expectCode(this.s.approve(this.s.admin, requestId), "TEAM_DISBANDED");
		ApiErrors.expectCode(this.s.requestToJoin(this.s.volunteer("late"), this.s.teamId), "TEAM_DISBANDED");
		ApiErrors.expectCode(this.s.api.as(this.s.admin).documentName("disbandTeam").variable("teamId", this.s.teamId)
			.execute(), "TEAM_DISBANDED");
		this.s.api.as(this.s.leader).documentName("myTeams").execute()
			.path("myTeams[*].id").entityList(String.class).doesNotContain(this.s.teamId);
		assertThat(this.closeGuards).allSatisfy(guard -> assertThat(guard.openWork(unit)).isEmpty());
		// The name is free again.
		String name = this.jdbc.queryForObject("SELECT name FROM team WHERE id = ?", String.class,
				Long.parseLong(this.s.teamId));
		this.s.createTeam(this.s.admin, this.s.tree.station(), name, "SQUAD", this.s.leader.userId());
	}

}
