package cn.wenming.practice.team;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.DeleteMarkedKey;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several admins create a team under the name of one just disbanded: the disbanded row's
 * uk_team_active_name entry is delete-marked until purge, every insert share-locks it and they
 * deadlock (DeleteMarkedKey makes it certain). One team is created, the others are told the name is
 * taken — the victims used to answer with the lock failure instead.
 */
@IntegrationTest
class TeamNameRaceTest {

	@Autowired
	JdbcTemplate jdbc;

	@Scenario
	Api api;

	@Scenario
	Fixtures fixtures;

	@Test
	void creatingUnderADisbandedTeamsNameAtOnceMakesOneTeam() throws Exception {
		TeamScenario s = new TeamScenario(this.api, this.fixtures);
		String name = Fixtures.unique("护河队");
		String first = s.createTeam(s.admin, s.tree.station(), name, "SQUAD", s.leader.userId());
		List<Callable<String>> calls = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			// different leaders: one leader's role lock would queue the inserts one after another
			Session leader = s.volunteer("race-leader");
			calls.add(() -> {
				String code = ApiErrors.codeOf(s.createTeamResponse(s.admin, s.tree.station(), name, "SQUAD",
						leader.userId()));
				return (code != null) ? code : "OK";
			});
		}
		List<String> outcomes;
		try (DeleteMarkedKey held = DeleteMarkedKey.hold(this.jdbc.getDataSource())) {
			this.api.as(s.admin).documentName("disbandTeam").variable("teamId", first).execute()
				.path("disbandTeam.status").entity(String.class).isEqualTo("DISBANDED");
			outcomes = held.race("""
					SELECT id FROM team FORCE INDEX (uk_team_active_name)
					WHERE org_unit_id = ? AND name = ? LOCK IN SHARE MODE""",
					List.of(s.tree.station(), name), calls);
		}
		assertThat(outcomes).filteredOn("OK"::equals).hasSize(1);
		assertThat(outcomes).filteredOn(o -> !o.equals("OK")).containsOnly("TEAM_NAME_TAKEN");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM team WHERE org_unit_id = ? AND name = ? AND status = 'ACTIVE'",
				Integer.class, s.tree.station(), name)).isEqualTo(1);
	}

}
