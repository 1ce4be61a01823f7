package cn.wenming.practice.team;

import javax.sql.DataSource;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.ClosingUnit;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Creating a team races closing its unit: create checks the unit is open, then waits seconds for
 * msgSecCheck, while a close may lock the unit, find no active team and commit. The insert then
 * share-locks the unit ({@code OrgDirectory.lockIfOpen}): it waits for the close and is refused,
 * never an ACTIVE team in a CLOSED unit.
 */
@IntegrationTest
class TeamUnitCloseTest {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcTemplate jdbc;

	@Scenario
	Api api;

	@Scenario
	Fixtures fixtures;

	@Test
	void aTeamCreatedWhileItsUnitClosesIsRefused() throws Exception {
		TeamScenario s = new TeamScenario(this.api, this.fixtures);
		long station = this.fixtures.unit(s.tree.institute(), "STATION", Fixtures.unique("站"), null, null);
		Api.Session admin = this.api.login(Fixtures.unique("institute-admin"));
		this.fixtures.grant(admin.userId(), "INSTITUTE_ADMIN", s.tree.institute());

		String code = ClosingUnit.closeDuring(this.dataSource, station, "INSERT INTO team",
				() -> ApiErrors.codeOf(s.createTeamResponse(admin, station, Fixtures.unique("应急救援队"), "SQUAD",
						s.leader.userId())));

		assertThat(code).isEqualTo("ORG_UNIT_CLOSED");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM team WHERE org_unit_id = ?", Integer.class, station))
			.isZero();
	}

}
