package cn.wenming.practice.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Race;
import cn.wenming.practice.testinfra.Scenario;
import cn.wenming.practice.testinfra.SqlCounter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 角色变更记录: every grant and revocation of a role leaves an event (who, when, by whom, why), so
 * who was 站长 of a station when, and who removed them, can be answered after the fact.
 */
@IntegrationTest
class RoleHistoryTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SqlCounter sql;

	@Scenario
	Api api;

	@Scenario
	Fixtures fixtures;

	private GraphQlTester.Response grant(Session as, long userId, String role, long unitId) {
		return this.api.as(as).documentName("grantRole").variable("userId", userId).variable("role", role)
			.variable("orgUnitId", unitId).execute();
	}

	private GraphQlTester.Response revoke(Session as, long userId, String role, long unitId, String reason) {
		return this.api.as(as).documentName("revokeRole").variable("userId", userId).variable("role", role)
			.variable("orgUnitId", unitId).variable("reason", reason).execute();
	}

	private GraphQlTester.Response history(Session as, long unitId, Integer first, String after) {
		return this.api.as(as).documentName("roleHistory").variable("orgUnitId", unitId).variable("first", first)
			.variable("after", after).execute();
	}

	private Session centerAdmin(Fixtures.Tree tree, String prefix) {
		Session admin = this.api.login(Fixtures.unique(prefix));
		this.fixtures.grant(admin.userId(), "CENTER_ADMIN", tree.center());
		return admin;
	}

	/** Other admins read a revocation's reason: it passes msgSecCheck first, and a refused one revokes nothing. */
	@Test
	void aRiskyRevocationReasonIsRefusedAndTheRoleKept() {
		Fixtures.Tree tree = this.fixtures.tree();
		Session admin = centerAdmin(tree, "granter");
		Session target = this.api.login(Fixtures.unique("zhanzhang"));
		grant(admin, target.userId(), "STATION_ADMIN", tree.station()).path("grantRole.role").entity(String.class)
			.isEqualTo("STATION_ADMIN");

		ApiErrors.expectCode(revoke(admin, target.userId(), "STATION_ADMIN", tree.station(), "RISKY 理由"),
				"CONTENT_REJECTED");

		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM user_role WHERE user_id = ? AND role = 'STATION_ADMIN'",
				Integer.class, target.userId())).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM user_role_event WHERE user_id = ? AND kind = 'REVOKED'",
				Integer.class, target.userId())).isZero();
	}

	@Test
	void grantThenRevokeLeavesTwoEventsNewestFirstWithTheirActorsAndTheReason() {
		Fixtures.Tree tree = this.fixtures.tree();
		Session granter = centerAdmin(tree, "granter");
		Session revoker = centerAdmin(tree, "revoker");
		Session target = this.api.login(Fixtures.unique("zhanzhang"));

		grant(granter, target.userId(), "STATION_ADMIN", tree.station()).path("grantRole.role").entity(String.class)
			.isEqualTo("STATION_ADMIN");
		// A double tap grants nothing new and leaves no second event.
		grant(granter, target.userId(), "STATION_ADMIN", tree.station()).path("grantRole.role").entity(String.class)
			.isEqualTo("STATION_ADMIN");
		revoke(revoker, target.userId(), "STATION_ADMIN", tree.station(), "  调离本站  ").path("revokeRole")
			.entity(Boolean.class).isEqualTo(true);
		// Revoking a role no longer held answers false, as before, and records nothing.
		revoke(revoker, target.userId(), "STATION_ADMIN", tree.station(), "再撤一次").path("revokeRole")
			.entity(Boolean.class).isEqualTo(false);

		String user = String.valueOf(target.userId());
		var all = history(granter, tree.center(), null, null);
		all.path("roleHistory.edges[*].node.kind").entityList(String.class).containsExactly("REVOKED", "GRANTED");
		all.path("roleHistory.edges[*].node.userId").entityList(String.class).containsExactly(user, user);
		all.path("roleHistory.edges[*].node.role").entityList(String.class)
			.containsExactly("STATION_ADMIN", "STATION_ADMIN");
		all.path("roleHistory.edges[*].node.orgUnitId").entityList(String.class)
			.containsExactly(String.valueOf(tree.station()), String.valueOf(tree.station()));
		all.path("roleHistory.edges[*].node.actorUserId").entityList(String.class)
			.containsExactly(String.valueOf(revoker.userId()), String.valueOf(granter.userId()));
		all.path("roleHistory.edges[*].node.cause").entityList(String.class).containsExactly("ADMIN", "ADMIN");
		all.path("roleHistory.edges[0].node.reason").entity(String.class).isEqualTo("调离本站");
		all.path("roleHistory.edges[1].node.reason").valueIsNull();
		// Staff without a volunteer profile or nickname are named by number, never by phone.
		all.path("roleHistory.edges[0].node.userName").entity(String.class).isEqualTo("用户 " + user);
		all.path("roleHistory.edges[0].node.actorName").entity(String.class).isEqualTo("用户 " + revoker.userId());

		// Paged like the other connections.
		var first = history(granter, tree.center(), 1, null);
		first.path("roleHistory.edges[*].node.kind").entityList(String.class).containsExactly("REVOKED");
		first.path("roleHistory.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		history(granter, tree.center(), 1,
				first.path("roleHistory.pageInfo.endCursor").entity(String.class).get())
			.path("roleHistory.edges[*].node.kind").entityList(String.class).containsExactly("GRANTED");

		// The reason is bounded.
		grant(granter, target.userId(), "STATION_ADMIN", tree.station());
		ApiErrors.expectCode(revoke(revoker, target.userId(), "STATION_ADMIN", tree.station(), "长".repeat(201)),
				"BAD_REQUEST");
		assertThat(this.jdbc.queryForList("""
				SELECT kind FROM user_role_event WHERE user_id = ? ORDER BY id""", String.class, target.userId()))
			.containsExactly("GRANTED", "REVOKED", "GRANTED");
	}

	@Test
	void onlyAdminsOverTheUnitReadItsHistory() {
		Fixtures.Tree tree = this.fixtures.tree();
		Session admin = centerAdmin(tree, "ca");
		Session target = this.api.login(Fixtures.unique("sa"));
		grant(admin, target.userId(), "STATION_ADMIN", tree.station());

		// The station's own admin sees the station's history, not the county's.
		history(target, tree.station(), null, null).path("roleHistory.edges[*].node.kind").entityList(String.class)
			.containsExactly("GRANTED");
		ApiErrors.expectCode(history(target, tree.center(), null, null), "FORBIDDEN");

		Session resident = this.api.login(Fixtures.unique("resident"));
		ApiErrors.expectCode(history(resident, tree.station(), null, null), "FORBIDDEN");
		Session foreign = centerAdmin(this.fixtures.tree(), "foreign");
		ApiErrors.expectCode(history(foreign, tree.center(), null, null), "FORBIDDEN");
		ApiErrors.expectCode(history(foreign, tree.station(), null, null), "FORBIDDEN");
		ApiErrors.expectCode(this.api.anonymous().documentName("roleHistory").variable("orgUnitId", tree.center())
			.execute(), "UNAUTHENTICATED");
	}

	/**
	 * Two admins grant and revoke one 站长 role at once, many times: each call's row change and its
	 * event commit together under the row's lock, so the events alternate and the last one tells
	 * whether the role is held.
	 */
	@Test
	void concurrentGrantsAndRevokesLeaveAHistoryThatAlternatesAndEndsInTheFinalState() throws Exception {
		Fixtures.Tree tree = this.fixtures.tree();
		Session granter = centerAdmin(tree, "race-granter");
		Session revoker = centerAdmin(tree, "race-revoker");
		Session target = this.api.login(Fixtures.unique("race-target"));
		int revoked = 0;
		for (int round = 0; round < 4; round++) {
			List<Callable<String>> calls = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				calls.add(() -> {
					var response = grant(granter, target.userId(), "STATION_ADMIN", tree.station());
					String code = ApiErrors.codeOf(response);
					return (code != null) ? code : "granted";
				});
				calls.add(() -> {
					var response = revoke(revoker, target.userId(), "STATION_ADMIN", tree.station(), "轮换");
					String code = ApiErrors.codeOf(response);
					if (code != null) {
						return code;
					}
					return response.path("revokeRole").entity(Boolean.class).get() ? "revoked" : "not held";
				});
			}
			List<String> outcomes = Race.run(calls);
			assertThat(outcomes).doesNotContain("CONFLICT", "INTERNAL").allMatch(o -> o.equals("granted")
					|| o.equals("revoked") || o.equals("not held"));
			revoked += (int) outcomes.stream().filter("revoked"::equals).count();
		}
		List<Map<String, Object>> events = this.jdbc.queryForList("""
				SELECT kind, actor_user_id FROM user_role_event
				WHERE user_id = ? AND role = 'STATION_ADMIN' AND org_unit_id = ? ORDER BY id""", target.userId(),
				tree.station());
		assertThat(events).isNotEmpty();
		for (int i = 0; i < events.size(); i++) {
			assertThat(events.get(i).get("kind")).as("event %d of %s", i, events)
				.isEqualTo((i % 2 == 0) ? "GRANTED" : "REVOKED");
			assertThat(((Number) events.get(i).get("actor_user_id")).longValue())
				.isEqualTo((i % 2 == 0) ? granter.userId() : revoker.userId());
		}
		assertThat(events.stream().filter(e -> "REVOKED".equals(e.get("kind"))).count()).isEqualTo(revoked);
		boolean held = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM user_role WHERE user_id = ? AND role = 'STATION_ADMIN' AND org_unit_id = ?",
				Integer.class, target.userId(), tree.station()) == 1;
		assertThat(held).isEqualTo("GRANTED".equals(events.get(events.size() - 1).get("kind")));
	}


	/** Names come in one batch per page: a page of 12 events costs what a page of 2 does. */
	@Test
	void aPageOfEventsIsNamedInBatches() {
		Fixtures.Tree small = this.fixtures.tree();
		Fixtures.Tree large = this.fixtures.tree();
		Session admin = this.api.login(Fixtures.unique("batch-admin"));
		this.fixtures.grant(admin.userId(), "CENTER_ADMIN", small.center());
		this.fixtures.grant(admin.userId(), "CENTER_ADMIN", large.center());
		for (int i = 0; i < 12; i++) {
			Session user = this.api.login(Fixtures.unique("batch-" + i));
			grant(admin, user.userId(), "STATION_ADMIN", ((i < 2) ? small : large).station());
		}
		var few = this.sql.measure(() -> history(admin, small.center(), null, null)
			.path("roleHistory.edges[*].node.userName").entityList(String.class).get().size());
		var many = this.sql.measure(() -> history(admin, large.center(), null, null)
			.path("roleHistory.edges[*].node.actorName").entityList(String.class).get().size());
		assertThat(few.result()).isEqualTo(2);
		assertThat(many.result()).isEqualTo(10);
		assertThat(many.count()).as("statements for 10 events: %s", many.statements()).isEqualTo(few.count());
	}

}
