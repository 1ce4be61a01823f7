package cn.wenming.practice.team;

import java.util.List;

import javax.sql.DataSource;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.HeldRow;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A team is disbanded while its leadership is handed over: TEAM_LEADER is held while someone leads an
 * ACTIVE team, so the role disbanding takes back is the one of whoever leads the team when it is
 * disbanded — not of the leader read before the hand-over committed, which left the new leader with
 * the role of a team that no longer exists.
 */
@IntegrationTest
class TeamDisbandRaceTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	@Scenario
	Api api;

	@Scenario
	Fixtures fixtures;

	@Test
	void disbandingDuringAHandOverTakesTheRoleOfTheNewLeader() throws Exception {
		TeamScenario s = new TeamScenario(this.api, this.fixtures);
		long teamId = Long.parseLong(s.teamId);
		long oldLeader = s.leader.userId();
		Session newLeader = s.volunteer("new-leader");

		HeldRow.commitWhileWaiting(this.dataSource, "team", teamId, List.of("UPDATE team FORCE INDEX (PRIMARY)%SET status = 'DISBANDED'%"),
				() -> {
					this.api.as(s.admin).documentName("disbandTeam").variable("teamId", s.teamId).execute()
						.path("disbandTeam.status").entity(String.class).isEqualTo("DISBANDED");
					return null;
				}, connection -> {
					// what changeLeader commits: the team's new leader holds the role, the old one (leading
					// nothing else) no longer does
					connection.createStatement().executeUpdate("UPDATE team SET leader_user_id = " + newLeader.userId()
							+ " WHERE id = " + teamId);
					connection.createStatement().executeUpdate("INSERT INTO user_role (user_id, role, org_unit_id, scope_key, "
							+ "granted_by, created_at) VALUES (" + newLeader.userId() + ", 'TEAM_LEADER', NULL, 0, "
							+ s.admin.userId() + ", NOW(3))");
					connection.createStatement().executeUpdate("DELETE FROM user_role WHERE user_id = " + oldLeader
							+ " AND role = 'TEAM_LEADER'");
				});

		assertThat(this.jdbc.queryForObject("SELECT status FROM team WHERE id = ?", String.class, teamId))
			.isEqualTo("DISBANDED");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM user_role WHERE role = 'TEAM_LEADER' AND user_id IN (?, ?)",
				Integer.class, oldLeader, newLeader.userId()))
			.as("nobody keeps the role of the disbanded team")
			.isZero();
	}

}
