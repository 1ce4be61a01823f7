package cn.wenming.practice.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.wenming.practice.points.PointsWallet;
import cn.wenming.practice.testinfra.Fixtures;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Arranges redemption races without the API: many users with points (written straight to MySQL
 * as one ADJUSTMENT entry each, so ledger = account), a reward of a new station, and the checks
 * that Σ ledger = account = Redis and Redis stock = MySQL stock.
 */
public final class RedemptionRig {

	final JdbcTemplate jdbc;

	final StringRedisTemplate redis;

	public RedemptionRig(JdbcTemplate jdbc, StringRedisTemplate redis) {
		this.jdbc = jdbc;
		this.redis = redis;
	}

	/** {@code count} new users with {@code points} each; returns their ids. */
	public List<Long> usersWithPoints(int count, int points) {
		String prefix = Fixtures.unique("rig");
		Timestamp now = Timestamp.from(Instant.now());
		List<Object[]> users = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			users.add(new Object[] { prefix + "-" + i, now, now });
		}
		this.jdbc.batchUpdate("INSERT INTO app_user (openid, created_at, updated_at) VALUES (?, ?, ?)", users);
		List<Long> ids = this.jdbc.queryForList("SELECT id FROM app_user WHERE openid LIKE ? ORDER BY id", Long.class,
				prefix + "-%");
		List<Object[]> accounts = new ArrayList<>();
		List<Object[]> entries = new ArrayList<>();
		for (long id : ids) {
			accounts.add(new Object[] { id, points, now, now });
			entries.add(new Object[] { id, points, points, "rig-" + id, now });
		}
		this.jdbc.batchUpdate(
				"INSERT INTO points_account (user_id, balance, version, created_at, updated_at) VALUES (?, ?, 1, ?, ?)",
				accounts);
		this.jdbc.batchUpdate("INSERT INTO points_entry (user_id, delta, balance_after, business_type, business_id, "
				+ "reason, created_at) VALUES (?, ?, ?, 'ADJUSTMENT', ?, '测试积分', ?)", entries);
		return ids;
	}

	/** Appends an entry dated {@code at} and moves the account with it (as the ledger would have then). */
	public void entry(long userId, int delta, String type, Instant at) {
		this.jdbc.update("UPDATE points_account SET balance = balance + ?, version = version + 1 WHERE user_id = ?", delta,
				userId);
		int balance = this.jdbc.queryForObject("SELECT balance FROM points_account WHERE user_id = ?", Integer.class,
				userId);
		this.jdbc.update("INSERT INTO points_entry (user_id, delta, balance_after, business_type, business_id, reason, "
				+ "created_at) VALUES (?, ?, ?, ?, ?, '测试', ?)", userId, delta, balance, type, Fixtures.unique("rig"),
				Timestamp.from(at));
	}

	public long reward(int price, int stock, int limit) {
		return reward(price, Redemptions.split(stock, 8), limit);
	}

	/** A reward whose stock shards hold {@code shards} (shard 0, 1, …). */
	long reward(int price, List<Integer> shards, int limit) {
		long station = new Fixtures(this.jdbc).tree().station();
		Timestamp now = Timestamp.from(Instant.now());
		this.jdbc.update("INSERT INTO reward (station_id, name, kind, price_points, per_person_limit, status, "
				+ "created_at, updated_at) VALUES (?, '爱心大米', 'GOODS', ?, ?, 'ACTIVE', ?, ?)", station, price, limit, now,
				now);
		long rewardId = this.jdbc.queryForObject("SELECT MAX(id) FROM reward WHERE station_id = ?", Long.class, station);
		for (int i = 0; i < shards.size(); i++) {
			this.jdbc.update("INSERT INTO reward_stock (reward_id, shard, stock, version) VALUES (?, ?, ?, 0)", rewardId, i,
					shards.get(i));
		}
		return rewardId;
	}

	/** The stock MySQL shows: the sum of the shards. */
	public int mysqlStock(long rewardId) {
		return this.jdbc.queryForObject("SELECT COALESCE(SUM(stock), 0) FROM reward_stock WHERE reward_id = ?",
				Integer.class, rewardId);
	}

	/** Each shard's stock, in shard order. */
	List<Integer> shardStocks(long rewardId) {
		return this.jdbc.queryForList("SELECT stock FROM reward_stock WHERE reward_id = ? ORDER BY shard", Integer.class,
				rewardId);
	}

	public Integer redisStock(long rewardId) {
		Object s = this.redis.opsForHash().get(RedemptionStore.rewardKey(rewardId), "s");
		return (s == null) ? null : Integer.valueOf(s.toString());
	}

	int orders(long rewardId, String status) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM redemption WHERE reward_id = ? AND status = ?",
				Integer.class, rewardId, status);
	}

	/** Whether any of the users still has a Redis hold (a redemption not finished or not yet repaired). */
	public boolean anyHold(List<Long> userIds) {
		return userIds.stream().anyMatch(userId -> this.redis.opsForHash().size(RedemptionStore.holdKey(userId)) > 0);
	}

	/** Σ ledger deltas = account balance = Redis balance (where cached), and no holds left, for each user. */
	public void assertBooksAgree(List<Long> userIds) {
		Map<Long, Long> ledger = new java.util.HashMap<>();
		Map<Long, Long> accounts = new java.util.HashMap<>();
		String in = String.join(",", userIds.stream().map(String::valueOf).toList());
		this.jdbc.query("SELECT user_id, SUM(delta) FROM points_entry WHERE user_id IN (" + in + ") GROUP BY user_id",
				(org.springframework.jdbc.core.RowCallbackHandler) rs -> ledger.put(rs.getLong(1), rs.getLong(2)));
		this.jdbc.query("SELECT user_id, balance FROM points_account WHERE user_id IN (" + in + ")",
				(org.springframework.jdbc.core.RowCallbackHandler) rs -> accounts.put(rs.getLong(1), rs.getLong(2)));
		for (long userId : userIds) {
			long sum = ledger.getOrDefault(userId, 0L);
			assertThat(accounts.getOrDefault(userId, 0L)).as("account of %s", userId).isEqualTo(sum).isNotNegative();
			Object cached = this.redis.opsForHash().get(PointsWallet.balanceKey(userId), "b");
			if (cached != null) {
				assertThat(Long.parseLong(cached.toString())).as("Redis balance of %s", userId).isEqualTo(sum);
			}
			assertThat(this.redis.opsForHash().size(RedemptionStore.holdKey(userId))).as("holds of %s", userId).isZero();
		}
	}

}
