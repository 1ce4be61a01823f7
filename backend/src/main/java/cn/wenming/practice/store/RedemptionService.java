package cn.wenming.practice.store;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import cn.wenming.practice.org.OrgError;
import cn.wenming.practice.shared.CommonError;
import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.auth.Actor;
import cn.wenming.practice.org.OrgDirectory;
import cn.wenming.practice.org.OrgLevel;
import cn.wenming.practice.org.OrgUnitRef;
import cn.wenming.practice.shared.Connections;
import cn.wenming.practice.shared.ContentSecurity;
import cn.wenming.practice.shared.CreationKeys;
import cn.wenming.practice.shared.DomainException;
import cn.wenming.practice.shared.OpsMetrics;
import cn.wenming.practice.shared.RecordCorrections;
import graphql.relay.Connection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * 爱心超市: a station's rewards and the redemptions of them, with who may do what. A store belongs
 * to a station; its admins — and the admins of the 所 and 中心 above it, who answer for it — add,
 * restock and withdraw rewards, hand them out ({@code fulfilRedemption}) and may cancel an order
 * for a resident. Everybody may list a store's rewards; any logged-in user may redeem.
 */
@Service
class RedemptionService {

	private static final Logger log = LoggerFactory.getLogger(RedemptionService.class);

	private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9_\\-]{8,64}");

	private static final Pattern PICKUP_CODE = Pattern.compile("[A-Z0-9]{1,32}");

	private final Redemptions redemptions;

	private final RewardMapper rewards;

	private final RecentRewards recentRewards;

	private final RedemptionMapper orders;

	private final AccessControl access;

	private final OrgDirectory orgs;

	private final RedemptionProperties properties;

	private final Clock clock;

	private final ContentSecurity content;

	RedemptionService(Redemptions redemptions, RewardMapper rewards, RecentRewards recentRewards, RedemptionMapper orders, AccessControl access,
			OrgDirectory orgs, RedemptionProperties properties, Clock clock, ContentSecurity content) {
		this.content = content;
		this.redemptions = redemptions;
		this.rewards = rewards;
		this.recentRewards = recentRewards;
		this.orders = orders;
		this.access = access;
		this.orgs = orgs;
		this.properties = properties;
		this.clock = clock;
	}

	/** What an admin gives for a new reward. */
	record NewReward(long stationId, String name, String pictureUrl, RewardKind kind, int pricePoints, int stock,
			int perPersonLimit, Instant availableFrom, Instant availableUntil, String idempotencyKey) {
	}

	Reward create(NewReward input) {
		OrgUnitRef station = this.orgs.find(input.stationId()).orElseThrow(() -> DomainException.notFound("站点"));
		// Rights first: someone who may not stock this store learns nothing of it, not even that it closed.
		Actor actor = this.access.requireAdminOver(station.path());
		// A resend (a double click, the console's retry of a 503 whose commit went through) answers the
		// reward created once, as it is now — also when the station closed since: looked up only now
		// that the caller may create here.
		CreationKeys.Create<Reward> keyed = CreationKeys.create(input.idempotencyKey(),
				RecordCorrections.digest("REWARD", station.id(), input.name().strip(), input.pictureUrl(), input.kind(),
						input.pricePoints(), input.stock(), input.perPersonLimit(), input.availableFrom(),
						input.availableUntil()),
				() -> this.rewards.findByKey(actor.userId(), input.idempotencyKey()), this.rewards::find);
		Reward earlier = keyed.earlier();
		if (earlier != null) {
			return earlier;
		}
		if (station.level() != OrgLevel.STATION) {
			throw DomainException.badRequest("爱心超市须属于新时代文明实践站");
		}
		if (!station.open()) {
			throw new DomainException(OrgError.ORG_UNIT_CLOSED);
		}
		if (input.availableFrom() != null && input.availableUntil() != null
				&& !input.availableFrom().isBefore(input.availableUntil())) {
			throw DomainException.badRequest("可兑换开始时间须早于结束时间");
		}
		// The name is shown in the store at once: it must pass msgSecCheck first (no transaction is open here).
		this.content.requirePass(this.access.openidOf(actor.userId()), ContentSecurity.Scene.FORUM, null,
				input.name());
		Instant now = this.clock.instant();
		Reward reward = new Reward();
		reward.setStationId(station.id());
		reward.setName(input.name().strip());
		reward.setPictureUrl(input.pictureUrl());
		reward.setKind(input.kind());
		reward.setPricePoints(input.pricePoints());
		reward.setPerPersonLimit(input.perPersonLimit());
		reward.setAvailableFrom(input.availableFrom());
		reward.setAvailableUntil(input.availableUntil());
		reward.setStatus(RewardStatus.ACTIVE);
		reward.setCreatedBy(actor.userId());
		reward.setCreatedAt(now);
		reward.setUpdatedAt(now);
		reward.idempotencyKey = input.idempotencyKey();
		reward.requestDigest = keyed.digest();
		return keyed.once(log, "Creating reward", () -> this.redemptions.create(reward, input.stock()), () -> {
			reward.setStock(input.stock());
			return reward;
		});
	}

	Reward restock(long rewardId, int quantity) {
		Reward reward = requireStoreAdmin(rewardId);
		if (reward.getStatus() != RewardStatus.ACTIVE) {
			throw new DomainException(StoreError.REWARD_UNAVAILABLE);
		}
		// Autocommitted: Redis follows at once (or the reconciler does, if it is unreachable).
		this.redemptions.restock(rewardId, quantity);
		return this.rewards.find(rewardId);
	}

	Reward withdraw(long rewardId) {
		requireStoreAdmin(rewardId);
		this.rewards.withdraw(rewardId, this.clock.instant());
		this.recentRewards.forget(rewardId);
		return this.rewards.find(rewardId);
	}

	/** A store's rewards on offer (withdrawn ones are not listed); public. */
	List<Reward> rewardsOf(long stationId) {
		return this.rewards.ofStation(stationId);
	}

	/** Every reward of a store, withdrawn ones too (on offer first): for the admins over the station only. */
	List<Reward> allRewardsOf(long stationId) {
		requireAdminOverStation(this.access.requireActor(), stationId);
		return this.rewards.allOfStation(stationId);
	}

	/**
	 * The user ids of the orders whose redeemer the caller may see named: their own orders, and the
	 * orders of stores they are admin over (one lookup per distinct station).
	 */
	java.util.Set<Long> redeemersVisibleToCaller(List<Redemption> orders) {
		Actor actor = this.access.currentActor();
		if (actor == null) {
			return java.util.Set.of();
		}
		Map<Long, OrgUnitRef> stations = actor.isAnyAdmin()
				? this.orgs.findAll(orders.stream().map(Redemption::getStationId).distinct().toList()) : Map.of();
		return orders.stream()
			.filter(order -> order.getUserId() == actor.userId() || (stations.containsKey(order.getStationId())
					&& actor.isAdminOver(stations.get(order.getStationId()).path())))
			.map(Redemption::getUserId)
			.collect(Collectors.toSet());
	}

	Map<Long, Reward> rewardsByIds(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return this.rewards.findAll(ids).stream().collect(Collectors.toMap(Reward::getId, Function.identity()));
	}

	Redemption redeem(long rewardId, int quantity, String idempotencyKey) {
		long userId = this.access.requireUserId();
		if (idempotencyKey == null || !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
			throw DomainException.badRequest("idempotencyKey 须为 8–64 位字母、数字、- 或 _");
		}
		if (quantity < 1 || quantity > this.properties.maxQuantity()) {
			throw DomainException.badRequest("兑换数量须在 1 到 " + this.properties.maxQuantity() + " 之间");
		}
		try {
			Redemption order = this.redemptions.redeem(userId, rewardId, quantity, idempotencyKey);
			OpsMetrics.redemption("ok");
			return order;
		}
		catch (DomainException ex) {
			// The refusal's code: out_of_stock, insufficient_points, upstream_unavailable, ...
			OpsMetrics.redemption(ex.code().name());
			throw ex;
		}
		catch (RuntimeException ex) {
			OpsMetrics.redemption("error");
			throw ex;
		}
	}

	/**
	 * Hands out an order by its pickup code. Only admins over the order's station (its 站长, or the
	 * 所 / 中心 admins above it) may; a code is used once and not after it expired.
	 */
	Redemption fulfil(String code) {
		Actor actor = this.access.requireActor();
		String normalized = (code == null) ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
		Redemption order = PICKUP_CODE.matcher(normalized).matches() ? this.orders.findByPickupCode(normalized) : null;
		if (order == null) {
			throw new DomainException(StoreError.PICKUP_CODE_INVALID);
		}
		requireAdminOverStation(actor, order.getStationId());
		Instant now = this.clock.instant();
		if (this.orders.fulfil(order.getId(), actor.userId(), now) == 0) {
			Redemption current = this.orders.selectById(order.getId());
			throw new DomainException((current.getStatus() == RedemptionStatus.FULFILLED) ? StoreError.PICKUP_CODE_USED
					: StoreError.PICKUP_CODE_INVALID);
		}
		return this.orders.selectById(order.getId());
	}

	/** The owner, or an admin over the store, cancels an order not picked up yet: points and stock come back. */
	Redemption cancel(long redemptionId) {
		Actor actor = this.access.requireActor();
		Redemption order = this.orders.selectById(redemptionId);
		if (order == null || order.getStatus() == RedemptionStatus.PENDING) {
			throw DomainException.notFound("兑换订单");
		}
		if (order.getUserId() != actor.userId()) {
			requireAdminOverStation(actor, order.getStationId());
		}
		if (!this.redemptions.closeAndRefund(order, RedemptionStatus.CANCELLED)) {
			Redemption current = this.orders.selectById(redemptionId);
			throw (current.getStatus() == RedemptionStatus.FULFILLED) ? new DomainException(StoreError.PICKUP_CODE_USED)
					: new DomainException(CommonError.CONFLICT, "该兑换已取消或已过期");
		}
		return this.orders.selectById(redemptionId);
	}

	Connection<Redemption> mine(Integer first, String after) {
		long userId = this.access.requireUserId();
		var page = Connections.page(first, after);
		return Connections.of(this.orders.pageOfUser(userId, page.afterId(), page.fetchSize()), page,
				Redemption::getId);
	}

	/**
	 * A station's orders for its store desk: only admins over the station (its 站长, or the 所 / 中心
	 * admins above it). PENDING claims are in flight and never listed; neither are pickup codes.
	 */
	Connection<Redemption> ofStation(long stationId, RedemptionStatus status, Instant from, Instant to, Integer first,
			String after) {
		requireAdminOverStation(this.access.requireActor(), stationId);
		if (from != null && to != null && !from.isBefore(to)) {
			throw DomainException.badRequest("起始时间须早于结束时间");
		}
		var page = Connections.page(first, after);
		return Connections.of(this.orders.pageOfStation(stationId, status, from, to, page.afterId(), page.fetchSize()),
				page, Redemption::getId);
	}

	/** The pickup code is the owner's alone (an admin scans it from the owner's phone). */
	String pickupCodeFor(Redemption order) {
		Long caller = this.access.currentUserId();
		return (caller != null && caller.equals(order.getUserId())) ? order.getPickupCode() : null;
	}

	private Reward requireStoreAdmin(long rewardId) {
		Reward reward = this.rewards.selectById(rewardId);
		if (reward == null) {
			throw DomainException.notFound("礼品");
		}
		requireAdminOverStation(this.access.requireActor(), reward.getStationId());
		return reward;
	}

	private void requireAdminOverStation(Actor actor, long stationId) {
		OrgUnitRef station = this.orgs.find(stationId).orElseThrow(DomainException::forbidden);
		if (!actor.isAdminOver(station.path())) {
			throw DomainException.forbidden();
		}
	}

}
