package cn.wenming.practice.team;

import java.util.List;
import java.util.Map;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Scenario;
import cn.wenming.practice.testinfra.Volunteers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** 资源清单: teams and skilled volunteers of a subtree by skill and category, public fields only. */
@IntegrationTest
class ResourceSearchTest {

	@Autowired
	JdbcTemplate jdbc;

	@Scenario
	TeamScenario s;

	String electrician;

	String plumberId;

	@BeforeEach
	void setUp() {
		this.electrician = Volunteers.register(this.s.api.as(this.s.api.login(Fixtures.unique("e"))),
				this.s.tree.station(), "欧阳电工", List.of("电路维修", "家电"), List.of("SCIENCE_TECH"));
		this.plumberId = Volunteers.register(this.s.api.as(this.s.api.login(Fixtures.unique("p"))),
				this.s.tree.station(), "李水工", List.of("下水疏通"), List.of("HEALTH_SPORTS"));
	}

	private GraphQlTester.Response search(Session as, long unitId, String skill, String category) {
		Map<String, Object> filter = new java.util.HashMap<>();
		filter.put("orgUnitId", Long.toString(unitId));
		filter.put("skill", skill);
		filter.put("category", category);
		return this.s.api.as(as).documentName("resources").variable("filter", filter).execute();
	}

	@Test
	void findsVolunteersAndTeamsBySkillAndCategory() {
		Session resident = this.s.api.login(Fixtures.unique("resident"));
		// Contains-match: "家" finds "家电" (the scenario's leader also repairs circuits, but not appliances).
		var bySkill = search(resident, this.s.tree.institute(), "家", null);
		bySkill.path("resources.volunteers[*].id").entityList(String.class).containsExactly(this.electrician);
		bySkill.path("resources.volunteers[0].maskedName").entity(String.class).isEqualTo("欧***");
		bySkill.path("resources.volunteers[0].skills").entityList(String.class).contains("电路维修", "家电");
		bySkill.path("resources.volunteers[0].categories").entityList(String.class).containsExactly("SCIENCE_TECH");
		bySkill.path("resources.teams").entityList(Object.class).hasSize(0);
		String body = bySkill.returnResponse().toString();
		assertThat(body).doesNotContain("欧阳电工").doesNotContain("partyMember").doesNotContain("idNumber");

		var teams = search(resident, this.s.tree.center(), "水上", null);
		teams.path("resources.teams[*].id").entityList(String.class).containsExactly(this.s.teamId);
		teams.path("resources.teams[0].memberCount").entity(Integer.class).isEqualTo(1);
		teams.path("resources.teams[0].skills").entityList(String.class).contains("水上救援");

		var byCategory = search(resident, this.s.tree.station(), null, "HEALTH_SPORTS");
		byCategory.path("resources.volunteers[*].id").entityList(String.class).containsExactly(this.plumberId);
		byCategory.path("resources.teams[*].id").entityList(String.class).containsExactly(this.s.teamId);

		search(resident, this.s.tree.station(), "电路", "HEALTH_SPORTS").path("resources.volunteers").entityList(Object.class)
			.hasSize(0);
		// LIKE wildcards are literal text, not patterns.
		search(resident, this.s.tree.station(), "%", null).path("resources.volunteers").entityList(Object.class).hasSize(0);
		// Without filters: everyone of the subtree; another subtree finds nothing of ours.
		search(resident, this.s.tree.station(), null, null).path("resources.volunteers").entityList(Object.class).hasSize(3);
		Fixtures.Tree other = this.s.fixtures.tree();
		var elsewhere = search(resident, other.center(), "家电", null);
		elsewhere.path("resources.volunteers").entityList(Object.class).hasSize(0);
		elsewhere.path("resources.teams").entityList(Object.class).hasSize(0);
	}

	@Test
	void requiresLoginAndBoundsTheInput() {
		ApiErrors.expectCode(this.s.api.anonymous().documentName("resources")
			.variable("filter", Map.of("orgUnitId", Long.toString(this.s.tree.station())))
			.execute(), "UNAUTHENTICATED");
		Session resident = this.s.api.login(Fixtures.unique("resident"));
		ApiErrors.expectBadField(this.s.api.as(resident).documentName("resources")
			.variable("filter", Map.of("orgUnitId", Long.toString(this.s.tree.station())))
			.variable("first", 100_000)
			.execute(), "first");
		ApiErrors.expectBadField(search(resident, this.s.tree.station(), "长".repeat(10_000), null), "filter.skill");
	}

}
