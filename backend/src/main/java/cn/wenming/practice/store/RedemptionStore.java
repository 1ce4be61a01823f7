package cn.wenming.practice.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.wenming.practice.points.PointsBalance;
import cn.wenming.practice.points.PointsWallet;
import cn.wenming.practice.shared.RedisScan;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.stereotype.Component;

/**
 * The Redis side of redemptions, laid out for a Redis Cluster: every script touches keys of one hash
 * slot only.
 * <ul>
 * <li>per reward, {@code points:reward:{r<id>}} (a hash): stock {@code s}, redemptions in flight
 * {@code p}, a change counter {@code n}, each user's live count {@code u<userId>}, {@code mv} (the
 * lowest MySQL stock version a reload may bring) and one marker {@code r<redemptionId>} per
 * redemption in flight (what it took), so giving back is keyed on the reward's own slot;</li>
 * <li>per user (one slot, tag {@code {u<id>}}): the points balance hash ({@link PointsWallet#balanceKey}) and
 * the holds {@code points:hold:{u<id>}} (field = redemption id, value =
 * "cost:rewardId:quantity:startedAtMillis"). Balances are only ever set from MySQL, versioned; the
 * balance available is {@code b - Σ holds}, so a refresh from MySQL never forgets money being spent.</li>
 * </ul>
 * A reservation is two scripts: {@link #HOLD_POINTS} on the user's slot (balance), then
 * {@link #TAKE_STOCK} on the reward's (stock and the per-person limit); if the second refuses, the
 * hold is dropped. Contention is on the reward (a burst of many users), so the user side goes first:
 * a refused stock never briefly hides stock from others, and the only cost of the order is that one
 * user's own concurrent redemptions may see each other's short-lived hold.
 * <p>
 * The hold is the first thing written and the last thing removed (release and undo do the reward
 * side first), so while any part of a redemption is left in Redis its hold exists, and
 * {@link RedemptionReconciler} — which starts from holds — finds it. Every step is idempotent:
 * keyed on the hold (user side) or the marker (reward side).
 */
@Component
class RedemptionStore {

	static final String REWARD = "points:reward:";

	static final String HOLD = "points:hold:";

	/** Results of {@link #reserve}. */
	enum Outcome {

		RESERVED, OUT_OF_STOCK, LIMIT_EXCEEDED, POINTS_INSUFFICIENT, STALE_LOAD,
		/** The user's side is not in Redis (balance, or their count of the reward): read both from MySQL. */
		NEEDS_LOAD,
		/** The reward's stock is not in Redis: read it from MySQL too. */
		NEEDS_STOCK

	}

	private static final DefaultRedisScript<Long> HOLD_POINTS = new DefaultRedisScript<>("""
			-- KEYS: balance, hold (one user's slot). ARGV: 1 '' or 'load', 2 balance, 3 balance version,
			-- 4 cost, 5 redemption id, 6 hold value, 7 balance ttl ms, 8 hold ttl ms
			if redis.call('HEXISTS', KEYS[2], ARGV[5]) == 1 then return 1 end
			if redis.call('HEXISTS', KEYS[1], 'b') == 0 then
			  -- Without MySQL values a missing balance is reported (-8): the caller reads MySQL and calls
			  -- again, so the common case costs no database reads.
			  if ARGV[1] == '' then return -8 end
			  redis.call('HSET', KEYS[1], 'b', ARGV[2], 'v', ARGV[3])
			  redis.call('PEXPIRE', KEYS[1], ARGV[7])
			end
			local held = 0
			for _, h in ipairs(redis.call('HVALS', KEYS[2])) do
			  held = held + tonumber(string.match(h, '^(-?%d+)'))
			end
			if tonumber(redis.call('HGET', KEYS[1], 'b')) - held < tonumber(ARGV[4]) then return -3 end
			redis.call('HSET', KEYS[2], ARGV[5], ARGV[6])
			redis.call('PEXPIRE', KEYS[2], ARGV[8])
			return 1
			""", Long.class);

	private static final DefaultRedisScript<Long> TAKE_STOCK = new DefaultRedisScript<>("""
			-- KEYS: reward. ARGV: 1 stock or '', 2 stock version, 3 user id, 4 user count or '', 5 quantity,
			-- 6 limit, 7 redemption id
			local mark = 'r' .. ARGV[7]
			if redis.call('HEXISTS', KEYS[1], mark) == 1 then return 1 end
			local uf = 'u' .. ARGV[3]
			-- What is missing and was not read from MySQL is reported, the stock first (-7), then the
			-- user's count (-8); the caller reads just that and calls again.
			local hasStock = redis.call('HEXISTS', KEYS[1], 's') == 1
			if not hasStock and ARGV[1] == '' then return -7 end
			local hasCount = redis.call('HEXISTS', KEYS[1], uf) == 1
			if not hasCount and ARGV[4] == '' then return -8 end
			if not hasStock then
			  local mv = redis.call('HGET', KEYS[1], 'mv')
			  if mv and tonumber(mv) > tonumber(ARGV[2]) then return -9 end
			  redis.call('HSET', KEYS[1], 's', ARGV[1], 'p', 0, 'n', 0)
			end
			if not hasCount then redis.call('HSET', KEYS[1], uf, ARGV[4]) end
			local q = tonumber(ARGV[5])
			if tonumber(redis.call('HGET', KEYS[1], 's')) < q then return -1 end
			if tonumber(redis.call('HGET', KEYS[1], uf)) + q > tonumber(ARGV[6]) then return -2 end
			redis.call('HINCRBY', KEYS[1], 's', -q)
			redis.call('HINCRBY', KEYS[1], uf, q)
			redis.call('HINCRBY', KEYS[1], 'p', 1)
			redis.call('HINCRBY', KEYS[1], 'n', 1)
			redis.call('HSET', KEYS[1], mark, q)
			return 1
			""", Long.class);

	/** Reward side of a release (after the MySQL commit): the redemption is no longer in flight. */
	private static final DefaultRedisScript<Long> SETTLE_STOCK = new DefaultRedisScript<>("""
			-- KEYS: reward. ARGV: redemption id
			if redis.call('HDEL', KEYS[1], 'r' .. ARGV[1]) == 0 then return 0 end
			if tonumber(redis.call('HGET', KEYS[1], 'p') or '0') > 0 then redis.call('HINCRBY', KEYS[1], 'p', -1) end
			redis.call('HINCRBY', KEYS[1], 'n', 1)
			return 1
			""", Long.class);

	/** User side of a release: drop the hold and store the committed balance (if newer). */
	private static final DefaultRedisScript<Long> RELEASE_HOLD = new DefaultRedisScript<>("""
			-- KEYS: balance, hold. ARGV: redemption id, balance, balance version, balance ttl ms
			local released = redis.call('HDEL', KEYS[2], ARGV[1])
			local v = redis.call('HGET', KEYS[1], 'v')
			if (not v) or tonumber(v) < tonumber(ARGV[3]) then
			  redis.call('HSET', KEYS[1], 'v', ARGV[3], 'b', ARGV[2])
			  redis.call('PEXPIRE', KEYS[1], ARGV[4])
			end
			return released
			""", Long.class);

	/** Reward side of an undo (the MySQL write failed or never happened): give back what was taken, once. */
	private static final DefaultRedisScript<Long> RETURN_STOCK = new DefaultRedisScript<>("""
			-- KEYS: reward. ARGV: redemption id, user id
			local q = redis.call('HGET', KEYS[1], 'r' .. ARGV[1])
			if not q then return 0 end
			redis.call('HDEL', KEYS[1], 'r' .. ARGV[1])
			q = tonumber(q)
			redis.call('HINCRBY', KEYS[1], 's', q)
			local uf = 'u' .. ARGV[2]
			if tonumber(redis.call('HGET', KEYS[1], uf) or '0') >= q then redis.call('HINCRBY', KEYS[1], uf, -q) end
			if tonumber(redis.call('HGET', KEYS[1], 'p') or '0') > 0 then redis.call('HINCRBY', KEYS[1], 'p', -1) end
			redis.call('HINCRBY', KEYS[1], 'n', 1)
			return 1
			""", Long.class);

	/**
	 * After a committed stock increase (restock, cancel, expiry): add it to a loaded hash; when none
	 * is loaded, raise {@code mv} so a reload that read MySQL before this commit is refused.
	 */
	private static final DefaultRedisScript<Long> GIVE = new DefaultRedisScript<>("""
			-- KEYS: reward. ARGV: quantity, user id or '', new stock version
			if redis.call('HEXISTS', KEYS[1], 's') == 0 then
			  local mv = redis.call('HGET', KEYS[1], 'mv')
			  if (not mv) or tonumber(mv) < tonumber(ARGV[3]) then redis.call('HSET', KEYS[1], 'mv', ARGV[3]) end
			  return 0
			end
			redis.call('HINCRBY', KEYS[1], 's', ARGV[1])
			if ARGV[2] ~= '' then
			  local uf = 'u' .. ARGV[2]
			  if tonumber(redis.call('HGET', KEYS[1], uf) or '0') >= tonumber(ARGV[1]) then
			    redis.call('HINCRBY', KEYS[1], uf, -tonumber(ARGV[1]))
			  else
			    redis.call('HDEL', KEYS[1], uf)
			  end
			end
			redis.call('HINCRBY', KEYS[1], 'n', 1)
			return 1
			""", Long.class);

	/** Reconciler: replace stock and counts when nothing changed since they were read and nothing is in flight. */
	private static final DefaultRedisScript<Long> REPAIR_REWARD = new DefaultRedisScript<>("""
			-- KEYS: reward. ARGV: observed n, stock, then user id / count pairs
			if redis.call('HEXISTS', KEYS[1], 's') == 0 then return 0 end
			if redis.call('HGET', KEYS[1], 'n') ~= ARGV[1] then return 0 end
			if tonumber(redis.call('HGET', KEYS[1], 'p') or '0') ~= 0 then return 0 end
			local fields = redis.call('HKEYS', KEYS[1])
			for _, f in ipairs(fields) do
			  if string.sub(f, 1, 1) == 'u' then redis.call('HDEL', KEYS[1], f) end
			end
			redis.call('HSET', KEYS[1], 's', ARGV[2])
			for i = 3, #ARGV, 2 do redis.call('HSET', KEYS[1], 'u' .. ARGV[i], ARGV[i + 1]) end
			redis.call('HINCRBY', KEYS[1], 'n', 1)
			return 1
			""", Long.class);

	/** Reconciler: replace a balance when it is still what was read and nothing is held. */
	private static final DefaultRedisScript<Long> REPAIR_BALANCE = new DefaultRedisScript<>("""
			-- KEYS: balance, hold. ARGV: observed b, observed v, balance, version
			if redis.call('HLEN', KEYS[2]) > 0 then return 0 end
			if redis.call('HGET', KEYS[1], 'b') ~= ARGV[1] or redis.call('HGET', KEYS[1], 'v') ~= ARGV[2] then return 0 end
			redis.call('HSET', KEYS[1], 'b', ARGV[3], 'v', ARGV[4])
			return 1
			""", Long.class);

	private final StringRedisTemplate redis;

	private final Duration balanceTtl;

	RedemptionStore(StringRedisTemplate redis, PointsWallet points) {
		this.redis = redis;
		this.balanceTtl = points.balanceCacheTtl();
	}

	static String rewardKey(long rewardId) {
		return REWARD + "{r" + rewardId + "}";
	}

	static String holdKey(long userId) {
		return HOLD + PointsWallet.userTag(userId);
	}

	/**
	 * What MySQL says, for loading missing keys; {@link #NONE} to try without reading MySQL first. A
	 * load always carries the user's side (balance and count); the stock only when {@code withStock}
	 * (a burst's reward is in Redis already, so its stock is read only when Redis asks for it).
	 */
	record Snapshot(boolean withStock, int stock, long stockVersion, int userCount, int balance, long balanceVersion) {

		static final Snapshot NONE = new Snapshot(false, 0, 0, 0, 0, 0);

		static Snapshot userSide(int userCount, int balance, long balanceVersion) {
			return new Snapshot(false, 0, 0, userCount, balance, balanceVersion);
		}

		static Snapshot withStock(int stock, long stockVersion, int userCount, int balance, long balanceVersion) {
			return new Snapshot(true, stock, stockVersion, userCount, balance, balanceVersion);
		}

	}

	/**
	 * Holds the points, then takes the stock; on a refusal nothing is left behind. If Redis fails
	 * half-way the exception propagates with the hold (and possibly the stock) taken: the caller's
	 * {@link #undo} — or the reconciler, which finds the hold — gives back exactly what was taken.
	 */
	Outcome reserve(long redemptionId, long userId, long rewardId, int quantity, int limit, int cost, Snapshot mysql,
			long nowMillis) {
		boolean load = mysql != Snapshot.NONE;
		String hold = cost + ":" + rewardId + ":" + quantity + ":" + nowMillis;
		Long held = this.redis.execute(HOLD_POINTS, List.of(PointsWallet.balanceKey(userId), holdKey(userId)),
				load ? "load" : "", Integer.toString(mysql.balance()), Long.toString(mysql.balanceVersion()),
				Integer.toString(cost), Long.toString(redemptionId), hold, Long.toString(this.balanceTtl.toMillis()),
				Long.toString(Duration.ofDays(1).toMillis()));
		if (held == -8L) {
			return Outcome.NEEDS_LOAD;
		}
		if (held == -3L) {
			return stockOutcomeOr(Outcome.POINTS_INSUFFICIENT, userId, rewardId, quantity, limit, mysql);
		}
		Long taken = this.redis.execute(TAKE_STOCK, List.of(rewardKey(rewardId)),
				mysql.withStock() ? Integer.toString(mysql.stock()) : "", Long.toString(mysql.stockVersion()),
				Long.toString(userId), load ? Integer.toString(mysql.userCount()) : "", Integer.toString(quantity),
				Integer.toString(limit), Long.toString(redemptionId));
		Outcome outcome = switch (taken.intValue()) {
			case 1 -> Outcome.RESERVED;
			case -1 -> Outcome.OUT_OF_STOCK;
			case -2 -> Outcome.LIMIT_EXCEEDED;
			case -7 -> Outcome.NEEDS_STOCK;
			case -8 -> Outcome.NEEDS_LOAD;
			case -9 -> Outcome.STALE_LOAD;
			default -> throw new IllegalStateException("Unexpected reserve result " + taken);
		};
		if (outcome != Outcome.RESERVED) {
			this.redis.opsForHash().delete(holdKey(userId), Long.toString(redemptionId));
		}
		return outcome;
	}

	/**
	 * A user short of points is told the reward is gone or over the limit when it is: the more useful
	 * answer, and the one a single check of all three gave. Read-only, only on this refusal path; what
	 * Redis lacks comes from the MySQL snapshot (or is asked for, as the reservation would).
	 */
	private Outcome stockOutcomeOr(Outcome otherwise, long userId, long rewardId, int quantity, int limit,
			Snapshot mysql) {
		List<Object> values = this.redis.opsForHash().multiGet(rewardKey(rewardId), List.of("s", "u" + userId));
		if (values.get(0) == null && !mysql.withStock()) {
			return Outcome.NEEDS_STOCK;
		}
		if (values.get(1) == null && mysql == Snapshot.NONE) {
			return Outcome.NEEDS_LOAD;
		}
		long stock = (values.get(0) != null) ? Long.parseLong(values.get(0).toString()) : mysql.stock();
		long count = (values.get(1) != null) ? Long.parseLong(values.get(1).toString()) : mysql.userCount();
		if (stock < quantity) {
			return Outcome.OUT_OF_STOCK;
		}
		if (count + quantity > limit) {
			return Outcome.LIMIT_EXCEEDED;
		}
		return otherwise;
	}

	/** After the MySQL commit: the reward side settles, then the hold goes with the committed balance. */
	boolean release(long redemptionId, long userId, long rewardId, PointsBalance balance) {
		this.redis.execute(SETTLE_STOCK, List.of(rewardKey(rewardId)), Long.toString(redemptionId));
		return this.redis.execute(RELEASE_HOLD, List.of(PointsWallet.balanceKey(userId), holdKey(userId)),
				Long.toString(redemptionId), Integer.toString(balance.balance()), Long.toString(balance.version()),
				Long.toString(this.balanceTtl.toMillis())) == 1L;
	}

	/** Gives back what the reservation took (stock first, the hold last); true if a hold was dropped. */
	boolean undo(long redemptionId, long userId, long rewardId) {
		this.redis.execute(RETURN_STOCK, List.of(rewardKey(rewardId)), Long.toString(redemptionId),
				Long.toString(userId));
		Long dropped = this.redis.opsForHash().delete(holdKey(userId), Long.toString(redemptionId));
		return dropped != null && dropped == 1L;
	}

	void give(long rewardId, int quantity, Long userId, long newStockVersion) {
		this.redis.execute(GIVE, List.of(rewardKey(rewardId)), Integer.toString(quantity),
				(userId == null) ? "" : Long.toString(userId), Long.toString(newStockVersion));
	}

	Map<String, String> rewardHash(long rewardId) {
		Map<Object, Object> raw = this.redis.opsForHash().entries(rewardKey(rewardId));
		Map<String, String> hash = new java.util.HashMap<>();
		raw.forEach((k, v) -> hash.put(k.toString(), v.toString()));
		return hash;
	}

	boolean repairReward(long rewardId, String observedN, int stock, List<RewardMapper.UserCount> counts) {
		List<String> args = new ArrayList<>();
		args.add(observedN);
		args.add(Integer.toString(stock));
		for (RewardMapper.UserCount count : counts) {
			args.add(Long.toString(count.userId()));
			args.add(Integer.toString(count.redeemed()));
		}
		return this.redis.execute(REPAIR_REWARD, List.of(rewardKey(rewardId)), args.toArray()) == 1L;
	}

	Map<String, String> holds(long userId) {
		Map<Object, Object> raw = this.redis.opsForHash().entries(holdKey(userId));
		Map<String, String> hash = new java.util.HashMap<>();
		raw.forEach((k, v) -> hash.put(k.toString(), v.toString()));
		return hash;
	}

	Map<String, String> balanceHash(long userId) {
		Map<Object, Object> raw = this.redis.opsForHash().entries(PointsWallet.balanceKey(userId));
		Map<String, String> hash = new java.util.HashMap<>();
		raw.forEach((k, v) -> hash.put(k.toString(), v.toString()));
		return hash;
	}

	boolean repairBalance(long userId, String observedB, String observedV, PointsBalance balance) {
		return this.redis.execute(REPAIR_BALANCE, List.of(PointsWallet.balanceKey(userId), holdKey(userId)), observedB,
				observedV, Integer.toString(balance.balance()), Long.toString(balance.version())) == 1L;
	}

	/** Ids in the keys {@code prefix + "{" + tagLetter + id + "}"}, by a cluster-wide SCAN (never KEYS). */
	List<Long> idsWithPrefix(String prefix, char tagLetter) {
		List<Long> ids = new ArrayList<>();
		String head = prefix + "{" + tagLetter;
		RedisScan.keys(this.redis, head + "*", 500, key -> {
			if (key.startsWith(head) && key.endsWith("}")) {
				String id = key.substring(head.length(), key.length() - 1);
				if (!id.isEmpty() && id.chars().allMatch(Character::isDigit)) {
					ids.add(Long.valueOf(id));
				}
			}
		});
		return ids;
	}

}
