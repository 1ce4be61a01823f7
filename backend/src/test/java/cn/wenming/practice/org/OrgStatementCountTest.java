package cn.wenming.practice.org;

import java.sql.Timestamp;
import java.time.Instant;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Scenario;
import cn.wenming.practice.testinfra.SqlCounter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Listing units with their parent, children and pairings costs the same number of queries for 5 or 50 units. */
@IntegrationTest
class OrgStatementCountTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SqlCounter sql;

	@Test
	void nestedFieldsAreBatchedPerLevel(@Scenario OrgApi org) {
		long small = institute(org, 5);
		long large = institute(org, 50);

		var few = this.sql.measure(() -> list(org, small));
		var many = this.sql.measure(() -> list(org, large));
		assertThat(few.result()).isEqualTo(5);
		assertThat(many.result()).isEqualTo(50);
		assertThat(many.count()).as("statements for 50 units: %s", many.statements()).isEqualTo(few.count());
		// The parent check and the page, then one query each for parents, children and pairings.
		assertThat(many.count()).as("statements: %s", many.statements()).isBetween(4, 5);
	}

	@Test
	void aWholeSubtreeIsOneStatement(@Scenario OrgApi org) {
		long institute = institute(org, 20);
		var tree = this.sql.measure(() -> org.as(null)
			.documentName("orgTree")
			.variable("rootId", institute)
			.execute()
			.path("orgTree")
			.entityList(Object.class)
			.get()
			.size());
		assertThat(tree.result()).isEqualTo(41);
		assertThat(tree.statements()).hasSize(1);
	}

	/** An institute with {@code stations} stations, each with a point and a paired civilized unit. */
	private long institute(OrgApi org, int stations) {
		long center = org.fixtures.unit(null, "CENTER", Fixtures.unique("中心"), null, null);
		long institute = org.fixtures.unit(center, "INSTITUTE", Fixtures.unique("所"), null, null);
		Timestamp now = Timestamp.from(Instant.now());
		for (int i = 0; i < stations; i++) {
			long station = org.fixtures.unit(institute, "STATION", Fixtures.unique("站"), null, null);
			org.fixtures.unit(station, "POINT", Fixtures.unique("点"), null, null);
			String name = Fixtures.unique("文明单位");
			this.jdbc.update("INSERT INTO civilized_unit (name, org_unit_id, created_at, updated_at) VALUES (?, ?, ?, ?)",
					name, institute, now, now);
			Long unit = this.jdbc.queryForObject("SELECT id FROM civilized_unit WHERE name = ?", Long.class, name);
			this.jdbc.update("INSERT INTO civilized_unit_pairing (civilized_unit_id, station_id, active, paired_at) VALUES (?, ?, 1, ?)",
					unit, station, now);
		}
		return institute;
	}

	private int list(OrgApi org, long institute) {
		var response = org.as(null)
			.documentName("orgUnitsDeep")
			.variable("parentId", institute)
			.variable("first", 100)
			.execute();
		response.errors().verify();
		response.path("orgUnits.edges[*].node.parent.name").entityList(String.class).satisfies(names -> assertThat(names).doesNotContainNull());
		response.path("orgUnits.edges[*].node.children[*].name").entityList(String.class).satisfies(names -> assertThat(names).isNotEmpty());
		response.path("orgUnits.edges[*].node.pairedUnits[*].name").entityList(String.class).satisfies(names -> assertThat(names).isNotEmpty());
		return response.path("orgUnits.edges").entityList(Object.class).get().size();
	}

}
