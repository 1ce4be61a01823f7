package cn.wenming.practice.org;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static cn.wenming.practice.org.OrgApi.expectCode;
import static cn.wenming.practice.org.OrgApi.map;
import static org.assertj.core.api.Assertions.assertThat;

/** The public reads of the tree and the validation of every org input. */
@IntegrationTest
class OrgUnitQueryTest {

	@Autowired
	JdbcTemplate jdbc;

	@Scenario
	OrgApi org;

	@Test
	void anyoneReadsAUnitWithParentAndChildrenButNotItsPath() {
		Fixtures.Tree tree = this.org.fixtures.tree();
		var response = this.org.as(null).documentName("orgUnit").variable("id", tree.institute()).execute();
		response.path("orgUnit.level").entity(String.class).isEqualTo("INSTITUTE");
		response.path("orgUnit.status").entity(String.class).isEqualTo("OPEN");
		response.path("orgUnit.parent.id").entity(String.class).isEqualTo(Long.toString(tree.center()));
		response.path("orgUnit.children[*].id").entityList(String.class).containsExactly(Long.toString(tree.station()));
		response.path("orgUnit.latitude").entity(Double.class).isEqualTo(31.35);

		// path is internal: the schema does not have it.
		this.org.as(null)
			.document("{ orgUnit(id: " + tree.station() + ") { id path } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).anySatisfy(
					error -> assertThat(error.getExtensions()).containsEntry("code", "BAD_REQUEST")));
	}

	@Test
	void missingUnitIsNull() {
		var response = this.org.as(null).documentName("orgUnit").variable("id", Long.MAX_VALUE).execute();
		response.errors().verify();
		// Null or, with the shared non_null JSON setting, absent: either way no unit and no error.
		Map<String, Object> data = response.returnResponse().getData();
		assertThat(data).isNotNull();
		assertThat(data.get("orgUnit")).isNull();
	}

	@Test
	void childrenArePagedById() {
		Fixtures.Tree tree = this.org.fixtures.tree();
		List<String> ids = new ArrayList<>();
		ids.add(Long.toString(tree.station()));
		for (int i = 0; i < 4; i++) {
			ids.add(Long.toString(this.org.fixtures.unit(tree.institute(), "STATION", Fixtures.unique("站"), null, null)));
		}
		var first = this.org.as(null)
			.documentName("orgUnits")
			.variable("parentId", tree.institute())
			.variable("first", 3)
			.execute();
		first.path("orgUnits.edges[*].node.id").entityList(String.class).containsExactly(ids.subList(0, 3).toArray(String[]::new));
		first.path("orgUnits.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		String cursor = first.path("orgUnits.pageInfo.endCursor").entity(String.class).get();
		var second = this.org.as(null)
			.documentName("orgUnits")
			.variable("parentId", tree.institute())
			.variable("first", 3)
			.variable("after", cursor)
			.execute();
		second.path("orgUnits.edges[*].node.id").entityList(String.class).containsExactly(ids.subList(3, 5).toArray(String[]::new));
		second.path("orgUnits.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
	}

	@Test
	void treeIsPreOrderWithDepths() {
		long center = this.org.fixtures.unit(null, "CENTER", Fixtures.unique("中心"), null, null);
		long i1 = this.org.fixtures.unit(center, "INSTITUTE", "i1", null, null);
		long i2 = this.org.fixtures.unit(center, "INSTITUTE", "i2", null, null);
		long s1 = this.org.fixtures.unit(i1, "STATION", "s1", null, null);
		long s2 = this.org.fixtures.unit(i2, "STATION", "s2", null, null);
		long s3 = this.org.fixtures.unit(i1, "STATION", "s3", null, null);
		long p1 = this.org.fixtures.unit(s1, "POINT", "p1", null, null);
		var response = this.org.as(null).documentName("orgTree").variable("rootId", center).execute();
		response.path("orgTree[*].unit.id")
			.entityList(Long.class)
			.containsExactly(center, i1, s1, p1, s3, i2, s2);
		response.path("orgTree[*].depth").entityList(Integer.class).containsExactly(0, 1, 2, 3, 2, 1, 2);

		// A subtree root starts at depth 0 and stays inside its subtree.
		var sub = this.org.as(null).documentName("orgTree").variable("rootId", i1).execute();
		sub.path("orgTree[*].unit.id").entityList(Long.class).containsExactly(i1, s1, p1, s3);
		sub.path("orgTree[*].depth").entityList(Integer.class).containsExactly(0, 1, 2, 1);
	}

	/**
	 * The console's unit picker in one request: each granted unit's subtree in the order of the
	 * grants, a unit inside another granted subtree listed once (within it), nothing for a user
	 * without admin roles, and no answer at all for an anonymous caller.
	 */
	@Test
	void myOrgTreeListsEveryGrantedSubtreeOnce() {
		long first = this.org.fixtures.unit(null, "CENTER", Fixtures.unique("中心"), null, null);
		long institute = this.org.fixtures.unit(first, "INSTITUTE", "i1", null, null);
		long station = this.org.fixtures.unit(institute, "STATION", "s1", null, null);
		long second = this.org.fixtures.unit(null, "CENTER", Fixtures.unique("中心"), null, null);
		long secondStation = this.org.fixtures.unit(second, "STATION", "s2", null, null);
		Session admin = this.org.admin("STATION_ADMIN", station);
		this.org.fixtures.grant(admin.userId(), "CENTER_ADMIN", second);
		this.org.fixtures.grant(admin.userId(), "CENTER_ADMIN", first);
		var response = this.org.as(admin).documentName("myOrgTree").execute();
		// The station's grant came first, but it lies inside the first center's: listed there.
		response.path("myOrgTree[*].unit.id")
			.entityList(Long.class)
			.containsExactly(second, secondStation, first, institute, station);
		response.path("myOrgTree[*].depth").entityList(Integer.class).containsExactly(0, 1, 0, 1, 2);

		Session resident = this.org.api.login(Fixtures.unique("no-admin"));
		this.org.as(resident).documentName("myOrgTree").execute().path("myOrgTree").entityList(Object.class).hasSize(0);
		expectCode(this.org.as(null).documentName("myOrgTree").execute(), "UNAUTHENTICATED");
	}

	@Test
	void treeOfMissingRootIsNotFound() {
		expectCode(this.org.as(null).documentName("orgTree").variable("rootId", Long.MAX_VALUE).execute(), "NOT_FOUND");
	}

	@Test
	void malformedIdsAndPagesAreBadRequests() {
		expectCode(this.org.as(null).documentName("orgUnit").variable("id", "abc").execute(), "BAD_REQUEST");
		expectCode(this.org.as(null).document("{ orgUnit(id: \"abc\") { id } }").execute(), "BAD_REQUEST");
		expectCode(this.org.as(null).documentName("orgTree").variable("rootId", "1; DROP TABLE org_unit").execute(),
				"BAD_REQUEST");
		Fixtures.Tree tree = this.org.fixtures.tree();
		expectCode(this.org.as(null)
			.documentName("orgUnits")
			.variable("parentId", tree.institute())
			.variable("first", 100000)
			.execute(), "BAD_REQUEST");
		expectCode(this.org.as(null)
			.documentName("orgUnits")
			.variable("parentId", tree.institute())
			.variable("after", "not-a-cursor")
			.execute(), "BAD_REQUEST");
	}

	@Test
	void invalidCreateInputsAreBadRequests() {
		Fixtures.Tree tree = this.org.fixtures.tree();
		Session admin = this.org.admin("CENTER_ADMIN", tree.center());
		String[][] cases = { { "name", "" }, { "name", "   " }, { "name", "名".repeat(10_000) },
				{ "latitude", "91" }, { "latitude", "-90.5" }, { "longitude", "180.01" }, { "longitude", "-999" },
				{ "regionCode", "abc" }, { "address", "址".repeat(256) } };
		for (String[] change : cases) {
			Map<String, Object> input = map("parentId", tree.station(), "level", "POINT", "name", "点", "latitude",
					31.0, "longitude", 120.0);
			input.put(change[0], change[0].equals("latitude") || change[0].equals("longitude")
					? Double.valueOf(change[1]) : change[1]);
			var response = this.org.as(admin).documentName("createOrgUnit").variable("input", input).execute();
			response.errors().satisfy(errors -> {
				assertThat(errors).as(change[0]).isNotEmpty();
				assertThat(errors.get(0).getExtensions()).as(change[0]).containsEntry("code", "BAD_REQUEST");
				assertThat(errors.get(0).getMessage()).doesNotContain("Exception");
			});
		}
		// One coordinate without the other means nothing.
		expectCode(this.org.as(admin)
			.documentName("createOrgUnit")
			.variable("input", map("parentId", tree.station(), "level", "POINT", "name", "点", "latitude", 31.0))
			.execute(), "BAD_REQUEST");
		expectCode(this.org.as(admin).documentName("renameOrgUnit").variable("id", tree.station()).variable("name", "x".repeat(101)).execute(),
				"BAD_REQUEST");
		expectCode(this.org.as(admin).documentName("renameOrgUnit").variable("id", tree.station()).variable("name", "").execute(),
				"BAD_REQUEST");
		expectCode(this.org.as(admin).documentName("moveOrgUnit").variable("id", "abc").variable("newParentId", tree.institute()).execute(),
				"BAD_REQUEST");
		expectCode(this.org.as(admin)
			.documentName("updateOrgUnitLocation")
			.variable("input", map("id", tree.station(), "latitude", 100.0, "longitude", 10.0))
			.execute(), "BAD_REQUEST");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM org_unit WHERE parent_id = ?", Integer.class,
				tree.station())).isZero();
	}

	@Test
	void levelsMustStepDownExactlyOne() {
		Fixtures.Tree tree = this.org.fixtures.tree();
		Session admin = this.org.admin("CENTER_ADMIN", tree.center());
		for (Object[] bad : new Object[][] { { tree.center(), "STATION" }, { tree.center(), "CENTER" },
				{ tree.institute(), "POINT" }, { tree.station(), "INSTITUTE" }, { tree.station(), "STATION" } }) {
			expectCode(this.org.as(admin)
				.documentName("createOrgUnit")
				.variable("input", map("parentId", bad[0], "level", bad[1], "name", Fixtures.unique("n")))
				.execute(), "ORG_UNIT_INVALID_PARENT");
		}
		long point = Long.parseLong(this.org.as(admin)
			.documentName("createOrgUnit")
			.variable("input", map("parentId", tree.station(), "level", "POINT", "name", "驿站", "address", "村口",
					"regionCode", "320282001", "latitude", 31.5, "longitude", 120.25))
			.execute()
			.path("createOrgUnit.id")
			.entity(String.class)
			.get());
		assertThat(this.org.path(point)).isEqualTo(this.org.path(tree.station()) + point + "/");
		// Nothing goes below a point.
		expectCode(this.org.as(admin)
			.documentName("createOrgUnit")
			.variable("input", map("parentId", point, "level", "POINT", "name", "x"))
			.execute(), "ORG_UNIT_INVALID_PARENT");
		expectCode(this.org.as(admin)
			.documentName("createOrgUnit")
			.variable("input", map("parentId", Long.MAX_VALUE, "level", "POINT", "name", "x"))
			.execute(), "NOT_FOUND");
	}

}
