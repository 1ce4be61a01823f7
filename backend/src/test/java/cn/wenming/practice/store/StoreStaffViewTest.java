package cn.wenming.practice.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.points.PointsScenario;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Scenario;
import cn.wenming.practice.testinfra.Volunteers;
import org.junit.jupiter.api.Test;

/**
 * What the console's 爱心超市 screens need beyond the mini-program: withdrawn rewards stay findable
 * for the store's admins, and the redemption list names who redeemed, masked by the viewer's rights.
 */
@IntegrationTest
class StoreStaffViewTest {

	@Scenario
	PointsScenario s;

	private String createReward(Session as, String name) {
		Map<String, Object> input = new HashMap<>();
		input.put("stationId", Long.toString(this.s.tree.station()));
		input.put("name", name);
		input.put("kind", "GOODS");
		input.put("pricePoints", 10);
		input.put("stock", 5);
		input.put("perPersonLimit", 2);
		return this.s.api.as(as).documentName("createReward").variable("input", input).execute()
			.path("createReward.id").entity(String.class).get();
	}

	@Test
	void withdrawnRewardsAreListedForTheStoresAdminsOnly() {
		String withdrawn = createReward(this.s.admin, "已下架的毛巾");
		String active = createReward(this.s.admin, "在售的大米");
		this.s.api.as(this.s.admin).documentName("withdrawReward").variable("rewardId", withdrawn).execute()
			.path("withdrawReward.status").entity(String.class).isEqualTo("WITHDRAWN");
		String station = Long.toString(this.s.tree.station());

		this.s.api.as(this.s.admin).documentName("rewardsIncludingWithdrawn").variable("stationId", station).execute()
			.path("rewards[*].id").entityList(String.class).containsExactly(active, withdrawn)
			.path("rewards[*].status").entityList(String.class).containsExactly("ACTIVE", "WITHDRAWN")
			.path("rewards[1].stock").entity(Integer.class).isEqualTo(5);
		// The public list is unchanged.
		this.s.api.anonymous().documentName("rewards").variable("stationId", station).execute()
			.path("rewards[*].id").entityList(String.class).containsExactly(active);
		ApiErrors.expectCode(this.s.api.anonymous().documentName("rewardsIncludingWithdrawn")
			.variable("stationId", station).execute(), "UNAUTHENTICATED");
		Session resident = this.s.api.login(Fixtures.unique("store-resident"));
		ApiErrors.expectCode(this.s.api.as(resident).documentName("rewardsIncludingWithdrawn")
			.variable("stationId", station).execute(), "FORBIDDEN");
		Session otherAdmin = this.s.api.login(Fixtures.unique("store-other"));
		this.s.fixtures.grant(otherAdmin.userId(), "STATION_ADMIN", this.s.fixtures.tree().station());
		ApiErrors.expectCode(this.s.api.as(otherAdmin).documentName("rewardsIncludingWithdrawn")
			.variable("stationId", station).execute(), "FORBIDDEN");
	}

	@Test
	void theRedemptionListNamesWhoRedeemedMaskedByTheViewersRights() {
		String reward = createReward(this.s.admin, "手工皂");
		// One volunteer of this station, one from another institute's station redeeming here.
		Session local = this.s.api.login(Fixtures.unique("store-local"));
		Volunteers.register(this.s.api.as(local), this.s.tree.station(), "王小明", List.of("摄影"), List.of("CULTURE"));
		Fixtures.Tree elsewhere = this.s.fixtures.tree();
		Session visitor = this.s.api.login(Fixtures.unique("store-visitor"));
		Volunteers.register(this.s.api.as(visitor), elsewhere.station(), "李大伟", List.of("摄影"), List.of("CULTURE"));
		Session visitorsAdmin = this.s.api.login(Fixtures.unique("store-visitors-admin"));
		this.s.fixtures.grant(visitorsAdmin.userId(), "STATION_ADMIN", elsewhere.station());
		this.s.adjust(this.s.admin, local.userId(), 50, "积分");
		this.s.adjust(visitorsAdmin, visitor.userId(), 50, "积分");
		String localOrder = redeem(local, reward);
		String visitorOrder = redeem(visitor, reward);

		Map<String, String> byOrder = redeemers(this.s.admin);
		// The station admin covers the local volunteer (full name), not the visitor (masked).
		org.assertj.core.api.Assertions.assertThat(byOrder).containsEntry(localOrder, "王小明")
			.containsEntry(visitorOrder, "李**");
		// Anyone else may not list the store at all.
		Session stranger = this.s.api.login(Fixtures.unique("store-stranger"));
		ApiErrors.expectCode(this.s.api.as(stranger).documentName("stationRedemptionsRedeemers")
			.variable("stationId", Long.toString(this.s.tree.station())).execute(), "FORBIDDEN");
		// The owner sees their own order named in full.
		this.s.api.as(visitor).documentName("myRedemptionsRedeemer").execute()
			.path("myRedemptions.edges[0].node.redeemerName").entity(String.class).isEqualTo("李大伟");
	}

	private String redeem(Session as, String rewardId) {
		return this.s.api.as(as).documentName("redeem").variable("rewardId", rewardId).variable("quantity", 1)
			.variable("idempotencyKey", Fixtures.unique("key-")).execute().path("redeem.id").entity(String.class).get();
	}

	@SuppressWarnings("unchecked")
	private Map<String, String> redeemers(Session as) {
		List<Map<String, Object>> edges = this.s.api.as(as).documentName("stationRedemptionsRedeemers")
			.variable("stationId", Long.toString(this.s.tree.station())).execute()
			.path("stationRedemptions.edges").entityList(Map.class).get().stream().map(e -> (Map<String, Object>) e).toList();
		Map<String, String> byOrder = new HashMap<>();
		edges.forEach(edge -> {
			Map<String, Object> node = (Map<String, Object>) edge.get("node");
			byOrder.put((String) node.get("id"), (String) node.get("redeemerName"));
		});
		return byOrder;
	}

}
