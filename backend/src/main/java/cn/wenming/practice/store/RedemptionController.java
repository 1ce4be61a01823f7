package cn.wenming.practice.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import cn.wenming.practice.volunteer.VolunteerDirectory;
import graphql.relay.Connection;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** 爱心超市: rewards, redemptions, pickup and cancellation. */
@Controller
class RedemptionController {

	private final RedemptionService service;

	private final VolunteerDirectory volunteers;

	RedemptionController(RedemptionService service, VolunteerDirectory volunteers) {
		this.service = service;
		this.volunteers = volunteers;
	}

	/** Input of {@code createReward}. */
	record CreateRewardInput(@NotNull Long stationId, @NotBlank @Size(max = 64) String name,
			@Size(max = 512) @Pattern(regexp = "https://\\S+") String pictureUrl, @NotNull RewardKind kind,
			@NotNull @Min(1) @Max(1_000_000) Integer pricePoints, @NotNull @Min(0) @Max(1_000_000) Integer stock,
			@NotNull @Min(1) @Max(1000) Integer perPersonLimit, Instant availableFrom, Instant availableUntil,
			@Pattern(regexp = "[A-Za-z0-9_\\-]{8,64}") String idempotencyKey) {
	}

	@QueryMapping
	List<Reward> rewards(@Argument @NotNull Long stationId, @Argument Boolean includeWithdrawn) {
		return Boolean.TRUE.equals(includeWithdrawn) ? this.service.allRewardsOf(stationId)
				: this.service.rewardsOf(stationId);
	}

	@QueryMapping
	Connection<Redemption> myRedemptions(@Argument Integer first, @Argument String after) {
		return this.service.mine(first, after);
	}

	@QueryMapping
	Connection<Redemption> stationRedemptions(@Argument @NotNull Long stationId, @Argument RedemptionStatus status,
			@Argument Instant from, @Argument Instant to, @Argument Integer first, @Argument String after) {
		return this.service.ofStation(stationId, status, from, to, first, after);
	}

	@MutationMapping
	Reward createReward(@Argument @Valid CreateRewardInput input) {
		return this.service.create(new RedemptionService.NewReward(input.stationId(), input.name(), input.pictureUrl(),
				input.kind(), input.pricePoints(), input.stock(), input.perPersonLimit(), input.availableFrom(),
				input.availableUntil(), input.idempotencyKey()));
	}

	@MutationMapping
	Reward restockReward(@Argument @NotNull Long rewardId, @Argument @NotNull @Min(1) @Max(1_000_000) Integer quantity) {
		return this.service.restock(rewardId, quantity);
	}

	@MutationMapping
	Reward withdrawReward(@Argument @NotNull Long rewardId) {
		return this.service.withdraw(rewardId);
	}

	@MutationMapping
	Redemption redeem(@Argument @NotNull Long rewardId, @Argument @NotNull Integer quantity,
			@Argument @NotNull String idempotencyKey) {
		return this.service.redeem(rewardId, quantity, idempotencyKey);
	}

	@MutationMapping
	Redemption fulfilRedemption(@Argument @NotBlank @Size(max = 64) String code) {
		return this.service.fulfil(code);
	}

	@MutationMapping
	Redemption cancelRedemption(@Argument @NotNull Long id) {
		return this.service.cancel(id);
	}

	@BatchMapping(typeName = "Redemption")
	List<Reward> reward(List<Redemption> orders) {
		Map<Long, Reward> byId = this.service
			.rewardsByIds(orders.stream().map(Redemption::getRewardId).collect(Collectors.toSet()));
		return orders.stream().map(order -> byId.get(order.getRewardId())).toList();
	}

	/** Who redeemed: for the owner and the store's admins only, named by the volunteer feature's masking rules. */
	@BatchMapping(typeName = "Redemption")
	Map<Redemption, String> redeemerName(List<Redemption> orders) {
		Set<Long> visible = this.service.redeemersVisibleToCaller(orders);
		Map<Long, String> names = this.volunteers.displayNames(visible);
		// A map, not a list: the orders the caller may not see named are left out (null), which a list may not hold.
		Map<Redemption, String> byOrder = new java.util.IdentityHashMap<>();
		orders.stream().filter(order -> visible.contains(order.getUserId()))
			.forEach(order -> byOrder.put(order, names.get(order.getUserId())));
		return byOrder;
	}

	@SchemaMapping(typeName = "Redemption")
	String pickupCode(Redemption order) {
		return this.service.pickupCodeFor(order);
	}

}
