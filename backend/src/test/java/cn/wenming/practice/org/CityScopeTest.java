package cn.wenming.practice.org;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.IdempotencyKeys;
import cn.wenming.practice.testinfra.MutableClock;
import cn.wenming.practice.testinfra.Scenario;
import cn.wenming.practice.testinfra.Volunteers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import static cn.wenming.practice.org.OrgApi.expectCode;
import static cn.wenming.practice.org.OrgApi.expectOk;
import static cn.wenming.practice.org.OrgApi.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A city above the counties (seed 004: one deployment serving several counties). Two counties under
 * one city: each county's admins see only their county — units, volunteers, needs, the assessment,
 * admin grants — while the city's admins see both; the city's assessment rolls both counties up and a
 * board scoped to the city ranks both counties' stations. And how a city comes to be: created as a
 * root by a bootstrap admin, an existing county attached under it with its whole subtree's paths.
 */
@IntegrationTest
class CityScopeTest {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Scenario
	OrgApi org;

	@Scenario
	Api api;

	long city;

	long countyA;

	long countyB;

	long stationA;

	long stationB;

	Session cityAdmin;

	Session adminA;

	Session adminB;

	@BeforeEach
	void setUp() {
		Fixtures f = this.org.fixtures;
		this.city = f.unit(null, "CITY", Fixtures.unique("市"), null, null);
		this.countyA = f.unit(this.city, "CENTER", Fixtures.unique("中心A"), null, null);
		this.countyB = f.unit(this.city, "CENTER", Fixtures.unique("中心B"), null, null);
		long instituteA = f.unit(this.countyA, "INSTITUTE", Fixtures.unique("所A"), null, null);
		long instituteB = f.unit(this.countyB, "INSTITUTE", Fixtures.unique("所B"), null, null);
		this.stationA = f.unit(instituteA, "STATION", Fixtures.unique("站A"), 31.36, 119.84);
		this.stationB = f.unit(instituteB, "STATION", Fixtures.unique("站B"), 31.37, 119.85);
		this.cityAdmin = this.org.admin("CITY_ADMIN", this.city);
		this.adminA = this.org.admin("CENTER_ADMIN", this.countyA);
		this.adminB = this.org.admin("CENTER_ADMIN", this.countyB);
	}

	@Test
	void eachCountySeesOnlyItselfAndTheCitySeesBoth() {
		// Volunteers: one registered at a station of each county.
		String volunteerA = Volunteers.register(this.api.as(this.api.login(Fixtures.unique("va"))), this.stationA);
		String volunteerB = Volunteers.register(this.api.as(this.api.login(Fixtures.unique("vb"))), this.stationB);
		assertThat(volunteers(this.adminA, this.countyA)).containsExactly(volunteerA);
		assertThat(volunteers(this.adminB, this.countyB)).containsExactly(volunteerB);
		assertThat(volunteers(this.cityAdmin, this.city)).containsExactlyInAnyOrder(volunteerA, volunteerB);
		expectCode(volunteersResponse(this.adminA, this.countyB), "FORBIDDEN");
		expectCode(volunteersResponse(this.adminA, this.city), "FORBIDDEN");
		expectCode(volunteersResponse(this.adminB, this.stationA), "FORBIDDEN");

		// Needs: one submitted at each county's station.
		Session resident = this.org.resident();
		String needA = submitNeed(resident, this.stationA);
		String needB = submitNeed(resident, this.stationB);
		assertThat(needs(this.adminA, this.countyA)).containsExactly(needA);
		assertThat(needs(this.cityAdmin, this.city)).containsExactlyInAnyOrder(needA, needB);
		expectCode(needsResponse(this.adminA, this.stationB), "FORBIDDEN");
		expectCode(needsResponse(this.adminB, this.city), "FORBIDDEN");

		// Units: only the city's admins act on both counties; a county admin cannot touch the other.
		expectCode(rename(this.adminA, this.stationB), "FORBIDDEN");
		expectCode(rename(this.adminA, this.city), "FORBIDDEN");
		expectOk(rename(this.adminA, this.stationA));
		expectOk(rename(this.cityAdmin, this.stationB));
		expectOk(rename(this.cityAdmin, this.countyA));

		// Admin grants: a county admin grants within the county only; the city's admin in both.
		Session newcomer = this.org.resident();
		expectCode(grant(this.adminA, newcomer, "STATION_ADMIN", this.stationB), "FORBIDDEN");
		expectCode(grant(this.adminA, newcomer, "CITY_ADMIN", this.city), "FORBIDDEN");
		expectOk(grant(this.cityAdmin, newcomer, "STATION_ADMIN", this.stationB));
		expectCode(grant(this.cityAdmin, newcomer, "CITY_ADMIN", this.countyA), "BAD_REQUEST");
		assertThat(grantedUsers(this.cityAdmin, this.city)).contains(this.adminA.userId(), this.adminB.userId(),
				newcomer.userId());
		assertThat(grantedUsers(this.adminA, this.countyA)).contains(this.adminA.userId())
			.doesNotContain(this.adminB.userId(), newcomer.userId(), this.cityAdmin.userId());
		expectCode(this.api.as(this.adminA).documentName("adminRoleGrants").variable("orgUnitId", this.city).execute(),
				"FORBIDDEN");

		// The assessment: a county's admins their county only, the city's over both, rolled up.
		LocalDate today = LocalDate.now(this.clock.withZone(CHINA));
		expectCode(assessment(this.adminA, this.city, today), "FORBIDDEN");
		expectCode(assessment(this.adminA, this.countyB, today), "FORBIDDEN");
		Map<Long, Map<String, Double>> cityFigures = figures(assessment(this.cityAdmin, this.city, today), "value");
		assertThat(cityFigures).containsKeys(this.city, this.countyA, this.countyB, this.stationA, this.stationB);
		assertThat(cityFigures.get(this.city).get("NEEDS_RECEIVED")).isEqualTo(2.0);
		assertThat(cityFigures.get(this.countyA).get("NEEDS_RECEIVED")).isEqualTo(1.0);
		assertThat(cityFigures.get(this.countyB).get("NEEDS_RECEIVED")).isEqualTo(1.0);
		Map<Long, Map<String, Double>> registered = figures(assessment(this.cityAdmin, this.city, today), "denominator");
		assertThat(registered.get(this.city).get("VOLUNTEERS_WITH_HOURS")).isEqualTo(2.0);
		Map<Long, Map<String, Double>> countyFigures = figures(assessment(this.adminA, this.countyA, today), "value");
		assertThat(countyFigures).containsKeys(this.countyA, this.stationA).doesNotContainKeys(this.city, this.countyB,
				this.stationB);

		// A board scoped to the city ranks both counties' stations; a county's board only its own.
		activityHeldAt(this.stationA, 2);
		activityHeldAt(this.stationB, 1);
		assertThat(stationBoard(this.adminA, this.city)).containsExactly(this.stationA, this.stationB);
		assertThat(stationBoard(this.adminA, this.countyA)).containsExactly(this.stationA);
		assertThat(stationBoard(this.adminB, this.countyB)).containsExactly(this.stationB);
	}

	@Test
	void aCountyUnderACityKeepsMarkingItsBrandProjects() {
		// The 中心 is no longer the root of its projects' paths: its admin still marks 品牌项目 (the
		// check finds the center by level), so does the city's; the other county's and a station's do not.
		Session stationAdmin = this.org.admin("STATION_ADMIN", this.stationA);
		String project = this.api.as(this.adminA).documentName("createProject")
			.variable("input", map("orgUnitId", this.stationA, "name", Fixtures.unique("项目"), "category", "CULTURE"))
			.execute().path("createProject.id").entity(String.class).get();
		expectOk(markBrand(this.adminA, project, true));
		expectOk(markBrand(this.cityAdmin, project, false));
		expectCode(markBrand(this.adminB, project, true), "PROJECT_BRAND_CENTER_ONLY");
		expectCode(markBrand(stationAdmin, project, true), "PROJECT_BRAND_CENTER_ONLY");
		this.api.as(this.adminA).documentName("projectBrandChanges").variable("projectId", project).execute()
			.path("projectBrandChanges[*].brand").entityList(Boolean.class).containsExactly(false, true);
	}

	@Test
	void settingsSharedByEveryCountyAreTheCityAdminsOnly() {
		// What every county of the deployment gets — the 点单 categories, the 公众号 menu, the 站互评
		// items, the reconciliation over every account and its trail, the rebuild of every board — is
		// the city's to change: a county's center admin is refused, the city's admin is not.
		assertThat(coversWholeDeployment(this.adminA)).isFalse();
		assertThat(coversWholeDeployment(this.cityAdmin)).isTrue();
		String existing = this.api.as(this.cityAdmin).documentName("needCategories").execute()
			.path("needCategories[0].id").entity(String.class).get();
		expectCode(this.api.as(this.adminA).documentName("addNeedCategory").variable("name", Fixtures.unique("类"))
			.execute(), "FORBIDDEN");
		expectCode(this.api.as(this.adminA).documentName("renameNeedCategory").variable("id", existing)
			.variable("name", Fixtures.unique("类")).execute(), "FORBIDDEN");
		expectCode(this.api.as(this.adminA).documentName("disableNeedCategory").variable("id", existing).execute(),
				"FORBIDDEN");
		expectCode(this.api.as(this.adminA).documentName("enableNeedCategory").variable("id", existing).execute(),
				"FORBIDDEN");
		expectCode(this.api.as(this.adminA).documentName("publishMpMenu").execute(), "FORBIDDEN");
		expectCode(this.api.as(this.adminA).documentName("mpMenuPreview").execute(), "FORBIDDEN");
		expectCode(addPeerReviewItem(this.adminA, Fixtures.unique("项")), "FORBIDDEN");
		expectCode(this.api.as(this.adminA).documentName("pointsRepairs").execute(), "FORBIDDEN");
		expectCode(this.api.as(this.adminA).documentName("reconcilePoints")
			.variable("since", Instant.now().minusSeconds(60).toString()).execute(), "FORBIDDEN");
		expectCode(this.api.as(this.adminA).documentName("rebuildLeaderboards").execute(), "FORBIDDEN");
		// A resident who is no county's volunteer is no county's to correct either.
		Session resident = this.org.resident();
		expectCode(this.api.as(this.adminA).documentName("pointsOf").variable("userId", resident.userId()).execute(),
				"FORBIDDEN");

		String category = this.api.as(this.cityAdmin).documentName("addNeedCategory")
			.variable("name", Fixtures.unique("类")).execute().path("addNeedCategory.id").entity(String.class).get();
		this.api.as(this.cityAdmin).documentName("disableNeedCategory").variable("id", category).execute()
			.path("disableNeedCategory.enabled").entity(Boolean.class).isEqualTo(false);
		expectOk(this.api.as(this.cityAdmin).documentName("mpMenuPreview").execute());
		expectOk(this.api.as(this.cityAdmin).documentName("publishMpMenu").execute());
		String item = addPeerReviewItem(this.cityAdmin, Fixtures.unique("项")).path("addPeerReviewItem.id")
			.entity(String.class).get();
		this.api.as(this.cityAdmin)
			.document("mutation($id: ID!) { setPeerReviewItemEnabled(id: $id, enabled: false) { enabled } }")
			.variable("id", item).execute().path("setPeerReviewItemEnabled.enabled").entity(Boolean.class).isEqualTo(false);
		expectOk(this.api.as(this.cityAdmin).documentName("pointsRepairs").execute());
		expectOk(this.api.as(this.cityAdmin).documentName("reconcilePoints")
			.variable("since", Instant.now().minusSeconds(60).toString()).execute());
		expectOk(this.api.as(this.cityAdmin).documentName("rebuildLeaderboards").execute());
		expectOk(this.api.as(this.cityAdmin).documentName("pointsOf").variable("userId", resident.userId()).execute());
	}

	@Test
	void aCountyAttachedUnderACityStopsSettingWhatEveryCountyGets() {
		// Alone, the county is the whole deployment and its center admin keeps the settings, as before.
		long county = this.org.fixtures.unit(null, "CENTER", Fixtures.unique("中心"), null, null);
		Session countyAdmin = this.org.admin("CENTER_ADMIN", county);
		assertThat(coversWholeDeployment(countyAdmin)).isTrue();
		String category = this.api.as(countyAdmin).documentName("addNeedCategory")
			.variable("name", Fixtures.unique("类")).execute().path("addNeedCategory.id").entity(String.class).get();
		expectOk(this.api.as(countyAdmin).documentName("disableNeedCategory").variable("id", category).execute());

		// Someone who runs both attaches the county under the city.
		Session mover = this.org.admin("CITY_ADMIN", this.city);
		this.org.fixtures.grant(mover.userId(), "CENTER_ADMIN", county);
		expectOk(move(mover, county, this.city));
		assertThat(coversWholeDeployment(countyAdmin)).isFalse();
		expectCode(this.api.as(countyAdmin).documentName("enableNeedCategory").variable("id", category).execute(),
				"FORBIDDEN");
	}

	private boolean coversWholeDeployment(Session as) {
		return this.api.as(as).document("{ me { coversWholeDeployment } }").execute()
			.path("me.coversWholeDeployment").entity(Boolean.class).get();
	}

	private GraphQlTester.Response addPeerReviewItem(Session as, String name) {
		return this.api.as(as).document("mutation($n: String!) { addPeerReviewItem(name: $n) { id } }")
			.variable("n", name).execute();
	}

	private GraphQlTester.Response markBrand(Session as, String project, boolean brand) {
		return this.api.as(as).documentName("markBrandProject")
			.variable("input", map("projectId", project, "brand", brand, "reason", "群众认可度高")).execute();
	}

	@Test
	void aBootstrapAdminCreatesACityAndACountyIsAttachedUnderIt() {
		Session bootstrap = this.api.login("bootstrap-admin");
		long newCity = Long.parseLong(this.api.as(bootstrap).documentName("createOrgUnit")
			.variable("input", map("level", "CITY", "name", Fixtures.unique("泰州市")))
			.execute()
			.path("createOrgUnit.level").entity(String.class).isEqualTo("CITY")
			.path("createOrgUnit.id").entity(String.class).get());
		// The creator becomes the city's admin.
		this.api.as(bootstrap).documentName("me").execute().path("me.roleGrants[?(@.role == 'CITY_ADMIN')].orgUnitId")
			.entityList(String.class).contains(Long.toString(newCity));
		// Only a city can be created under nothing besides a center; nobody else creates roots.
		expectCode(this.api.as(bootstrap).documentName("createOrgUnit")
			.variable("input", map("level", "INSTITUTE", "name", Fixtures.unique("所"))).execute(),
				"ORG_UNIT_INVALID_PARENT");
		expectCode(this.api.as(this.cityAdmin).documentName("createOrgUnit")
			.variable("input", map("level", "CITY", "name", Fixtures.unique("市"))).execute(), "FORBIDDEN");
		// A city's child is a center.
		expectCode(this.api.as(this.cityAdmin).documentName("createOrgUnit")
			.variable("input", map("parentId", this.city, "level", "INSTITUTE", "name", Fixtures.unique("所"))).execute(),
				"ORG_UNIT_INVALID_PARENT");
		expectOk(this.api.as(this.cityAdmin).documentName("createOrgUnit")
			.variable("input", map("parentId", this.city, "level", "CENTER", "name", Fixtures.unique("中心"))).execute());

		// An existing county (a root center with its subtree) is attached under the new city.
		Fixtures.Tree county = this.org.fixtures.tree();
		Session countyAdmin = this.org.admin("CENTER_ADMIN", county.center());
		Session newCityAdmin = this.org.admin("CITY_ADMIN", newCity);
		// Neither the county's admin alone nor the city's admin alone may hand the county over.
		expectCode(move(countyAdmin, county.center(), newCity), "FORBIDDEN");
		expectCode(move(newCityAdmin, county.center(), newCity), "FORBIDDEN");
		expectCode(move(this.adminA, county.center(), this.city), "FORBIDDEN");
		// Someone who runs both may; so may a bootstrap admin.
		this.org.fixtures.grant(countyAdmin.userId(), "CITY_ADMIN", newCity);
		expectOk(move(countyAdmin, county.center(), newCity));
		String cityPath = this.org.path(newCity);
		assertThat(this.org.path(county.center())).isEqualTo(cityPath + county.center() + "/");
		assertThat(this.org.path(county.station()))
			.isEqualTo(cityPath + county.center() + "/" + county.institute() + "/" + county.station() + "/");
		this.org.as(null).documentName("orgTree").variable("rootId", newCity).execute()
			.path("orgTree[*].unit.id").entityList(Long.class)
			.contains(newCity, county.center(), county.institute(), county.station());
		// Scope follows the paths: the city's admin now covers the county's station, the county's admin still does.
		expectOk(rename(newCityAdmin, county.station()));
		expectOk(rename(countyAdmin, county.station()));
		// A center goes only under a city, and a city under nothing.
		expectCode(move(this.cityAdmin, this.countyA, this.countyB), "ORG_UNIT_INVALID_PARENT");
		expectCode(move(bootstrap, newCity, this.countyA), "ORG_UNIT_INVALID_PARENT");
	}

	// --- helpers

	private GraphQlTester.Response volunteersResponse(Session as, long unit) {
		return this.api.as(as).documentName("volunteers").variable("orgUnitId", unit).variable("first", 50).execute();
	}

	private List<String> volunteers(Session as, long unit) {
		return volunteersResponse(as, unit).path("volunteers.edges[*].node.id").entityList(String.class).get();
	}

	private GraphQlTester.Response needsResponse(Session as, long unit) {
		return this.api.as(as)
			.document("query($u: ID!) { stationNeeds(orgUnitId: $u, first: 50) { edges { node { id } } } }")
			.variable("u", unit)
			.execute();
	}

	private List<String> needs(Session as, long unit) {
		return needsResponse(as, unit).path("stationNeeds.edges[*].node.id").entityList(String.class).get();
	}

	private String submitNeed(Session as, long station) {
		Long category = this.jdbc.queryForObject("SELECT id FROM need_category WHERE name = '生活服务'", Long.class);
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("categoryId", category.toString());
		input.put("title", "灯不亮了");
		input.put("description", "家里灯不亮了，需要有人帮忙检查电路");
		input.put("beneficiaryType", "ELDERLY");
		input.put("urgency", "URGENT");
		input.put("address", "高港区口岸街道柴墟村 3 组 12 号");
		input.put("latitude", 32.3201);
		input.put("longitude", 119.8802);
		input.put("contactName", "张秀英");
		input.put("contactPhone", "13812345678");
		input.put("desiredDate", LocalDate.now(this.clock.withZone(CHINA)).plusDays(3).toString());
		input.put("stationId", Long.toString(station));
		return this.api.as(as).documentName("submitNeed").variable("input", IdempotencyKeys.keyed(input)).execute()
			.path("submitNeed.id").entity(String.class).get();
	}

	private GraphQlTester.Response rename(Session as, long unit) {
		return this.api.as(as).documentName("renameOrgUnit").variable("id", unit)
			.variable("name", Fixtures.unique("改名")).execute();
	}

	private GraphQlTester.Response move(Session as, long unit, long newParent) {
		return this.api.as(as).documentName("moveOrgUnit").variable("id", unit).variable("newParentId", newParent)
			.execute();
	}

	private GraphQlTester.Response grant(Session as, Session to, String role, long unit) {
		return this.api.as(as).documentName("grantRole").variable("userId", to.userId()).variable("role", role)
			.variable("orgUnitId", unit).execute();
	}

	private List<Long> grantedUsers(Session as, long unit) {
		return this.api.as(as).documentName("adminRoleGrants").variable("orgUnitId", unit).variable("first", 100)
			.execute().path("adminRoleGrants.edges[*].node.user.id").entityList(Long.class).get();
	}

	private GraphQlTester.Response assessment(Session as, long unit, LocalDate day) {
		return this.api.as(as).documentName("assessment").variable("orgUnitId", Long.toString(unit))
			.variable("year", day.getYear()).variable("month", day.getMonthValue()).execute();
	}

	/** unit id → figure kind → the figure's {@code field} (value, numerator, denominator). */
	@SuppressWarnings("unchecked")
	static Map<Long, Map<String, Double>> figures(GraphQlTester.Response response, String field) {
		List<Map<String, Object>> units = response.path("assessment.units").entity(List.class).get();
		Map<Long, Map<String, Double>> out = new LinkedHashMap<>();
		for (Map<String, Object> unit : units) {
			Map<String, Double> byKind = new LinkedHashMap<>();
			for (Map<String, Object> figure : (List<Map<String, Object>>) unit.get("figures")) {
				Object value = figure.get(field);
				byKind.put((String) figure.get("kind"), (value == null) ? null : ((Number) value).doubleValue());
			}
			out.put(Long.valueOf((String) unit.get("orgUnitId")), byKind);
		}
		return out;
	}

	/** {@code count} finished activities at the station, ended an hour ago (rows: not what this test is about). */
	private void activityHeldAt(long station, int count) {
		long project = insert("INSERT INTO project (org_unit_id, team_id, name, category, status, created_by, created_at, "
				+ "updated_at) VALUES (?, NULL, ?, 'CULTURE', 'ACTIVE', ?, NOW(3), NOW(3))", station,
				Fixtures.unique("项目"), this.adminA.userId());
		Instant endsAt = this.clock.instant().minusSeconds(3600);
		for (int i = 0; i < count; i++) {
			insert("INSERT INTO activity (project_id, org_unit_id, category, title, starts_at, ends_at, "
					+ "sign_up_deadline, address, latitude, longitude, capacity, status, created_by, created_at, updated_at) "
					+ "VALUES (?, ?, 'CULTURE', '活动', ?, ?, ?, '地址', 31.3, 119.8, 50, 'FINISHED', ?, NOW(3), NOW(3))",
					project, station, Timestamp.from(endsAt.minusSeconds(7200)), Timestamp.from(endsAt),
					Timestamp.from(endsAt.minusSeconds(7200)), this.adminA.userId());
		}
	}

	private List<Long> stationBoard(Session as, long scope) {
		return this.api.as(as).documentName("leaderboard").variable("kind", "STATION_ACTIVITIES")
			.variable("period", "ALL").variable("scopeType", "ORG").variable("scopeId", Long.toString(scope))
			.variable("first", 50).execute().path("leaderboard.entries[*].id").entityList(Long.class).get();
	}

	private long insert(String sql, Object... args) {
		var keys = new GeneratedKeyHolder();
		this.jdbc.update(connection -> {
			PreparedStatement ps = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
			for (int i = 0; i < args.length; i++) {
				ps.setObject(i + 1, args[i]);
			}
			return ps;
		}, keys);
		return keys.getKey().longValue();
	}

}
