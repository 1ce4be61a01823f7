package cn.wenming.practice.need;

import java.util.Map;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.Scenario;
import cn.wenming.practice.testinfra.SqlCounter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** No N+1: stationNeeds with category, station name, project, timeline, participants and photos costs the same for 5 and 50 needs. */
@IntegrationTest
class NeedStatementCountTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SqlCounter sql;

	private final Long[] projects = new Long[2];

	@Test
	void stationNeedsCostTheSameNumberOfStatementsFor5And50(@Scenario NeedScenario s) {
		for (int i = 0; i < 2; i++) {
			this.jdbc.update("""
					INSERT INTO project (org_unit_id, name, category, brand, status, created_by, created_at, updated_at)
					VALUES (?, ?, 'CULTURE', 0, 'ACTIVE', ?, NOW(3), NOW(3))
					""", s.tree.station(), "计数项目" + i, s.admin.userId());
			this.projects[i] = this.jdbc.queryForObject("SELECT MAX(id) FROM project WHERE org_unit_id = ?", Long.class,
					s.tree.station());
		}
		// Two categories, and every fifth need published, so the children really differ.
		String otherCategory = s.category("助老服务");
		grow(s, 0, 5, otherCategory);
		long of5 = count(s, s.admin, 5);
		grow(s, 5, 50, otherCategory);
		long of50 = count(s, s.admin, 50);
		org.slf4j.LoggerFactory.getLogger(getClass()).info("SQL statements: stationNeeds 5 -> {}, 50 -> {}", of5, of50);
		assertThat(of5).isGreaterThanOrEqualTo(6);
		assertThat(of50).as("statements for 50 needs vs 5").isEqualTo(of5);
	}

	private void grow(NeedScenario s, int from, int to, String otherCategory) {
		for (int i = from; i < to; i++) {
			Map<String, Object> input = s.input("需求" + i);
			if (i % 2 == 1) {
				input.put("categoryId", otherCategory);
			}
			String id = s.submit(s.resident, input).path("submitNeed.id").entity(String.class).get();
			if (i % 5 == 0) {
				s.byNeed(s.admin, "publishNeed", id);
			}
			// Needs under two different projects, and most under none, for the batched Need.project.
			if (i % 3 == 0) {
				this.jdbc.update("UPDATE need SET project_id = ? WHERE id = ?", this.projects[i % 2], Long.valueOf(id));
			}
		}
	}

	private long count(NeedScenario s, Session as, int expected) {
		String unit = Long.toString(s.tree.station());
		// 50 rows of every field: a page of 100 of them is over app.graphql.max-complexity, which counts
		// the rows a list asks for (issue 17).
		s.api.as(as).documentName("stationNeeds").variable("orgUnitId", unit).variable("first", 50).execute();
		var measured = this.sql.measure(() -> s.api.as(as).documentName("stationNeeds").variable("orgUnitId", unit)
			.variable("first", 50).execute());
		measured.result().path("stationNeeds.edges").entityList(Object.class).hasSize(expected);
		measured.result().path("stationNeeds.edges[*].node.timeline").entityList(Object.class).hasSize(expected);
		measured.result().path("stationNeeds.edges[*].node.project.name").entityList(String.class)
			.hasSize((expected + 2) / 3);
		return measured.count();
	}

}
