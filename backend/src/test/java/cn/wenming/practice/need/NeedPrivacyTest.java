package cn.wenming.practice.need;

import java.util.Map;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who sees a need's contact name, phone, exact address, coordinates and timeline: the resident,
 * the assignee (volunteer, or the assigned team's leader but not its members) and admins covering
 * the station; everyone else sees the public fields only, and the wish wall never carries them.
 */
@IntegrationTest
class NeedPrivacyTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	cn.wenming.practice.testinfra.MutableClock clock;

	@Scenario
	NeedScenario s;

	Session instituteAdmin;

	Session foreignAdmin;

	Session otherResident;

	@BeforeEach
	void setUp() {
		this.instituteAdmin = this.s.api.login(Fixtures.unique("inst-admin"));
		this.s.fixtures.grant(this.instituteAdmin.userId(), "INSTITUTE_ADMIN", this.s.tree.institute());
		Fixtures.Tree other = this.s.fixtures.tree();
		this.foreignAdmin = this.s.api.login(Fixtures.unique("foreign-admin"));
		this.s.fixtures.grant(this.foreignAdmin.userId(), "STATION_ADMIN", other.station());
		this.otherResident = this.s.api.login(Fixtures.unique("other-resident"));
	}

	/** What the caller sees of the need: "none", "private" (everything) or "public" (no private field). */
	private String sees(Session as, String needId) {
		var response = this.s.need(as, needId);
		Map<String, Object> data = response.returnResponse().getData();
		@SuppressWarnings("unchecked")
		Map<String, Object> need = (Map<String, Object>) data.get("need");
		if (need == null) {
			return "none";
		}
		boolean phone = "13812345678".equals(need.get("contactPhone"));
		boolean name = "张秀英".equals(need.get("contactName"));
		boolean address = need.get("address") != null;
		boolean location = need.get("latitude") != null && need.get("longitude") != null;
		boolean timeline = !((java.util.List<?>) need.get("timeline")).isEmpty();
		assertThat(need.get("maskedContactName")).isEqualTo("张**");
		if (phone && name && address && location && timeline) {
			return "private";
		}
		assertThat(need.get("contactPhone")).isNull();
		assertThat(need.get("contactName")).isNull();
		assertThat(need.get("address")).isNull();
		assertThat(need.get("latitude")).isNull();
		assertThat(need.get("longitude")).isNull();
		assertThat(need.get("timeline")).asList().isEmpty();
		return "public";
	}

	@Test
	void privacyMatrixPerRole() {
		String needId = this.s.submitted("需要理发上门");
		// SUBMITTED: not yet public.
		assertThat(sees(this.s.resident, needId)).isEqualTo("private");
		assertThat(sees(this.s.admin, needId)).isEqualTo("private");
		assertThat(sees(this.instituteAdmin, needId)).isEqualTo("private");
		assertThat(sees(this.foreignAdmin, needId)).isEqualTo("none");
		assertThat(sees(this.otherResident, needId)).isEqualTo("none");
		assertThat(sees(this.s.volunteer, needId)).isEqualTo("none");
		ApiErrors.expectCode(this.s.api.anonymous().documentName("need").variable("id", needId).execute(),
				"UNAUTHENTICATED");

		// PUBLISHED: public fields for everyone logged in.
		this.s.byNeed(this.s.admin, "publishNeed", needId);
		assertThat(sees(this.s.resident, needId)).isEqualTo("private");
		assertThat(sees(this.s.admin, needId)).isEqualTo("private");
		assertThat(sees(this.instituteAdmin, needId)).isEqualTo("private");
		assertThat(sees(this.foreignAdmin, needId)).isEqualTo("public");
		assertThat(sees(this.otherResident, needId)).isEqualTo("public");
		assertThat(sees(this.s.volunteer, needId)).isEqualTo("public");
		assertThat(sees(this.s.leader, needId)).isEqualTo("public");

		// Dispatched to the team: its leader sees, a plain member does not.
		this.s.dispatch(this.s.admin, needId, this.s.teamId, null);
		assertThat(sees(this.s.leader, needId)).isEqualTo("private");
		assertThat(sees(this.s.member, needId)).isEqualTo("public");
		assertThat(sees(this.s.volunteer, needId)).isEqualTo("public");

		// Declined and dispatched to the volunteer: now the volunteer sees, the leader no longer.
		this.s.withReason(this.s.leader, "declineNeed", needId, "人手不足");
		this.s.dispatch(this.s.admin, needId, null, this.s.volunteer.userId());
		assertThat(sees(this.s.volunteer, needId)).isEqualTo("private");
		assertThat(sees(this.s.leader, needId)).isEqualTo("public");
		assertThat(sees(this.otherResident, needId)).isEqualTo("public");
		assertThat(sees(this.foreignAdmin, needId)).isEqualTo("public");
	}

	@Test
	void theAssigneeSeesTheResidentsDataOnlyUntilSevenDaysAfterTheNeedCloses() {
		String rated = this.s.published(Fixtures.unique("评价后七天"));
		this.s.claim(this.s.volunteer, rated, null);
		this.s.byNeed(this.s.volunteer, "startNeed", rated);
		this.s.complete(this.s.volunteer, rated, Map.of(this.s.volunteer.userId(), 1.0));
		assertThat(sees(this.s.volunteer, rated)).isEqualTo("private");
		this.s.rate(this.s.resident, rated, 5).path("rateNeed.status").entity(String.class).isEqualTo("RATED");
		// The team's leader, for a closed-unrated need.
		String unrated = this.s.published(Fixtures.unique("未评价关闭"));
		this.s.claim(this.s.leader, unrated, this.s.teamId);
		this.s.byNeed(this.s.leader, "startNeed", unrated);
		this.s.complete(this.s.leader, unrated, Map.of(this.s.leader.userId(), 1.0));
		this.jdbc.update("UPDATE need SET status = 'CLOSED_UNRATED', closed_at = ? WHERE id = ?",
				java.sql.Timestamp.from(this.clock.instant()), Long.parseLong(unrated));

		this.clock.shift(java.time.Duration.ofDays(7).minusHours(1));
		assertThat(sees(this.s.volunteer, rated)).isEqualTo("private");
		assertThat(sees(this.s.leader, unrated)).isEqualTo("private");

		this.clock.shift(java.time.Duration.ofHours(2));
		assertThat(sees(this.s.volunteer, rated)).isEqualTo("public");
		assertThat(sees(this.s.leader, unrated)).isEqualTo("public");
		// The resident and the covering admins keep seeing everything.
		assertThat(sees(this.s.resident, rated)).isEqualTo("private");
		assertThat(sees(this.s.admin, rated)).isEqualTo("private");
		assertThat(sees(this.instituteAdmin, unrated)).isEqualTo("private");
	}

	@Test
	void wishWallAndListsCarryNoPrivateData() {
		String needId = this.s.published("心愿：想要一套课外书");
		for (var tester : new org.springframework.graphql.test.tester.GraphQlTester[] { this.s.api.anonymous(),
				this.s.api.as(this.otherResident) }) {
			var wall = tester.documentName("wishWall").variable("orgUnitId", Long.toString(this.s.tree.station()))
				.execute();
			wall.path("wishWall.edges[0].node.id").entity(String.class).isEqualTo(needId)
				.path("wishWall.edges[0].node.maskedContactName").entity(String.class).isEqualTo("张**")
				.path("wishWall.edges[0].node.stationName").entity(String.class).isNotEqualTo("")
				.path("wishWall.edges[0].node.category.name").entity(String.class).isEqualTo("生活服务");
			String body = String.valueOf(wall.path("wishWall").entity(Object.class).get());
			assertThat(body).doesNotContain("13812345678", "张秀英", "柴墟村 3 组", "32.3201");
		}
		// The Wish type has no private field to ask for.
		ApiErrors.expectCode(this.s.api.anonymous()
			.document("{ wishWall(orgUnitId: \"" + this.s.tree.station() + "\") { edges { node { contactPhone } } } }")
			.execute(), "BAD_REQUEST");

		// stationNeeds: covering admins only, with the private fields.
		this.s.api.as(this.instituteAdmin).documentName("stationNeeds")
			.variable("orgUnitId", Long.toString(this.s.tree.institute())).execute()
			.path("stationNeeds.edges[0].node.contactPhone").entity(String.class).isEqualTo("13812345678");
		ApiErrors.expectCode(this.s.api.as(this.foreignAdmin).documentName("stationNeeds")
			.variable("orgUnitId", Long.toString(this.s.tree.station())).execute(), "FORBIDDEN");
		ApiErrors.expectCode(this.s.api.as(this.s.volunteer).documentName("stationNeeds")
			.variable("orgUnitId", Long.toString(this.s.tree.station())).execute(), "FORBIDDEN");

		// myNeeds: only one's own.
		this.s.api.as(this.s.resident).documentName("myNeeds").execute()
			.path("myNeeds.edges[*].node.id").entityList(String.class).containsExactly(needId)
			.path("myNeeds.edges[0].node.contactPhone").entity(String.class).isEqualTo("13812345678");
		this.s.api.as(this.otherResident).documentName("myNeeds").execute()
			.path("myNeeds.edges").entityList(Object.class).hasSize(0);
	}

}
