package cn.wenming.practice.store;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Redemption rules ({@code app.points.redemption}): {@code pickup-valid-days} (default 7) how long a
 * pickup code (核销码) is valid before the order expires and is refunded; {@code stale-after}
 * (default 2 min) how old an unfinished redemption must be before the reconciler treats it as
 * dead (a live one finishes in milliseconds); {@code max-quantity} (default 20) per order;
 * {@code stock-shards} (default 8) how many rows a new reward's stock is split over, so that
 * concurrent redemptions of one reward do not all wait for one row lock (existing rewards keep the
 * shards they have); {@code reward-cache-ttl} (default 1 s, 0 turns it off) how long a redemption
 * may use a reward row, or a reward's stock shard levels, read by an earlier one (see
 * {@link RecentRewards}, {@link ShardLevels}).
 */
@Validated
@ConfigurationProperties("app.points.redemption")
record RedemptionProperties(@DefaultValue("7") @Min(1) @Max(365) int pickupValidDays,
		@DefaultValue("2m") @NotNull Duration staleAfter, @DefaultValue("20") @Min(1) @Max(1000) int maxQuantity,
		@DefaultValue("8") @Min(1) @Max(64) int stockShards,
		@DefaultValue("1s") @NotNull Duration rewardCacheTtl) {

}
