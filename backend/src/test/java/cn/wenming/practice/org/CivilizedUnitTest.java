package cn.wenming.practice.org;

import java.util.Map;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static cn.wenming.practice.org.OrgApi.expectCode;
import static cn.wenming.practice.org.OrgApi.expectOk;
import static cn.wenming.practice.org.OrgApi.map;
import static org.assertj.core.api.Assertions.assertThat;

/** 文明单位: registration, who sees the contact, and pairing with stations (结对共建). */
@IntegrationTest
class CivilizedUnitTest {

	private static final String PHONE = "13812345678";

	@Autowired
	JdbcTemplate jdbc;

	@Scenario
	OrgApi org;

	Fixtures.Tree tree;

	long otherStation;

	Session instituteAdmin;

	Session stationAdmin;

	@BeforeEach
	void setUp() {
		this.tree = this.org.fixtures.tree();
		long otherInstitute = this.org.fixtures.unit(this.tree.center(), "INSTITUTE", Fixtures.unique("所"), null, null);
		this.otherStation = this.org.fixtures.unit(otherInstitute, "STATION", Fixtures.unique("站"), null, null);
		this.instituteAdmin = this.org.admin("INSTITUTE_ADMIN", this.tree.institute());
		this.stationAdmin = this.org.admin("STATION_ADMIN", this.tree.station());
	}

	@Test
	void contactIsVisibleOnlyToAdminsOfTheUnit() {
		long unit = create(this.instituteAdmin, this.tree.institute());
		Map<String, Object> full = map("contactName", "张三", "contactPhone", PHONE);
		Map<String, Object> masked = map("contactName", "张*", "contactPhone", "138****5678");
		assertThat(contact(this.instituteAdmin, unit)).isEqualTo(full);
		assertThat(contact(this.org.admin("CENTER_ADMIN", this.tree.center()), unit)).isEqualTo(full);
		assertThat(contact(null, unit)).isEqualTo(masked);
		assertThat(contact(this.org.resident(), unit)).isEqualTo(masked);
		// A station admin below the institute does not administer the institute's units.
		assertThat(contact(this.stationAdmin, unit)).isEqualTo(masked);
		assertThat(contact(this.org.admin("STATION_ADMIN", this.otherStation), unit)).isEqualTo(masked);
	}

	@Test
	void creatingNeedsAnAdminOfTheUnit() {
		GraphQlTester.Response response = createResponse(null, this.tree.institute(), "n");
		expectCode(response, "UNAUTHENTICATED");
		expectCode(createResponse(this.org.resident(), this.tree.institute(), "n"), "FORBIDDEN");
		expectCode(createResponse(this.stationAdmin, this.tree.institute(), "n"), "FORBIDDEN");
		expectCode(createResponse(this.org.admin("STATION_ADMIN", this.otherStation), this.tree.station(), "n"),
				"FORBIDDEN");
		expectOk(createResponse(this.stationAdmin, this.tree.station(), "n"));
		expectCode(createResponse(this.instituteAdmin, this.tree.institute(), ""), "BAD_REQUEST");
		expectCode(createResponse(this.instituteAdmin, this.tree.institute(), "名".repeat(10_000)), "BAD_REQUEST");
		expectCode(this.org.as(this.instituteAdmin)
			.documentName("createCivilizedUnit")
			.variable("input", map("name", "n", "orgUnitId", this.tree.institute(), "contactPhone", "call me"))
			.execute(), "BAD_REQUEST");
	}

	@Test
	void pairingWithAStation() {
		long unit = create(this.instituteAdmin, this.tree.institute());
		long station = this.tree.station();
		expectCode(pair(null, unit, station), "UNAUTHENTICATED");
		expectCode(pair(this.org.resident(), unit, station), "FORBIDDEN");
		expectCode(pair(this.org.admin("STATION_ADMIN", this.otherStation), unit, station), "FORBIDDEN");
		expectCode(pair(this.instituteAdmin, unit, this.tree.institute()), "BAD_REQUEST");
		// The unit belongs to the institute: it pairs with that institute's stations only.
		expectCode(pair(this.org.admin("CENTER_ADMIN", this.tree.center()), unit, this.otherStation), "BAD_REQUEST");

		var paired = pair(this.stationAdmin, unit, station);
		paired.path("pairCivilizedUnit.civilizedUnit.id").entity(Long.class).isEqualTo(unit);
		paired.path("pairCivilizedUnit.station.pairedUnits[*].id").entityList(Long.class).containsExactly(unit);
		expectCode(pair(this.instituteAdmin, unit, station), "CIVILIZED_UNIT_ALREADY_PAIRED");
		// Through the batched pairedUnits field the contact is shown by the same rule.
		this.org.as(this.instituteAdmin).documentName("stationPairings").variable("id", station).execute()
			.path("orgUnit.pairedUnits[0].contactPhone").entity(String.class).isEqualTo(PHONE);
		this.org.as(this.stationAdmin).documentName("stationPairings").variable("id", station).execute()
			.path("orgUnit.pairedUnits[0].contactPhone").entity(String.class).isEqualTo("138****5678");

		// The console's 结对 screen reads pairings from the unit's side (batched, one list per unit).
		long unpairedUnit = create(this.instituteAdmin, this.tree.institute());
		var listed = this.org.as(this.instituteAdmin).documentName("civilizedUnitPairings")
			.variable("orgUnitId", this.tree.institute()).execute();
		listed.path("civilizedUnits.edges[?(@.node.id == '" + unit + "')].node.pairedStations[*].id").entityList(Long.class)
			.containsExactly(station);
		listed.path("civilizedUnits.edges[?(@.node.id == '" + unpairedUnit + "')].node.pairedStations[*]")
			.entityList(Object.class).hasSize(0);

		// A live pairing is open work: the station cannot be closed under it.
		expectCode(this.org.as(this.instituteAdmin).documentName("closeOrgUnit").variable("id", station).execute(),
				"ORG_UNIT_HAS_OPEN_WORK");

		expectCode(unpair(this.org.admin("STATION_ADMIN", this.otherStation), unit, station), "FORBIDDEN");
		unpair(this.stationAdmin, unit, station).path("unpairCivilizedUnit").entity(Boolean.class).isEqualTo(true);
		unpair(this.stationAdmin, unit, station).path("unpairCivilizedUnit").entity(Boolean.class).isEqualTo(false);
		this.org.as(this.instituteAdmin).documentName("civilizedUnitPairings").variable("orgUnitId", this.tree.institute())
			.execute()
			.path("civilizedUnits.edges[?(@.node.id == '" + unit + "')].node.pairedStations[*]")
			.entityList(Object.class).hasSize(0);
		this.org.as(null)
			.documentName("stationPairings")
			.variable("id", station)
			.execute()
			.path("orgUnit.pairedUnits")
			.entityList(Object.class)
			.hasSize(0);
		// Pairing again after an unpairing is a new pairing; history stays.
		expectOk(pair(this.stationAdmin, unit, station));
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM civilized_unit_pairing WHERE civilized_unit_id = ? AND station_id = ?",
				Integer.class, unit, station)).isEqualTo(2);
		unpair(this.stationAdmin, unit, station).path("unpairCivilizedUnit").entity(Boolean.class).isEqualTo(true);
		expectOk(this.org.as(this.instituteAdmin).documentName("closeOrgUnit").variable("id", station).execute());
		expectCode(pair(this.stationAdmin, unit, station), "ORG_UNIT_CLOSED");
	}

	@Test
	void listIsPagedAndCoversTheSubtree() {
		long atInstitute = create(this.instituteAdmin, this.tree.institute());
		long atStation = create(this.stationAdmin, this.tree.station());
		long elsewhere = create(this.org.admin("STATION_ADMIN", this.otherStation), this.otherStation);
		var first = this.org.as(null)
			.documentName("civilizedUnits")
			.variable("orgUnitId", this.tree.institute())
			.variable("first", 1)
			.execute();
		first.path("civilizedUnits.edges[*].node.id").entityList(Long.class).containsExactly(atInstitute);
		first.path("civilizedUnits.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		String cursor = first.path("civilizedUnits.pageInfo.endCursor").entity(String.class).get();
		var second = this.org.as(null)
			.documentName("civilizedUnits")
			.variable("orgUnitId", this.tree.institute())
			.variable("after", cursor)
			.execute();
		second.path("civilizedUnits.edges[*].node.id").entityList(Long.class).containsExactly(atStation);
		second.path("civilizedUnits.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
		assertThat(elsewhere).isNotIn(atInstitute, atStation);
		expectCode(this.org.as(null)
			.documentName("civilizedUnits")
			.variable("orgUnitId", this.tree.institute())
			.variable("first", 101)
			.execute(), "BAD_REQUEST");
	}

	private long create(Session session, long orgUnitId) {
		return createResponse(session, orgUnitId, Fixtures.unique("文明单位")).path("createCivilizedUnit.id")
			.entity(Long.class)
			.get();
	}

	private GraphQlTester.Response createResponse(Session session, long orgUnitId, String name) {
		return this.org.as(session)
			.documentName("createCivilizedUnit")
			.variable("input", map("name", name, "orgUnitId", orgUnitId, "contactName", "张三", "contactPhone", PHONE))
			.execute();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> contact(Session session, long unit) {
		var response = this.org.as(session)
			.documentName("civilizedUnits")
			.variable("orgUnitId", this.tree.center())
			.variable("first", 100)
			.execute();
		response.errors().verify();
		var nodes = response.path("civilizedUnits.edges[*].node").entityList(Map.class).get();
		Map<String, Object> node = nodes.stream()
			.filter(n -> String.valueOf(unit).equals(n.get("id")))
			.findFirst()
			.orElseThrow();
		return map("contactName", node.get("contactName"), "contactPhone", node.get("contactPhone"));
	}

	private GraphQlTester.Response pair(Session session, long unit, long station) {
		return this.org.as(session)
			.documentName("pairCivilizedUnit")
			.variable("civilizedUnitId", unit)
			.variable("stationId", station)
			.execute();
	}

	private GraphQlTester.Response unpair(Session session, long unit, long station) {
		return this.org.as(session)
			.documentName("unpairCivilizedUnit")
			.variable("civilizedUnitId", unit)
			.variable("stationId", station)
			.execute();
	}

}
