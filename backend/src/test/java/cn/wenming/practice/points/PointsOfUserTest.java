package cn.wenming.practice.points;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * {@code pointsOf}: the account a corrections screen shows before an admin adjusts or reverses —
 * readable by the user and by exactly the admins who may correct it, each entry saying who made it
 * and whether it was reversed already.
 */
@IntegrationTest
class PointsOfUserTest {

	@Scenario
	PointsScenario s;

	private GraphQlTester.Response pointsOf(Session as, long userId) {
		return this.s.api.as(as).documentName("pointsOf").variable("userId", Long.toString(userId)).execute();
	}

	@Test
	void theCorrectingAdminSeesTheLedgerWithOperatorsAndReversals() {
		Session volunteer = this.s.volunteer("points-of");
		String first = this.s.adjust(this.s.admin, volunteer.userId(), 30, "活动补记").path("adjustPoints.id")
			.entity(String.class).get();
		this.s.adjust(this.s.admin, volunteer.userId(), 12, "好评奖励补记");
		this.s.reverse(this.s.admin, first, "重复补记");

		pointsOf(this.s.admin, volunteer.userId()).path("pointsOf.balance").entity(Integer.class).isEqualTo(12)
			.path("pointsOf.entries.edges[*].node.delta").entityList(Integer.class).containsExactly(-30, 12, 30)
			.path("pointsOf.entries.edges[*].node.type").entityList(String.class)
			.containsExactly("REVERSAL", "ADJUSTMENT", "ADJUSTMENT")
			.path("pointsOf.entries.edges[*].node.reversed").entityList(Boolean.class)
			.containsExactly(false, false, true)
			// The admin is no volunteer and has no nickname: named by id, never left blank.
			.path("pointsOf.entries.edges[0].node.operatorName").entity(String.class)
			.isEqualTo("用户 " + this.s.admin.userId());
		// Paged like every list.
		this.s.api.as(this.s.admin).documentName("pointsOf").variable("userId", Long.toString(volunteer.userId()))
			.variable("first", 2).execute().path("pointsOf.entries.edges").entityList(Object.class).hasSize(2)
			.path("pointsOf.entries.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		// The user sees their own account too.
		pointsOf(volunteer, volunteer.userId()).path("pointsOf.balance").entity(Integer.class).isEqualTo(12);

		// An entry nobody operated (a redemption) has no operator name, beside ones that have.
		this.s.spendAtStore(volunteer, 5);
		pointsOf(this.s.admin, volunteer.userId()).path("pointsOf.entries.edges[*].node.type").entityList(String.class)
			.containsExactly("REDEMPTION", "REVERSAL", "ADJUSTMENT", "ADJUSTMENT")
			.path("pointsOf.entries.edges[0].node.operatorName").valueIsNull()
			.path("pointsOf.entries.edges[1].node.operatorName").entity(String.class)
			.isEqualTo("用户 " + this.s.admin.userId());
	}

	@Test
	void nobodyElseReadsSomeonesPoints() {
		Session volunteer = this.s.volunteer("points-of-private");
		this.s.adjust(this.s.admin, volunteer.userId(), 5, "补记");
		Session stranger = this.s.api.login(Fixtures.unique("points-of-stranger"));
		Session otherAdmin = this.s.api.login(Fixtures.unique("points-of-other"));
		this.s.fixtures.grant(otherAdmin.userId(), "STATION_ADMIN", this.s.fixtures.tree().station());
		ApiErrors.expectCode(pointsOf(stranger, volunteer.userId()), "FORBIDDEN");
		ApiErrors.expectCode(pointsOf(otherAdmin, volunteer.userId()), "FORBIDDEN");
		ApiErrors.expectCode(this.s.api.anonymous().documentName("pointsOf")
			.variable("userId", Long.toString(volunteer.userId())).execute(), "UNAUTHENTICATED");
		// Someone who is no volunteer: only a center admin, as for adjustments.
		ApiErrors.expectCode(pointsOf(this.s.admin, stranger.userId()), "FORBIDDEN");
	}

}
