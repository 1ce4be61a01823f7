package cn.wenming.practice.project;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Scenario;
import cn.wenming.practice.testinfra.SqlCounter;
import cn.wenming.practice.testinfra.Volunteers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A project's 承办队伍 is a team of the project's unit, of a unit below it or of a unit above it (a
 * township's 支队, the center's 总队), on create and on update, as for a need's dispatch: a team of a
 * sibling station or of another county would be credited with the project's hours on boards whose
 * admins never agreed to the project.
 */
@IntegrationTest
class ProjectTeamScopeTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SqlCounter sql;

	@Scenario
	Api api;

	@Scenario
	Fixtures fixtures;

	Fixtures.Tree tree;

	Session admin;

	long sibling;

	String ownTeam;

	String siblingTeam;

	String centerTeam;

	String foreignTeam;

	@BeforeEach
	void setUp() {
		this.tree = this.fixtures.tree();
		this.sibling = this.fixtures.unit(this.tree.institute(), "STATION", Fixtures.unique("站"), null, null);
		Fixtures.Tree other = this.fixtures.tree();
		// A city admin covers both counties: being admin over a team's unit does not make it eligible.
		this.admin = this.api.login(Fixtures.unique("scope-admin"));
		this.fixtures.grant(this.admin.userId(), "CENTER_ADMIN", this.tree.center());
		this.fixtures.grant(this.admin.userId(), "CENTER_ADMIN", other.center());
		this.ownTeam = team(this.tree.station(), this.tree.station());
		this.siblingTeam = team(this.sibling, this.sibling);
		this.centerTeam = team(this.tree.center(), this.tree.station());
		this.foreignTeam = team(other.station(), other.station());
	}

	@Test
	void aProjectIsRunOnlyByATeamOfItsUnitOrBelow() {
		for (String outside : List.of(this.siblingTeam, this.foreignTeam)) {
			ApiErrors.expectCode(create(this.tree.station(), outside), "PROJECT_TASK_OWNER_NOT_IN_UNIT");
		}
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM project WHERE org_unit_id = ?", Integer.class,
				this.tree.station())).isZero();

		create(this.tree.station(), this.ownTeam).path("createProject.teamId").entity(String.class)
			.isEqualTo(this.ownTeam);
		// The center's 总队 may run a station's project.
		create(this.tree.station(), this.centerTeam).path("createProject.teamId").entity(String.class)
			.isEqualTo(this.centerTeam);
		// The institute's project may be run by a team of a station below it.
		String project = create(this.tree.institute(), this.siblingTeam).path("createProject.id").entity(String.class)
			.get();

		ApiErrors.expectCode(update(project, this.foreignTeam), "PROJECT_TASK_OWNER_NOT_IN_UNIT");
		assertThat(this.jdbc.queryForObject("SELECT team_id FROM project WHERE id = ?", Long.class,
				Long.parseLong(project))).isEqualTo(Long.parseLong(this.siblingTeam));
		update(project, this.ownTeam).path("updateProject.teamId").entity(String.class).isEqualTo(this.ownTeam);
		update(project, null).path("updateProject.teamId").valueIsNull();
	}

	/**
	 * The console's project list names each project's 承办队伍 from the listing itself: it no longer
	 * loads the unit's teams (4,190 in a county) to look names up. One batch for a page's teams.
	 */
	@Test
	void theListNamesEachProjectsTeamInOneBatch() {
		String own = create(this.tree.station(), this.ownTeam).path("createProject.id").entity(String.class).get();
		String none = create(this.tree.station(), null).path("createProject.id").entity(String.class).get();
		var listed = list();
		listed.result().path("projects.edges[*].node.id").entityList(String.class).containsExactly(own, none)
			.path("projects.edges[0].node.teamName").entity(String.class).isEqualTo(teamName(this.ownTeam))
			.path("projects.edges[1].node.teamName").valueIsNull();

		String center = create(this.tree.station(), this.centerTeam).path("createProject.id").entity(String.class).get();
		String sibling = create(this.tree.institute(), this.siblingTeam).path("createProject.id").entity(String.class).get();
		var more = list();
		more.result().path("projects.edges[*].node.id").entityList(String.class).containsExactly(own, none, center, sibling)
			.path("projects.edges[2].node.teamName").entity(String.class).isEqualTo(teamName(this.centerTeam))
			.path("projects.edges[3].node.teamName").entity(String.class).isEqualTo(teamName(this.siblingTeam));
		assertThat(more.count()).as("statements for three teams vs one").isEqualTo(listed.count());
	}

	private SqlCounter.Measured<GraphQlTester.Response> list() {
		var center = Long.toString(this.tree.center());
		this.api.as(this.admin).documentName("projectTeams").variable("orgUnitId", center).execute();
		return this.sql.measure(() -> this.api.as(this.admin).documentName("projectTeams").variable("orgUnitId", center)
			.variable("first", 20).execute());
	}

	private String teamName(String teamId) {
		return this.jdbc.queryForObject("SELECT name FROM team WHERE id = ?", String.class, Long.parseLong(teamId));
	}

	private String team(long unitId, long leaderStation) {
		Session leader = this.api.login(Fixtures.unique("scope-leader"));
		Volunteers.register(this.api.as(leader), leaderStation);
		Map<String, Object> input = new HashMap<>();
		input.put("orgUnitId", Long.toString(unitId));
		input.put("name", Fixtures.unique("服务队"));
		input.put("kind", "SQUAD");
		input.put("leaderUserId", Long.toString(leader.userId()));
		return this.api.as(this.admin).documentName("createTeam").variable("input", input).execute()
			.path("createTeam.id").entity(String.class).get();
	}

	private GraphQlTester.Response create(long unitId, String teamId) {
		Map<String, Object> input = new HashMap<>();
		input.put("orgUnitId", Long.toString(unitId));
		input.put("teamId", teamId);
		input.put("name", Fixtures.unique("邻里守望"));
		input.put("category", "HEALTH_SPORTS");
		return this.api.as(this.admin).documentName("createProject").variable("input", input).execute();
	}

	private GraphQlTester.Response update(String projectId, String teamId) {
		Map<String, Object> input = new HashMap<>();
		input.put("name", Fixtures.unique("邻里守望"));
		input.put("category", "HEALTH_SPORTS");
		input.put("teamId", teamId);
		return this.api.as(this.admin).documentName("updateProject").variable("id", projectId).variable("input", input)
			.execute();
	}

}
