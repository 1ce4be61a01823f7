package cn.wenming.practice.auth;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.DeleteMarkedKey;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may grant admin roles, where, and that grants take effect at once. */
@IntegrationTest
class RoleGrantTest {

	@Autowired
	JdbcTemplate jdbc;

	@Scenario
	Api api;

	@Scenario
	Fixtures fixtures;

	private GraphQlTester.Response grant(GraphQlTester tester, long userId, String role, long unitId) {
		return tester.documentName("grantRole")
			.variable("userId", userId)
			.variable("role", role)
			.variable("orgUnitId", unitId)
			.execute();
	}

	private static void expectCode(GraphQlTester.Response response, String code) {
		response.errors().satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("code", code));
	}

	@Test
	void centerAdminGrantsStationAdminAndItShowsInMeImmediately() {
		Fixtures.Tree tree = this.fixtures.tree();
		Session admin = this.api.login(Fixtures.unique("cadmin"));
		this.fixtures.grant(admin.userId(), "CENTER_ADMIN", tree.center());
		Session target = this.api.login(Fixtures.unique("sadmin"));

		grant(this.api.as(admin), target.userId(), "STATION_ADMIN", tree.station()).path("grantRole.role")
			.entity(String.class).isEqualTo("STATION_ADMIN");

		// The target's existing access token sees the new role: roles are read per request.
		this.api.as(target).documentName("me").execute().path("me.roles").entityList(String.class)
			.containsExactly("RESIDENT", "STATION_ADMIN");
	}

	@Test
	void onlyCenterAdminsOfThatCenterMayGrant() {
		Fixtures.Tree tree = this.fixtures.tree();
		Fixtures.Tree otherCounty = this.fixtures.tree();
		Session target = this.api.login(Fixtures.unique("t"));

		expectCode(grant(this.api.anonymous(), target.userId(), "STATION_ADMIN", tree.station()), "UNAUTHENTICATED");

		Session resident = this.api.login(Fixtures.unique("r"));
		expectCode(grant(this.api.as(resident), target.userId(), "STATION_ADMIN", tree.station()), "FORBIDDEN");

		Session instituteAdmin = this.api.login(Fixtures.unique("ia"));
		this.fixtures.grant(instituteAdmin.userId(), "INSTITUTE_ADMIN", tree.institute());
		expectCode(grant(this.api.as(instituteAdmin), target.userId(), "STATION_ADMIN", tree.station()), "FORBIDDEN");

		Session foreignCenterAdmin = this.api.login(Fixtures.unique("fca"));
		this.fixtures.grant(foreignCenterAdmin.userId(), "CENTER_ADMIN", otherCounty.center());
		expectCode(grant(this.api.as(foreignCenterAdmin), target.userId(), "STATION_ADMIN", tree.station()),
				"FORBIDDEN");
		// Self-escalation through a foreign unit is refused too.
		expectCode(grant(this.api.as(foreignCenterAdmin), foreignCenterAdmin.userId(), "CENTER_ADMIN", tree.center()),
				"FORBIDDEN");

		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM user_role WHERE user_id = ?", Integer.class,
				target.userId())).isZero();
	}

	@Test
	void roleMustMatchUnitLevelAndBeAnAdminRole() {
		Fixtures.Tree tree = this.fixtures.tree();
		Session admin = this.api.login(Fixtures.unique("ca"));
		this.fixtures.grant(admin.userId(), "CENTER_ADMIN", tree.center());
		Session target = this.api.login(Fixtures.unique("x"));
		for (var bad : List.of(List.of("STATION_ADMIN", tree.institute()), List.of("CENTER_ADMIN", tree.station()),
				List.of("VOLUNTEER", tree.station()))) {
			expectCode(grant(this.api.as(admin), target.userId(), (String) bad.get(0), (Long) bad.get(1)),
					"BAD_REQUEST");
		}
		expectCode(grant(this.api.as(admin), target.userId(), "STATION_ADMIN", 987654321L), "NOT_FOUND");
	}

	@Test
	void adminFindsColleagueByBoundPhoneOthersCannot() {
		Fixtures.Tree tree = this.fixtures.tree();
		Session colleague = this.api.login(Fixtures.unique("colleague"));
		String phone = this.api.as(colleague).documentName("bindPhone").variable("code", Fixtures.unique("pc"))
			.execute().path("bindPhone.phone").entity(String.class).get();
		Session admin = this.api.login(Fixtures.unique("padmin"));
		this.fixtures.grant(admin.userId(), "CENTER_ADMIN", tree.center());

		var found = this.api.as(admin).documentName("userByPhone").variable("phone", phone).execute();
		found.path("userByPhone.id").entity(String.class).isEqualTo(Long.toString(colleague.userId()));
		found.path("userByPhone.phone").entity(String.class).satisfies(masked -> {
			assertThat(masked).isNotEqualTo(phone).contains("****");
		});

		Session resident = this.api.login(Fixtures.unique("nosy"));
		expectCode(this.api.as(resident).documentName("userByPhone").variable("phone", phone).execute(), "FORBIDDEN");
		expectCode(this.api.as(admin).documentName("userByPhone").variable("phone", "12345").execute(), "BAD_REQUEST");
	}

	@Test
	void bootstrapAdminBecomesCenterAdminOnLogin() {
		Fixtures.Tree tree = this.fixtures.tree();
		Session bootstrap = this.api.login("bootstrap-admin");
		this.api.as(bootstrap).documentName("me").execute().path("me.roleGrants[*].orgUnitId")
			.entityList(String.class).contains(Long.toString(tree.center()));
	}

	/** The console's 角色 screen: who holds which admin role in a subtree, paged, scoped like other admin reads. */
	@Test
	void adminRoleGrantsListsTheSubtreesAdminsToAdminsCoveringIt() {
		Fixtures.Tree tree = this.fixtures.tree();
		Session center = this.api.login(Fixtures.unique("cadmin"));
		this.fixtures.grant(center.userId(), "CENTER_ADMIN", tree.center());
		Session stationAdmin = this.api.login(Fixtures.unique("sadmin"));
		Session instituteAdmin = this.api.login(Fixtures.unique("iadmin"));
		grant(this.api.as(center), stationAdmin.userId(), "STATION_ADMIN", tree.station()).path("grantRole.role")
			.entity(String.class).isEqualTo("STATION_ADMIN");
		grant(this.api.as(center), instituteAdmin.userId(), "INSTITUTE_ADMIN", tree.institute()).path("grantRole.role")
			.entity(String.class).isEqualTo("INSTITUTE_ADMIN");
		// Not an admin role: stays out of the list.
		this.fixtures.grant(stationAdmin.userId(), "TEAM_LEADER", tree.station());

		var all = this.api.as(center).documentName("adminRoleGrants").variable("orgUnitId", tree.center()).execute();
		all.path("adminRoleGrants.edges[*].node.role").entityList(String.class)
			.containsExactly("CENTER_ADMIN", "STATION_ADMIN", "INSTITUTE_ADMIN");
		all.path("adminRoleGrants.edges[*].node.user.id").entityList(String.class)
			.containsExactly(String.valueOf(center.userId()), String.valueOf(stationAdmin.userId()),
					String.valueOf(instituteAdmin.userId()));
		var first = this.api.as(center).documentName("adminRoleGrants").variable("orgUnitId", tree.center())
			.variable("first", 2).execute();
		first.path("adminRoleGrants.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		this.api.as(center).documentName("adminRoleGrants").variable("orgUnitId", tree.center())
			.variable("after", first.path("adminRoleGrants.pageInfo.endCursor").entity(String.class).get())
			.execute()
			.path("adminRoleGrants.edges[*].node.orgUnitId").entityList(String.class)
			.containsExactly(String.valueOf(tree.institute()));

		// A station admin sees the grants on their station, not those above it; outsiders are refused.
		this.api.as(stationAdmin).documentName("adminRoleGrants").variable("orgUnitId", tree.station()).execute()
			.path("adminRoleGrants.edges[*].node.user.id").entityList(String.class)
			.containsExactly(String.valueOf(stationAdmin.userId()));
		expectCode(this.api.as(stationAdmin).documentName("adminRoleGrants").variable("orgUnitId", tree.center())
			.execute(), "FORBIDDEN");
		Session foreign = this.api.login(Fixtures.unique("fca"));
		this.fixtures.grant(foreign.userId(), "CENTER_ADMIN", this.fixtures.tree().center());
		expectCode(this.api.as(foreign).documentName("adminRoleGrants").variable("orgUnitId", tree.center()).execute(),
				"FORBIDDEN");
		expectCode(this.api.anonymous().documentName("adminRoleGrants").variable("orgUnitId", tree.center()).execute(),
				"UNAUTHENTICATED");

		// Revoked: gone from the list at once.
		this.api.as(center).documentName("revokeRole").variable("userId", stationAdmin.userId())
			.variable("role", "STATION_ADMIN").variable("orgUnitId", tree.station()).execute()
			.path("revokeRole").entity(Boolean.class).isEqualTo(true);
		this.api.as(center).documentName("adminRoleGrants").variable("orgUnitId", tree.center()).execute()
			.path("adminRoleGrants.edges[*].node.role").entityList(String.class)
			.containsExactly("CENTER_ADMIN", "INSTITUTE_ADMIN");
	}

	/**
	 * Nobody changes their own admin roles: a center admin who is also a station's 站长 could drop
	 * that role and take another station's for a moment — long enough to rate their own station from
	 * it (站互评) or to correct its spot checks — and put things back. A colleague must do it.
	 */
	@Test
	void nobodyGrantsOrRevokesTheirOwnRole() {
		Fixtures.Tree tree = this.fixtures.tree();
		long other = this.fixtures.unit(tree.institute(), "STATION", Fixtures.unique("站"), null, null);
		Session admin = this.api.login(Fixtures.unique("self-admin"));
		this.fixtures.grant(admin.userId(), "CENTER_ADMIN", tree.center());
		this.fixtures.grant(admin.userId(), "STATION_ADMIN", tree.station());

		expectCode(grant(this.api.as(admin), admin.userId(), "STATION_ADMIN", other), "ROLE_GRANT_OWN");
		expectCode(this.api.as(admin).documentName("revokeRole").variable("userId", admin.userId())
			.variable("role", "STATION_ADMIN").variable("orgUnitId", tree.station()).execute(), "ROLE_GRANT_OWN");
		assertThat(this.jdbc.queryForList("SELECT org_unit_id FROM user_role WHERE user_id = ? ORDER BY org_unit_id",
				Long.class, admin.userId())).containsExactly(tree.center(), tree.station());

		// A colleague may.
		Session colleague = this.api.login(Fixtures.unique("colleague-admin"));
		this.fixtures.grant(colleague.userId(), "CENTER_ADMIN", tree.center());
		grant(this.api.as(colleague), admin.userId(), "STATION_ADMIN", other).path("grantRole.role")
			.entity(String.class).isEqualTo("STATION_ADMIN");
	}

	@Test
	void aBootstrapAdminRevokedByAColleagueIsNotReGrantedByTheNextLogin() {
		Fixtures.Tree tree = this.fixtures.tree();
		Session bootstrap = this.api.login("bootstrap-admin");
		String center = Long.toString(tree.center());
		this.api.as(bootstrap).documentName("me").execute().path("me.roleGrants[*].orgUnitId")
			.entityList(String.class).contains(center);

		Session colleague = this.api.login(Fixtures.unique("colleague-admin"));
		this.fixtures.grant(colleague.userId(), "CENTER_ADMIN", tree.center());
		this.api.as(colleague).documentName("revokeRole").variable("userId", bootstrap.userId())
			.variable("role", "CENTER_ADMIN").variable("orgUnitId", tree.center()).execute()
			.path("revokeRole").entity(Boolean.class).isEqualTo(true);

		// The history tells the system's grant from the colleague's revocation.
		assertThat(this.jdbc.queryForList("""
				SELECT CONCAT(kind, ' ', cause, ' ', COALESCE(actor_user_id, '-')) FROM user_role_event
				WHERE user_id = ? AND role = 'CENTER_ADMIN' AND org_unit_id = ? ORDER BY id""", String.class,
				bootstrap.userId(), tree.center()))
			.containsExactly("GRANTED BOOTSTRAP_ADMIN -", "REVOKED ADMIN " + colleague.userId());

		Session again = this.api.login("bootstrap-admin");
		this.api.as(again).documentName("me").execute().path("me.roleGrants[*].orgUnitId")
			.entityList(String.class).doesNotContain(center);
		// A center opened later is still granted on the next login (once).
		Fixtures.Tree later = this.fixtures.tree();
		Session next = this.api.login("bootstrap-admin");
		this.api.as(next).documentName("me").execute().path("me.roleGrants[*].orgUnitId")
			.entityList(String.class).contains(Long.toString(later.center())).doesNotContain(center);
	}


	/**
	 * A double-tapped grant after a revocation: the revoked row's uk_user_role entry stays in the
	 * index, delete-marked, until purge; both INSERT IGNOREs share-lock it and wait for each other,
	 * and the deadlock victim answered CONFLICT although the role was granted (DeleteMarkedKey makes
	 * the race certain).
	 */
	@Test
	void aDoubleTappedGrantAfterARevocationGrantsOnceAndAnswersBoth() throws Exception {
		Fixtures.Tree tree = this.fixtures.tree();
		Session center = this.api.login(Fixtures.unique("cadmin"));
		this.fixtures.grant(center.userId(), "CENTER_ADMIN", tree.center());
		Session target = this.api.login(Fixtures.unique("sadmin"));
		grant(this.api.as(center), target.userId(), "STATION_ADMIN", tree.station()).path("grantRole.role")
			.entity(String.class).isEqualTo("STATION_ADMIN");
		Callable<String> tap = () -> {
			String code = ApiErrors.codeOf(grant(this.api.as(center), target.userId(), "STATION_ADMIN", tree.station()));
			return (code != null) ? code : "OK";
		};
		List<String> outcomes;
		try (DeleteMarkedKey held = DeleteMarkedKey.hold(this.jdbc.getDataSource())) {
			this.api.as(center).documentName("revokeRole").variable("userId", target.userId())
				.variable("role", "STATION_ADMIN").variable("orgUnitId", tree.station()).execute()
				.path("revokeRole").entity(Boolean.class).isEqualTo(true);
			outcomes = held.race("""
					SELECT id FROM user_role FORCE INDEX (uk_user_role)
					WHERE user_id = ? AND role = 'STATION_ADMIN' AND scope_key = ? LOCK IN SHARE MODE""",
					List.of(target.userId(), tree.station()), Collections.nCopies(4, tap));
		}
		assertThat(outcomes).containsOnly("OK");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM user_role WHERE user_id = ? AND role = 'STATION_ADMIN'",
				Integer.class, target.userId())).isEqualTo(1);
		// The retried grant wrote its event in the retried transaction: one grant, one event.
		assertThat(this.jdbc.queryForList("SELECT kind FROM user_role_event WHERE user_id = ? ORDER BY id",
				String.class, target.userId())).containsExactly("GRANTED", "REVOKED", "GRANTED");
	}

}
