package cn.wenming.practice.org;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static cn.wenming.practice.org.OrgApi.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may change which part of the tree. Two institutes (I1 with station S1, I2 with station S2)
 * under one center C, and a second county; every mutation is tried by every kind of caller.
 */
@IntegrationTest
class OrgUnitAuthorizationTest {

	private static final String OK = "OK";

	@Autowired
	JdbcTemplate jdbc;

	@Scenario
	OrgApi org;

	long center;

	long i1;

	long s1;

	long i2;

	long s2;

	long otherInstitute;

	/** Callers by name; {@code anonymous} maps to {@code null}. */
	final Map<String, Session> callers = new LinkedHashMap<>();

	@BeforeEach
	void setUp() {
		Fixtures f = this.org.fixtures;
		this.center = f.unit(null, "CENTER", Fixtures.unique("中心"), null, null);
		this.i1 = f.unit(this.center, "INSTITUTE", Fixtures.unique("所"), null, null);
		this.s1 = f.unit(this.i1, "STATION", Fixtures.unique("站"), null, null);
		this.i2 = f.unit(this.center, "INSTITUTE", Fixtures.unique("所"), null, null);
		this.s2 = f.unit(this.i2, "STATION", Fixtures.unique("站"), null, null);
		Fixtures.Tree other = f.tree();
		this.otherInstitute = other.institute();
		this.callers.put("anonymous", null);
		this.callers.put("resident", this.org.resident());
		this.callers.put("otherStationAdmin", this.org.admin("STATION_ADMIN", this.s2));
		this.callers.put("otherInstituteAdmin", this.org.admin("INSTITUTE_ADMIN", this.i2));
		this.callers.put("otherCountyAdmin", this.org.admin("CENTER_ADMIN", other.center()));
		this.callers.put("stationAdmin", this.org.admin("STATION_ADMIN", this.s1));
		this.callers.put("instituteAdmin", this.org.admin("INSTITUTE_ADMIN", this.i1));
		this.callers.put("centerAdmin", this.org.admin("CENTER_ADMIN", this.center));
	}

	/** Expected outcome per caller for changing S1 itself or adding below it. */
	private Map<String, String> withinStation() {
		return Map.of("anonymous", "UNAUTHENTICATED", "resident", "FORBIDDEN", "otherStationAdmin", "FORBIDDEN",
				"otherInstituteAdmin", "FORBIDDEN", "otherCountyAdmin", "FORBIDDEN", "stationAdmin", OK,
				"instituteAdmin", OK, "centerAdmin", OK);
	}

	@Test
	void createBelowAStation() {
		check(withinStation(), caller -> this.org.as(caller)
			.documentName("createOrgUnit")
			.variable("input", map("parentId", this.s1, "level", "POINT", "name", Fixtures.unique("点")))
			.execute());
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM org_unit WHERE parent_id = ?", Integer.class,
				this.s1)).isEqualTo(3);
	}

	@Test
	void createAStationNeedsTheInstituteOrAbove() {
		Map<String, String> expected = new LinkedHashMap<>(withinStation());
		expected.put("stationAdmin", "FORBIDDEN");
		check(expected, caller -> this.org.as(caller)
			.documentName("createOrgUnit")
			.variable("input", map("parentId", this.i1, "level", "STATION", "name", Fixtures.unique("站")))
			.execute());
	}

	@Test
	void onlyABootstrapAdminCreatesACenterAndBecomesItsAdmin() {
		Map<String, String> expected = new LinkedHashMap<>(withinStation());
		expected.replaceAll((caller, outcome) -> "anonymous".equals(caller) ? outcome : "FORBIDDEN");
		check(expected, caller -> this.org.as(caller)
			.documentName("createOrgUnit")
			.variable("input", map("level", "CENTER", "name", Fixtures.unique("中心")))
			.execute());
		Session bootstrap = this.org.api.login("bootstrap-admin");
		String id = this.org.as(bootstrap)
			.documentName("createOrgUnit")
			.variable("input", map("level", "CENTER", "name", Fixtures.unique("中心")))
			.execute()
			.path("createOrgUnit.id")
			.entity(String.class)
			.get();
		assertThat(this.org.path(Long.parseLong(id))).isEqualTo("/" + id + "/");
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM user_role WHERE user_id = ? AND role = 'CENTER_ADMIN' AND org_unit_id = ?",
				Integer.class, bootstrap.userId(), Long.parseLong(id))).isEqualTo(1);
		// The history says how they became its admin.
		assertThat(this.jdbc.queryForList(
				"SELECT CONCAT(kind, ' ', cause, ' ', actor_user_id) FROM user_role_event WHERE org_unit_id = ?",
				String.class, Long.parseLong(id))).containsExactly("GRANTED UNIT_CREATED " + bootstrap.userId());
		// ... and as its admin may build below it at once.
		OrgApi.expectOk(this.org.as(bootstrap)
			.documentName("createOrgUnit")
			.variable("input", map("parentId", id, "level", "INSTITUTE", "name", Fixtures.unique("所")))
			.execute());
	}

	@Test
	void renameAStation() {
		check(withinStation(), caller -> this.org.as(caller)
			.documentName("renameOrgUnit")
			.variable("id", this.s1)
			.variable("name", Fixtures.unique("新站名"))
			.execute());
		String before = this.jdbc.queryForObject("SELECT name FROM org_unit WHERE id = ?", String.class, this.s2);
		OrgApi.expectCode(this.org.as(this.callers.get("stationAdmin"))
			.documentName("renameOrgUnit")
			.variable("id", this.s2)
			.variable("name", "越权")
			.execute(), "FORBIDDEN");
		assertThat(this.jdbc.queryForObject("SELECT name FROM org_unit WHERE id = ?", String.class, this.s2))
			.isEqualTo(before);
	}

	@Test
	void setAStationsDutyPhoneWhichAnyoneThenReads() {
		check(withinStation(), caller -> this.org.as(caller)
			.documentName("updateOrgUnitPhone")
			.variable("id", this.s1)
			.variable("phone", "0571-88886666")
			.execute());
		Session admin = this.callers.get("stationAdmin");
		OrgApi.expectCode(this.org.as(admin)
			.documentName("updateOrgUnitPhone")
			.variable("id", this.s1)
			.variable("phone", "12345")
			.execute(), "BAD_REQUEST");
		OrgApi.expectCode(this.org.as(admin)
			.documentName("updateOrgUnitPhone")
			.variable("id", this.s2)
			.variable("phone", "13900001111")
			.execute(), "FORBIDDEN");
		assertThat(this.jdbc.queryForObject("SELECT phone FROM org_unit WHERE id = ?", String.class, this.s2)).isNull();
		// Public: a resident without a login reads it with the station.
		assertThat(this.org.as(null)
			.document("query($id: ID!) { orgUnit(id: $id) { phone } }")
			.variable("id", this.s1)
			.execute()
			.path("orgUnit.phone")
			.entity(String.class)
			.get()).isEqualTo("0571-88886666");
		// Cleared with null.
		OrgApi.expectOk(this.org.as(admin).documentName("updateOrgUnitPhone").variable("id", this.s1).variable("phone", null).execute());
		assertThat(this.jdbc.queryForObject("SELECT phone FROM org_unit WHERE id = ?", String.class, this.s1)).isNull();
	}

	@Test
	void updateAStationsLocation() {
		check(withinStation(), caller -> this.org.as(caller)
			.documentName("updateOrgUnitLocation")
			.variable("input", map("id", this.s1, "address", "新地址", "latitude", 31.1, "longitude", 120.1))
			.execute());
	}

	@Test
	void closeAPointNeedsAnAdminAboveIt() {
		Map<String, String> expected = withinStation();
		check(expected, caller -> {
			long point = this.org.fixtures.unit(this.s1, "POINT", Fixtures.unique("点"), null, null);
			return this.org.as(caller).documentName("closeOrgUnit").variable("id", point).execute();
		});
	}

	@Test
	void aStationAdminCannotCloseTheirOwnStation() {
		Map<String, String> expected = new LinkedHashMap<>(withinStation());
		expected.put("stationAdmin", "FORBIDDEN");
		check(expected, caller -> {
			long station = this.org.fixtures.unit(this.i1, "STATION", Fixtures.unique("站"), null, null);
			if (caller != null && caller == this.callers.get("stationAdmin")) {
				this.org.fixtures.grant(caller.userId(), "STATION_ADMIN", station);
			}
			var response = this.org.as(caller).documentName("closeOrgUnit").variable("id", station).execute();
			return response;
		});
		// And their own station, the one they were granted on at the start, stays open.
		OrgApi.expectCode(this.org.as(this.callers.get("stationAdmin"))
			.documentName("closeOrgUnit")
			.variable("id", this.s1)
			.execute(), "FORBIDDEN");
		assertThat(this.org.status(this.s1)).isEqualTo("OPEN");
	}

	@Test
	void movingAStationAcrossInstitutesNeedsTheCenter() {
		Map<String, String> expected = new LinkedHashMap<>(withinStation());
		// The own institute admin does not cover the new parent; I2's admin does not cover the old one.
		expected.put("stationAdmin", "FORBIDDEN");
		expected.put("instituteAdmin", "FORBIDDEN");
		check(expected, caller -> {
			long station = this.org.fixtures.unit(this.i1, "STATION", Fixtures.unique("站"), null, null);
			if (caller != null && caller == this.callers.get("stationAdmin")) {
				this.org.fixtures.grant(caller.userId(), "STATION_ADMIN", station);
			}
			return this.org.as(caller)
				.documentName("moveOrgUnit")
				.variable("id", station)
				.variable("newParentId", this.i2)
				.execute();
		});
		// Not even the center admin moves a station into another county.
		OrgApi.expectCode(this.org.as(this.callers.get("centerAdmin"))
			.documentName("moveOrgUnit")
			.variable("id", this.s1)
			.variable("newParentId", this.otherInstitute)
			.execute(), "FORBIDDEN");
		assertThat(this.org.path(this.s1)).startsWith(this.org.path(this.i1));
	}

	@Test
	void anInstituteAdminMovesPointsWithinTheirInstitute() {
		long s1b = this.org.fixtures.unit(this.i1, "STATION", Fixtures.unique("站"), null, null);
		Map<String, String> expected = new LinkedHashMap<>(withinStation());
		expected.put("stationAdmin", "FORBIDDEN"); // covers the old parent S1 but not S1b
		check(expected, caller -> {
			long point = this.org.fixtures.unit(this.s1, "POINT", Fixtures.unique("点"), null, null);
			return this.org.as(caller).documentName("moveOrgUnit").variable("id", point).variable("newParentId", s1b).execute();
		});
	}

	/** Runs {@code call} once per caller and compares the outcome with {@code expected}. */
	private void check(Map<String, String> expected, Function<Session, GraphQlTester.Response> call) {
		Map<String, String> actual = new LinkedHashMap<>();
		this.callers.forEach((name, session) -> {
			GraphQlTester.Response response = call.apply(session);
			response.errors().satisfy(errors -> actual.put(name, errors.isEmpty() ? OK
					: String.valueOf(errors.get(0).getExtensions().get("code"))));
		});
		Map<String, String> wanted = new LinkedHashMap<>();
		this.callers.keySet().forEach(name -> wanted.put(name, expected.get(name)));
		assertThat(actual).isEqualTo(wanted);
	}

}
