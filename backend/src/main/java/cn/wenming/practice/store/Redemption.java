package cn.wenming.practice.store;

import java.time.Instant;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/** A redemption order (兑换订单); see V17__points_redemption.sql. GraphQL {@code Redemption}. */
@TableName("redemption")
class Redemption {

	@TableId(type = IdType.AUTO)
	private Long id;

	private Long userId;

	private Long rewardId;

	private Long stationId;

	private Integer quantity;

	private Integer points;

	private String idempotencyKey;

	private String requestHash;

	private RedemptionStatus status;

	private String pickupCode;

	private Instant expiresAt;

	private Long fulfilledBy;

	private Instant fulfilledAt;

	private Instant cancelledAt;

	private Instant createdAt;

	private Instant updatedAt;

	public Long getId() {
		return this.id;
	}

	public void setId(Long id) {
		this.id = id;
	}

	public Long getUserId() {
		return this.userId;
	}

	public void setUserId(Long userId) {
		this.userId = userId;
	}

	public Long getRewardId() {
		return this.rewardId;
	}

	public void setRewardId(Long rewardId) {
		this.rewardId = rewardId;
	}

	public Long getStationId() {
		return this.stationId;
	}

	public void setStationId(Long stationId) {
		this.stationId = stationId;
	}

	public Integer getQuantity() {
		return this.quantity;
	}

	public void setQuantity(Integer quantity) {
		this.quantity = quantity;
	}

	public Integer getPoints() {
		return this.points;
	}

	public void setPoints(Integer points) {
		this.points = points;
	}

	public String getIdempotencyKey() {
		return this.idempotencyKey;
	}

	public void setIdempotencyKey(String idempotencyKey) {
		this.idempotencyKey = idempotencyKey;
	}

	public String getRequestHash() {
		return this.requestHash;
	}

	public void setRequestHash(String requestHash) {
		this.requestHash = requestHash;
	}

	public RedemptionStatus getStatus() {
		return this.status;
	}

	public void setStatus(RedemptionStatus status) {
		this.status = status;
	}

	public String getPickupCode() {
		return this.pickupCode;
	}

	public void setPickupCode(String pickupCode) {
		this.pickupCode = pickupCode;
	}

	public Instant getExpiresAt() {
		return this.expiresAt;
	}

	public void setExpiresAt(Instant expiresAt) {
		this.expiresAt = expiresAt;
	}

	public Long getFulfilledBy() {
		return this.fulfilledBy;
	}

	public void setFulfilledBy(Long fulfilledBy) {
		this.fulfilledBy = fulfilledBy;
	}

	public Instant getFulfilledAt() {
		return this.fulfilledAt;
	}

	public void setFulfilledAt(Instant fulfilledAt) {
		this.fulfilledAt = fulfilledAt;
	}

	public Instant getCancelledAt() {
		return this.cancelledAt;
	}

	public void setCancelledAt(Instant cancelledAt) {
		this.cancelledAt = cancelledAt;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public void setCreatedAt(Instant createdAt) {
		this.createdAt = createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public void setUpdatedAt(Instant updatedAt) {
		this.updatedAt = updatedAt;
	}
}
