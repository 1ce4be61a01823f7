package cn.wenming.practice.team;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Scenario;
import cn.wenming.practice.testinfra.SqlCounter;
import cn.wenming.practice.testinfra.Volunteers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No N+1: listing 50 volunteers (with skills, categories, station name, trainings) or 50 teams
 * (with leader and the leader's profile, member count, members, tags) costs exactly as many SQL
 * statements as listing 5.
 */
@IntegrationTest
class TeamStatementCountTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SqlCounter sql;

	@Test
	void listsCostTheSameNumberOfStatementsFor5And50(@Scenario Api api, @Scenario Fixtures fixtures) {
		Fixtures.Tree tree = fixtures.tree();
		// Two stations, so home-station names and unit names really are several units.
		long secondStation = fixtures.unit(tree.institute(), "STATION", Fixtures.unique("站"), null, null);
		Session admin = api.login(Fixtures.unique("count-admin"));
		fixtures.grant(admin.userId(), "INSTITUTE_ADMIN", tree.institute());

		List<Session> volunteers = new ArrayList<>();
		growVolunteers(api, volunteers, 5, tree.station(), secondStation);
		List<String> teams = new ArrayList<>();
		growTeams(api, admin, volunteers, teams, 5, tree.station(), secondStation);

		long volunteersOf5 = count(api, admin, "volunteersStatementCount", tree.institute(), "volunteers.edges", 5);
		long teamsOf5 = count(api, admin, "teamsStatementCount", tree.institute(), "teams.edges", 5);

		growVolunteers(api, volunteers, 50, tree.station(), secondStation);
		growTeams(api, admin, volunteers, teams, 50, tree.station(), secondStation);

		long volunteersOf50 = count(api, admin, "volunteersStatementCount", tree.institute(), "volunteers.edges", 50);
		long teamsOf50 = count(api, admin, "teamsStatementCount", tree.institute(), "teams.edges", 50);

		org.slf4j.LoggerFactory.getLogger(getClass()).info("SQL statements: volunteers 5 -> {}, 50 -> {}; teams 5 -> {}, 50 -> {}",
				volunteersOf5, volunteersOf50, teamsOf5, teamsOf50);
		// The counter really counts: a page plus its batched fields is several statements.
		assertThat(volunteersOf5).isGreaterThanOrEqualTo(4);
		assertThat(teamsOf5).isGreaterThanOrEqualTo(6);
		assertThat(volunteersOf50).as("statements for 50 volunteers vs 5").isEqualTo(volunteersOf5);
		assertThat(teamsOf50).as("statements for 50 teams vs 5").isEqualTo(teamsOf5);
	}

	private long count(Api api, Session as, String document, long unitId, String edges, int expected) {
		// Warm up once so that nothing first-time (schema, plugins) is counted.
		api.as(as).documentName(document).variable("orgUnitId", unitId).execute();
		var measured = this.sql.measure(() -> api.as(as).documentName(document).variable("orgUnitId", unitId).execute());
		measured.result().path(edges).entityList(Object.class).hasSize(expected);
		return measured.count();
	}

	private void growVolunteers(Api api, List<Session> volunteers, int size, long... stations) {
		while (volunteers.size() < size) {
			Session session = api.login(Fixtures.unique("count-v"));
			long station = stations[volunteers.size() % stations.length];
			Volunteers.register(api.as(session), station, "志愿者" + volunteers.size(),
					List.of("技能" + volunteers.size(), "摄影"), List.of("CULTURE"));
			volunteers.add(session);
		}
	}

	/** Teams led by the volunteers in turn, each with one more member added straight to the table. */
	private void growTeams(Api api, Session admin, List<Session> volunteers, List<String> teams, int size,
			long... stations) {
		while (teams.size() < size) {
			int i = teams.size();
			Session leader = volunteers.get(i % volunteers.size());
			Session member = volunteers.get((i + 1) % volunteers.size());
			String teamId = new TeamScenarioTeams(api).create(admin, stations[i % stations.length],
					Fixtures.unique("队" + i), leader.userId());
			long memberVolunteer = this.jdbc.queryForObject("SELECT id FROM volunteer WHERE user_id = ?", Long.class,
					member.userId());
			this.jdbc.update("INSERT INTO team_member (team_id, user_id, volunteer_id, role, joined_at) VALUES (?, ?, ?, 'MEMBER', ?)",
					Long.parseLong(teamId), member.userId(), memberVolunteer, Timestamp.from(Instant.now()));
			teams.add(teamId);
		}
	}

	/** Creates teams through the API. */
	private record TeamScenarioTeams(Api api) {

		String create(Session as, long unitId, String name, long leaderUserId) {
			return this.api.as(as)
				.documentName("createTeam")
				.variable("input", java.util.Map.of("orgUnitId", Long.toString(unitId), "name", name, "kind", "SQUAD",
						"leaderUserId", Long.toString(leaderUserId), "skills", List.of("巡河"), "categories",
						List.of("CULTURE")))
				.execute()
				.path("createTeam.id")
				.entity(String.class)
				.get();
		}

	}

}
