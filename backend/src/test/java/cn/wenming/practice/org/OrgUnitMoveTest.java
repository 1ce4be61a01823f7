package cn.wenming.practice.org;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static cn.wenming.practice.org.OrgApi.expectCode;
import static cn.wenming.practice.org.OrgApi.expectOk;
import static cn.wenming.practice.org.OrgApi.map;
import static org.assertj.core.api.Assertions.assertThat;

/** Moving and closing units: subtree paths, scope after a move, refusals, and concurrent changes. */
@IntegrationTest
class OrgUnitMoveTest {

	@Autowired
	JdbcTemplate jdbc;

	@Scenario
	OrgApi org;

	long center;

	long i1;

	long i2;

	@BeforeEach
	void setUp() {
		this.center = this.org.fixtures.unit(null, "CENTER", Fixtures.unique("中心"), null, null);
		this.i1 = this.org.fixtures.unit(this.center, "INSTITUTE", Fixtures.unique("所"), null, null);
		this.i2 = this.org.fixtures.unit(this.center, "INSTITUTE", Fixtures.unique("所"), null, null);
	}

	@Test
	void moveRewritesTheSubtreeAndScopeFollows() {
		long station = this.org.fixtures.unit(this.i1, "STATION", Fixtures.unique("站"), null, null);
		long p1 = this.org.fixtures.unit(station, "POINT", Fixtures.unique("点"), null, null);
		long p2 = this.org.fixtures.unit(station, "POINT", Fixtures.unique("点"), null, null);
		Session admin1 = this.org.admin("INSTITUTE_ADMIN", this.i1);
		Session admin2 = this.org.admin("INSTITUTE_ADMIN", this.i2);
		Session centerAdmin = this.org.admin("CENTER_ADMIN", this.center);
		expectOk(rename(admin1, p1));
		expectCode(rename(admin2, p1), "FORBIDDEN");

		this.org.as(centerAdmin)
			.documentName("moveOrgUnit")
			.variable("id", station)
			.variable("newParentId", this.i2)
			.execute()
			.path("moveOrgUnit.parent.id")
			.entity(Long.class)
			.isEqualTo(this.i2);

		var tree = this.org.as(null).documentName("orgTree").variable("rootId", this.i2).execute();
		tree.path("orgTree[*].unit.id").entityList(Long.class).containsExactly(this.i2, station, p1, p2);
		tree.path("orgTree[*].depth").entityList(Integer.class).containsExactly(0, 1, 2, 2);
		this.org.as(null)
			.documentName("orgTree")
			.variable("rootId", this.i1)
			.execute()
			.path("orgTree[*].unit.id")
			.entityList(Long.class)
			.containsExactly(this.i1);
		assertThat(this.org.path(p2)).isEqualTo(this.org.path(this.i2) + station + "/" + p2 + "/");
		assertConsistent(this.center);

		// The old institute lost the subtree, the new one has it, down to the points.
		expectCode(rename(admin1, p1), "FORBIDDEN");
		expectCode(rename(admin1, station), "FORBIDDEN");
		expectOk(rename(admin2, p1));
		expectOk(this.org.as(admin2)
			.documentName("createOrgUnit")
			.variable("input", map("parentId", station, "level", "POINT", "name", Fixtures.unique("点")))
			.execute());
		expectCode(this.org.as(admin1)
			.documentName("createOrgUnit")
			.variable("input", map("parentId", station, "level", "POINT", "name", Fixtures.unique("点")))
			.execute(), "FORBIDDEN");
		assertConsistent(this.center);
	}

	@Test
	void moveMustKeepTheLevels() {
		long station = this.org.fixtures.unit(this.i1, "STATION", Fixtures.unique("站"), null, null);
		long otherStation = this.org.fixtures.unit(this.i2, "STATION", Fixtures.unique("站"), null, null);
		Session centerAdmin = this.org.admin("CENTER_ADMIN", this.center);
		expectCode(move(centerAdmin, station, otherStation), "ORG_UNIT_INVALID_PARENT");
		expectCode(move(centerAdmin, station, this.center), "ORG_UNIT_INVALID_PARENT");
		expectCode(move(centerAdmin, station, station), "ORG_UNIT_INVALID_PARENT");
		expectCode(move(centerAdmin, this.i1, this.i2), "ORG_UNIT_INVALID_PARENT");
		expectCode(move(centerAdmin, station, Long.MAX_VALUE), "NOT_FOUND");
		assertThat(this.org.path(station)).isEqualTo(this.org.path(this.i1) + station + "/");
	}

	@Test
	void closingIsRefusedWhileChildrenAreOpen() {
		long station = this.org.fixtures.unit(this.i1, "STATION", Fixtures.unique("站"), null, null);
		long point = this.org.fixtures.unit(station, "POINT", Fixtures.unique("点"), null, null);
		Session admin = this.org.admin("INSTITUTE_ADMIN", this.i1);

		expectCode(close(admin, station), "ORG_UNIT_HAS_OPEN_WORK");
		assertThat(this.org.status(station)).isEqualTo("OPEN");

		this.org.as(admin).documentName("closeOrgUnit").variable("id", point).execute()
			.path("closeOrgUnit.status").entity(String.class).isEqualTo("CLOSED");
		this.org.as(admin).documentName("closeOrgUnit").variable("id", station).execute()
			.path("closeOrgUnit.status").entity(String.class).isEqualTo("CLOSED");
		// Closing twice is harmless.
		expectOk(close(admin, station));

		// A closed unit takes no new children, no moves in or out, and no renames.
		expectCode(this.org.as(admin)
			.documentName("createOrgUnit")
			.variable("input", map("parentId", station, "level", "POINT", "name", "x"))
			.execute(), "ORG_UNIT_CLOSED");
		long openStation = this.org.fixtures.unit(this.i1, "STATION", Fixtures.unique("站"), null, null);
		long openPoint = this.org.fixtures.unit(openStation, "POINT", Fixtures.unique("点"), null, null);
		expectCode(move(admin, openPoint, station), "ORG_UNIT_CLOSED");
		expectCode(rename(admin, station), "ORG_UNIT_CLOSED");
		// The institute, with one open station left, cannot be closed either.
		expectCode(close(this.org.admin("CENTER_ADMIN", this.center), this.i1), "ORG_UNIT_HAS_OPEN_WORK");
	}

	@Test
	void concurrentMovesRenamesAndInsertsLeaveAConsistentTree() throws Exception {
		long i3 = this.org.fixtures.unit(this.center, "INSTITUTE", Fixtures.unique("所"), null, null);
		long[] institutes = { this.i1, this.i2, i3 };
		long station = this.org.fixtures.unit(this.i1, "STATION", Fixtures.unique("站"), null, null);
		long other = this.org.fixtures.unit(this.i2, "STATION", Fixtures.unique("站"), null, null);
		List<Long> points = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			points.add(this.org.fixtures.unit(station, "POINT", Fixtures.unique("点"), null, null));
		}
		Session admin = this.org.admin("CENTER_ADMIN", this.center);
		List<Callable<List<String>>> calls = new ArrayList<>();
		List<Callable<List<String>>> creates = new ArrayList<>();
		for (int round = 0; round < 4; round++) {
			long target = institutes[round % 3];
			long point = points.get(round % 3);
			calls.add(() -> codes(move(admin, station, target)));
			calls.add(() -> codes(rename(admin, station)));
			calls.add(() -> codes(move(admin, point, (target == this.i2) ? other : station)));
			Callable<List<String>> create = () -> codes(this.org.as(admin)
				.documentName("createOrgUnit")
				.variable("input", map("parentId", station, "level", "POINT", "name", Fixtures.unique("点")))
				.execute());
			calls.add(create);
			creates.add(create);
		}
		ExecutorService pool = Executors.newFixedThreadPool(6);
		List<String> errors = new ArrayList<>();
		int createdPoints = 0;
		try {
			List<Future<List<String>>> futures = pool.invokeAll(calls);
			for (int i = 0; i < futures.size(); i++) {
				List<String> codes = futures.get(i).get();
				errors.addAll(codes);
				if (creates.contains(calls.get(i)) && codes.isEmpty()) {
					createdPoints++;
				}
			}
		}
		finally {
			pool.shutdownNow();
		}
		// A lost race may be refused with CONFLICT, never with anything else, and never half-applied.
		assertThat(errors).allMatch("CONFLICT"::equals);
		assertConsistent(this.center);
		Integer pointsNow = this.jdbc.queryForObject("SELECT COUNT(*) FROM org_unit WHERE parent_id IN (?, ?)",
				Integer.class, station, other);
		assertThat(pointsNow).isEqualTo(points.size() + createdPoints);
	}

	/** Every unit's path is its parent's path plus its own id. */
	private void assertConsistent(long root) {
		String rootPath = this.org.path(root);
		List<Map<String, Object>> rows = this.jdbc.queryForList(
				"SELECT c.id, c.path, p.path AS parent_path FROM org_unit c JOIN org_unit p ON p.id = c.parent_id "
						+ "WHERE p.path LIKE CONCAT(?, '%')",
				rootPath);
		assertThat(rows).isNotEmpty();
		for (Map<String, Object> row : rows) {
			assertThat(row.get("path")).as("path of %s", row.get("id")).isEqualTo(row.get("parent_path") + String.valueOf(row.get("id")) + "/");
		}
		// And nothing claims to be in the subtree without hanging from it.
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM org_unit WHERE path LIKE CONCAT(?, '%')",
				Integer.class, rootPath)).isEqualTo(rows.size() + 1);
	}

	private List<String> codes(org.springframework.graphql.test.tester.GraphQlTester.Response response) {
		List<String> codes = new ArrayList<>();
		response.errors().satisfy(errors -> errors.forEach(e -> codes.add(String.valueOf(e.getExtensions().get("code")))));
		return codes;
	}

	private org.springframework.graphql.test.tester.GraphQlTester.Response rename(Session session, long id) {
		return this.org.as(session).documentName("renameOrgUnit").variable("id", id).variable("name", Fixtures.unique("名")).execute();
	}

	private org.springframework.graphql.test.tester.GraphQlTester.Response move(Session session, long id, long newParentId) {
		return this.org.as(session).documentName("moveOrgUnit").variable("id", id).variable("newParentId", newParentId).execute();
	}

	private org.springframework.graphql.test.tester.GraphQlTester.Response close(Session session, long id) {
		return this.org.as(session).documentName("closeOrgUnit").variable("id", id).execute();
	}

}
