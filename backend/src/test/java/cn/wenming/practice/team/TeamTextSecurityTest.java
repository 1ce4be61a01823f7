package cn.wenming.practice.team;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Team names (with description and skill tags, shown in the 资源清单), join messages and decline
 * reasons are stored only after msgSecCheck passed them; a risky one changes nothing.
 */
@IntegrationTest
class TeamTextSecurityTest {

	@Autowired
	JdbcTemplate jdbc;

	@Scenario
	TeamScenario s;

	@Test
	void riskyTeamNamesAreRefusedAndNoTeamIsCreated() {
		String name = Fixtures.unique("救援队");
		Session leader = this.s.volunteer("new-leader");
		ApiErrors.expectCode(this.s.createTeamResponse(this.s.admin, this.s.tree.station(), name + "RISKY", "SPECIALTY",
				leader.userId()), "CONTENT_REJECTED");
		ApiErrors.expectCode(this.s.createTeamResponse(this.s.admin, this.s.tree.station(), name + "REVIEW", "SPECIALTY",
				leader.userId()), "CONTENT_NEEDS_REVIEW");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM team WHERE name LIKE ?", Integer.class, name + "%"))
			.isZero();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM user_role WHERE user_id = ? AND role = 'TEAM_LEADER'", Integer.class,
				leader.userId())).as("no leader role granted").isZero();

		this.s.createTeam(this.s.admin, this.s.tree.station(), name, "SPECIALTY", leader.userId());
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM team WHERE name = ?", Integer.class, name)).isOne();
	}

	@Test
	void riskyJoinMessagesAndDeclineReasonsAreRefused() {
		Session volunteer = this.s.volunteer("joiner");
		ApiErrors.expectCode(this.s.api.as(volunteer).documentName("requestToJoinTeam").variable("teamId", this.s.teamId)
			.variable("message", "RISKY 留言").execute(), "CONTENT_REJECTED");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM team_join_request WHERE user_id = ?", Integer.class,
				volunteer.userId())).isZero();

		String requestId = this.s.requestId(volunteer, this.s.teamId);
		ApiErrors.expectCode(this.s.decline(this.s.leader, requestId, "RISKY 理由"), "CONTENT_REJECTED");
		assertThat(this.jdbc.queryForObject("SELECT status FROM team_join_request WHERE id = ?", String.class,
				Long.valueOf(requestId))).isEqualTo("PENDING");
		this.s.decline(this.s.leader, requestId, "名额已满").path("declineJoinRequest.status").entity(String.class)
			.isEqualTo("DECLINED");
	}

}
