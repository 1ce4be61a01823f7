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

/**
 * 文明单位 and 文明校园: registration, who sees the contact, and pairing (结对共建) with a 站, 所 or
 * 中心, with the history of ended pairings.
 */
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
	void aShortLandlineIsMaskedToAtMostHalfItsDigits() {
		long landline = create(this.instituteAdmin, this.tree.institute(), "6251234");
		long eight = create(this.instituteAdmin, this.tree.institute(), "62512345");
		assertThat(contact(this.instituteAdmin, landline)).isEqualTo(map("contactName", "张三", "contactPhone", "6251234"));
		assertThat(contact(null, landline)).isEqualTo(map("contactName", "张*", "contactPhone", "6****34"));
		assertThat(contact(null, eight)).isEqualTo(map("contactName", "张*", "contactPhone", "62****45"));
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
		// The old stationId argument names a station; 所 and 中心 are paired through orgUnitId.
		expectCode(pair(this.instituteAdmin, unit, this.tree.institute()), "CIVILIZED_UNIT_PAIRING_LEVEL");
		// The unit belongs to the institute: it pairs with that institute's units only.
		expectCode(pair(this.org.admin("CENTER_ADMIN", this.tree.center()), unit, this.otherStation),
				"CIVILIZED_UNIT_OUTSIDE_AREA");

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
	void pairingWithAnInstituteAndTheCenter() {
		Session centerAdmin = this.org.admin("CENTER_ADMIN", this.tree.center());
		long unit = create(centerAdmin, this.tree.center());
		long institute = this.tree.institute();
		long center = this.tree.center();

		// Whoever pairs must cover the unit paired with: a station admin cannot pair with its institute,
		// an institute admin not with the center.
		expectCode(pairWith(null, unit, institute), "UNAUTHENTICATED");
		expectCode(pairWith(this.stationAdmin, unit, institute), "FORBIDDEN");
		expectCode(pairWith(this.instituteAdmin, unit, center), "FORBIDDEN");
		expectCode(pairWith(this.org.admin("INSTITUTE_ADMIN", this.tree.institute()), unit, 999_999_999L), "NOT_FOUND");

		var withInstitute = pairWith(this.instituteAdmin, unit, institute);
		withInstitute.path("pairCivilizedUnit.orgUnit.level").entity(String.class).isEqualTo("INSTITUTE");
		withInstitute.path("pairCivilizedUnit.orgUnit.pairedUnits[*].id").entityList(Long.class).containsExactly(unit);
		withInstitute.path("pairCivilizedUnit.active").entity(Boolean.class).isEqualTo(true);
		withInstitute.path("pairCivilizedUnit.pairedBy").entity(Long.class).isEqualTo(this.instituteAdmin.userId());
		withInstitute.path("pairCivilizedUnit.id").entity(Long.class).satisfies(id -> assertThat(id).isPositive());
		// The old field answers only for stations.
		withInstitute.path("pairCivilizedUnit.station").valueIsNull();
		expectCode(pairWith(centerAdmin, unit, institute), "CIVILIZED_UNIT_ALREADY_PAIRED");

		var withCenter = pairWith(centerAdmin, unit, center);
		withCenter.path("pairCivilizedUnit.orgUnit.level").entity(String.class).isEqualTo("CENTER");

		var listed = history(centerAdmin, center, null);
		String node = "civilizedUnits.edges[?(@.node.id == '" + unit + "')].node";
		listed.path(node + ".pairedUnits[*].level").entityList(String.class).containsExactly("CENTER", "INSTITUTE");
		listed.path(node + ".pairedStations[*]").entityList(Object.class).hasSize(0);
		this.org.as(null).documentName("stationPairings").variable("id", center).execute()
			.path("orgUnit.pairedUnits[*].id").entityList(Long.class).containsExactly(unit);

		// Exactly one of orgUnitId and stationId; a 点 is not paired with.
		expectCode(this.org.as(centerAdmin).documentName("pairCivilizedUnitWith").variable("civilizedUnitId", unit)
			.variable("orgUnitId", institute).variable("stationId", this.tree.station()).execute(), "BAD_REQUEST");
		expectCode(this.org.as(centerAdmin).documentName("pairCivilizedUnitWith").variable("civilizedUnitId", unit)
			.execute(), "BAD_REQUEST");
		long point = this.org.fixtures.unit(this.tree.station(), "POINT", Fixtures.unique("点"), null, null);
		expectCode(pairWith(centerAdmin, unit, point), "CIVILIZED_UNIT_PAIRING_LEVEL");
		// A unit registered at the institute is not paired with the center above it.
		expectCode(pairWith(centerAdmin, create(this.instituteAdmin, institute), center), "CIVILIZED_UNIT_OUTSIDE_AREA");

		// A live pairing is open work at an institute too.
		long emptyInstitute = this.org.fixtures.unit(center, "INSTITUTE", Fixtures.unique("所"), null, null);
		expectOk(pairWith(centerAdmin, unit, emptyInstitute));
		expectCode(this.org.as(centerAdmin).documentName("closeOrgUnit").variable("id", emptyInstitute).execute(),
				"ORG_UNIT_HAS_OPEN_WORK");
		unpairWith(centerAdmin, unit, emptyInstitute, "所撤并").path("unpairCivilizedUnit").entity(Boolean.class)
			.isEqualTo(true);
		expectOk(this.org.as(centerAdmin).documentName("closeOrgUnit").variable("id", emptyInstitute).execute());
	}

	@Test
	void campusesAreRegisteredAndPairedLikeUnits() {
		long institute = this.tree.institute();
		expectCode(createCampus(this.instituteAdmin, institute, Fixtures.unique("实验小学"), null), "BAD_REQUEST");
		expectCode(this.org.as(this.instituteAdmin).documentName("createCivilizedUnit")
			.variable("input", map("name", "n", "orgUnitId", institute, "kind", "UNIT", "schoolLevel", "PRIMARY"))
			.execute(), "BAD_REQUEST");
		// The name is public: it passes the content check like every published text.
		expectCode(createCampus(this.instituteAdmin, institute, "RISKY 小学", "PRIMARY"), "CONTENT_REJECTED");

		var created = createCampus(this.instituteAdmin, institute, Fixtures.unique("城北实验小学"), "PRIMARY");
		created.path("createCivilizedUnit.kind").entity(String.class).isEqualTo("CAMPUS");
		created.path("createCivilizedUnit.schoolLevel").entity(String.class).isEqualTo("PRIMARY");
		long campus = created.path("createCivilizedUnit.id").entity(Long.class).get();
		long unit = create(this.instituteAdmin, institute);

		history(null, institute, "CAMPUS").path("civilizedUnits.edges[*].node.id").entityList(Long.class)
			.containsExactly(campus);
		history(null, institute, "UNIT").path("civilizedUnits.edges[*].node.id").entityList(Long.class)
			.containsExactly(unit);
		history(null, institute, null).path("civilizedUnits.edges[?(@.node.id == '" + unit + "')].node.kind")
			.entityList(String.class).containsExactly("UNIT");

		expectOk(pairWith(this.stationAdmin, campus, this.tree.station()));
		expectOk(pairWith(this.instituteAdmin, campus, institute));
		history(null, institute, "CAMPUS").path("civilizedUnits.edges[0].node.pairedStations[*].id")
			.entityList(Long.class).containsExactly(this.tree.station());
		history(null, institute, "CAMPUS").path("civilizedUnits.edges[0].node.pairedUnits[*].level")
			.entityList(String.class).contains("INSTITUTE", "STATION").hasSize(2);
		expectCode(pairWith(this.org.admin("STATION_ADMIN", this.otherStation), campus, this.otherStation),
				"CIVILIZED_UNIT_OUTSIDE_AREA");
	}

	@Test
	void endingAPairingKeepsItsHistory() {
		long institute = this.tree.institute();
		long unit = create(this.instituteAdmin, institute);
		expectOk(pairWith(this.instituteAdmin, unit, institute));
		// Only an admin of the paired unit ends it; a risky or over-long reason is refused and nothing ends.
		expectCode(unpairWith(this.stationAdmin, unit, institute, "到期"), "FORBIDDEN");
		expectCode(unpairWith(this.instituteAdmin, unit, institute, "RISKY"), "CONTENT_REJECTED");
		expectCode(unpairWith(this.instituteAdmin, unit, institute, "长".repeat(201)), "BAD_REQUEST");
		this.org.as(null).documentName("stationPairings").variable("id", institute).execute()
			.path("orgUnit.pairedUnits[*].id").entityList(Long.class).containsExactly(unit);

		unpairWith(this.instituteAdmin, unit, institute, " 共建协议到期 ").path("unpairCivilizedUnit")
			.entity(Boolean.class).isEqualTo(true);
		unpairWith(this.instituteAdmin, unit, institute, "再次解除").path("unpairCivilizedUnit").entity(Boolean.class)
			.isEqualTo(false);
		expectOk(pairWith(this.instituteAdmin, unit, institute));

		String node = "civilizedUnits.edges[?(@.node.id == '" + unit + "')].node";
		var seen = history(this.instituteAdmin, institute, null);
		seen.path(node + ".pairings[*].active").entityList(Boolean.class).containsExactly(true, false);
		seen.path(node + ".pairings[*].endReason").entityList(String.class).containsExactly(null, "共建协议到期");
		seen.path(node + ".pairings[*].endedBy").entityList(Long.class)
			.containsExactly(null, this.instituteAdmin.userId());
		seen.path(node + ".pairings[*].pairedBy").entityList(Long.class)
			.containsExactly(this.instituteAdmin.userId(), this.instituteAdmin.userId());
		seen.path(node + ".pairings[1].endedAt").entityList(String.class).hasSize(1);
		seen.path(node + ".pairings[*].orgUnit.level").entityList(String.class).containsExactly("INSTITUTE", "INSTITUTE");
		// Everyone sees that the pairing was ended; who and why only the admins of either side.
		var anonymous = history(null, institute, null);
		anonymous.path(node + ".pairings[*].active").entityList(Boolean.class).containsExactly(true, false);
		anonymous.path(node + ".pairings[*].endReason").entityList(String.class).containsExactly(null, null);
		anonymous.path(node + ".pairings[*].endedBy").entityList(Long.class).containsExactly(null, null);
		history(this.stationAdmin, institute, null).path(node + ".pairings[*].endReason").entityList(String.class)
			.containsExactly(null, null);
		assertThat(this.jdbc.queryForObject(
				"SELECT unpair_reason FROM civilized_unit_pairing WHERE civilized_unit_id = ? AND active IS NULL",
				String.class, unit)).isEqualTo("共建协议到期");
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
		return create(session, orgUnitId, PHONE);
	}

	private long create(Session session, long orgUnitId, String phone) {
		return createResponse(session, orgUnitId, Fixtures.unique("文明单位"), phone).path("createCivilizedUnit.id")
			.entity(Long.class)
			.get();
	}

	private GraphQlTester.Response createResponse(Session session, long orgUnitId, String name) {
		return createResponse(session, orgUnitId, name, PHONE);
	}

	private GraphQlTester.Response createResponse(Session session, long orgUnitId, String name, String phone) {
		return this.org.as(session)
			.documentName("createCivilizedUnit")
			.variable("input", map("name", name, "orgUnitId", orgUnitId, "contactName", "张三", "contactPhone", phone))
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

	private GraphQlTester.Response createCampus(Session session, long orgUnitId, String name, String schoolLevel) {
		return this.org.as(session)
			.documentName("createCivilizedUnit")
			.variable("input", map("name", name, "orgUnitId", orgUnitId, "kind", "CAMPUS", "schoolLevel", schoolLevel))
			.execute();
	}

	private GraphQlTester.Response pairWith(Session session, long unit, long orgUnitId) {
		return this.org.as(session)
			.documentName("pairCivilizedUnitWith")
			.variable("civilizedUnitId", unit)
			.variable("orgUnitId", orgUnitId)
			.execute();
	}

	private GraphQlTester.Response unpairWith(Session session, long unit, long orgUnitId, String reason) {
		return this.org.as(session)
			.documentName("unpairCivilizedUnitWith")
			.variable("civilizedUnitId", unit)
			.variable("orgUnitId", orgUnitId)
			.variable("reason", reason)
			.execute();
	}

	private GraphQlTester.Response history(Session session, long orgUnitId, String kind) {
		return this.org.as(session)
			.documentName("civilizedUnitHistory")
			.variable("orgUnitId", orgUnitId)
			.variable("kind", kind)
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
