package cn.wenming.practice.store;

import java.time.Instant;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/**
 * A reward of a station's store (爱心超市); see V17__points_redemption.sql. GraphQL {@code Reward}.
 * Its stock lives in shard rows ({@code reward_stock}, V33): {@link #getStock()} is their sum, filled
 * by {@link RewardMapper#find} and the other reads that show a reward, null after a plain
 * {@code selectById}.
 */
@TableName("reward")
class Reward {

	@TableId(type = IdType.AUTO)
	private Long id;

	private Long stationId;

	private String name;

	private String pictureUrl;

	private RewardKind kind;

	private Integer pricePoints;

	@TableField(exist = false)
	private Integer stock;

	private Integer perPersonLimit;

	private Instant availableFrom;

	private Instant availableUntil;

	private RewardStatus status;

	private Long createdBy;

	/** The creator's idempotency key and the digest of the request it came with (V65; see CreationKeys). */
	String idempotencyKey;

	String requestDigest;

	private Instant createdAt;

	private Instant updatedAt;

	public Long getId() {
		return this.id;
	}

	public void setId(Long id) {
		this.id = id;
	}

	public Long getStationId() {
		return this.stationId;
	}

	public void setStationId(Long stationId) {
		this.stationId = stationId;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getPictureUrl() {
		return this.pictureUrl;
	}

	public void setPictureUrl(String pictureUrl) {
		this.pictureUrl = pictureUrl;
	}

	public RewardKind getKind() {
		return this.kind;
	}

	public void setKind(RewardKind kind) {
		this.kind = kind;
	}

	public Integer getPricePoints() {
		return this.pricePoints;
	}

	public void setPricePoints(Integer pricePoints) {
		this.pricePoints = pricePoints;
	}

	public Integer getStock() {
		return this.stock;
	}

	public void setStock(Integer stock) {
		this.stock = stock;
	}

	public Integer getPerPersonLimit() {
		return this.perPersonLimit;
	}

	public void setPerPersonLimit(Integer perPersonLimit) {
		this.perPersonLimit = perPersonLimit;
	}

	public Instant getAvailableFrom() {
		return this.availableFrom;
	}

	public void setAvailableFrom(Instant availableFrom) {
		this.availableFrom = availableFrom;
	}

	public Instant getAvailableUntil() {
		return this.availableUntil;
	}

	public void setAvailableUntil(Instant availableUntil) {
		this.availableUntil = availableUntil;
	}

	public RewardStatus getStatus() {
		return this.status;
	}

	public void setStatus(RewardStatus status) {
		this.status = status;
	}

	public Long getCreatedBy() {
		return this.createdBy;
	}

	public void setCreatedBy(Long createdBy) {
		this.createdBy = createdBy;
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
