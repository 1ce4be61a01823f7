package cn.wenming.practice.points;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.stereotype.Component;

/**
 * The Redis side of redemptions. One hash per reward, {@code points:reward:{id}}: stock {@code s},
 * redemptions in flight {@code p}, a change counter {@code n}, each user's live count
 * {@code u{userId}}, and {@code mv}, the lowest MySQL stock version a reload may bring. Balances
 * stay in {@link PointsBalanceCache}'s hash (only ever set from MySQL, versioned); what a redemption
 * in flight spends is a hold in {@code points:hold:{userId}} (field = redemption id, value =
 * "cost:rewardId:quantity:startedAtMillis"), so the balance available is {@code b - Σ holds} and a
 * refresh from MySQL never forgets money being spent.
 * <p>
 * {@link #RESERVE} checks stock, the per-person limit and the balance and takes all three in one
 * script, loading missing keys from the MySQL values it is given (never over a present key, and
 * never older than {@code mv}). Release and undo are keyed on the hold, so each happens at most
 * once however often it is called. Not cluster-safe (keys of several slots in one script): one
 * Redis primary, as the rest of the application.
 */
@Component
class RedemptionStore {

	static final String REWARD = "points:reward:";

	static final String HOLD = "points:hold:";

	/** Results of {@link #reserve}. */
	enum Outcome {

		RESERVED, OUT_OF_STOCK, LIMIT_EXCEEDED, POINTS_INSUFFICIENT, STALE_LOAD, NEEDS_LOAD

	}

	private static final DefaultRedisScript<Long> RESERVE = new DefaultRedisScript<>("""
			-- KEYS: reward, balance, hold. ARGV: 1 stock, 2 stock version, 3 user id, 4 user count,
			-- 5 balance, 6 balance version, 7 quantity, 8 limit, 9 cost, 10 redemption id,
			-- 11 hold value, 12 balance ttl ms, 13 hold ttl ms
			-- Without MySQL values (ARGV[1] == '') a missing key is reported (-8): the caller reads
			-- MySQL and calls again, so the common case costs no database reads.
			if ARGV[1] == '' and (redis.call('HEXISTS', KEYS[1], 's') == 0
			    or redis.call('HEXISTS', KEYS[1], 'u' .. ARGV[3]) == 0 or redis.call('HEXISTS', KEYS[2], 'b') == 0) then
			  return -8
			end
			if redis.call('HEXISTS', KEYS[1], 's') == 0 then
			  local mv = redis.call('HGET', KEYS[1], 'mv')
			  if mv and tonumber(mv) > tonumber(ARGV[2]) then return -9 end
			  redis.call('HSET', KEYS[1], 's', ARGV[1], 'p', 0, 'n', 0)
			end
			local uf = 'u' .. ARGV[3]
			if redis.call('HEXISTS', KEYS[1], uf) == 0 then redis.call('HSET', KEYS[1], uf, ARGV[4]) end
			if redis.call('HEXISTS', KEYS[2], 'b') == 0 then
			  redis.call('HSET', KEYS[2], 'b', ARGV[5], 'v', ARGV[6])
			  redis.call('PEXPIRE', KEYS[2], ARGV[12])
			end
			if redis.call('HEXISTS', KEYS[3], ARGV[10]) == 1 then return 1 end
			local q = tonumber(ARGV[7])
			if tonumber(redis.call('HGET', KEYS[1], 's')) < q then return -1 end
			if tonumber(redis.call('HGET', KEYS[1], uf)) + q > tonumber(ARGV[8]) then return -2 end
			local held = 0
			for _, h in ipairs(redis.call('HVALS', KEYS[3])) do
			  held = held + tonumber(string.match(h, '^(-?%d+)'))
			end
			if tonumber(redis.call('HGET', KEYS[2], 'b')) - held < tonumber(ARGV[9]) then return -3 end
			redis.call('HINCRBY', KEYS[1], 's', -q)
			redis.call('HINCRBY', KEYS[1], uf, q)
			redis.call('HINCRBY', KEYS[1], 'p', 1)
			redis.call('HINCRBY', KEYS[1], 'n', 1)
			redis.call('HSET', KEYS[3], ARGV[10], ARGV[11])
			redis.call('PEXPIRE', KEYS[3], ARGV[13])
			return 1
			""", Long.class);

	/** After the MySQL commit: drop the hold and store the committed balance (if newer). */
	private static final DefaultRedisScript<Long> RELEASE = new DefaultRedisScript<>("""
			-- KEYS: reward, balance, hold. ARGV: redemption id, balance, balance version, balance ttl ms
			local released = redis.call('HDEL', KEYS[3], ARGV[1])
			if released == 1 and redis.call('HEXISTS', KEYS[1], 's') == 1 then
			  if tonumber(redis.call('HGET', KEYS[1], 'p') or '0') > 0 then redis.call('HINCRBY', KEYS[1], 'p', -1) end
			  redis.call('HINCRBY', KEYS[1], 'n', 1)
			end
			local v = redis.call('HGET', KEYS[2], 'v')
			if (not v) or tonumber(v) < tonumber(ARGV[3]) then
			  redis.call('HSET', KEYS[2], 'v', ARGV[3], 'b', ARGV[2])
			  redis.call('PEXPIRE', KEYS[2], ARGV[4])
			end
			return released
			""", Long.class);

	/** The MySQL write failed (or never happened): give back what the reservation took, once. */
	private static final DefaultRedisScript<Long> UNDO = new DefaultRedisScript<>("""
			-- KEYS: reward, hold. ARGV: redemption id, user id, quantity
			if redis.call('HDEL', KEYS[2], ARGV[1]) == 0 then return 0 end
			if redis.call('HEXISTS', KEYS[1], 's') == 1 then
			  redis.call('HINCRBY', KEYS[1], 's', ARGV[3])
			  local uf = 'u' .. ARGV[2]
			  if tonumber(redis.call('HGET', KEYS[1], uf) or '0') >= tonumber(ARGV[3]) then
			    redis.call('HINCRBY', KEYS[1], uf, -tonumber(ARGV[3]))
			  end
			  if tonumber(redis.call('HGET', KEYS[1], 'p') or '0') > 0 then redis.call('HINCRBY', KEYS[1], 'p', -1) end
			  redis.call('HINCRBY', KEYS[1], 'n', 1)
			end
			return 1
			""", Long.class);

	/**
	 * After a committed stock increase (restock, cancel, expiry): add it to a loaded hash; when none
	 * is loaded, raise {@code mv} so a reload that read MySQL before this commit is refused.
	 */
	private static final DefaultRedisScript<Long> GIVE = new DefaultRedisScript<>("""
			-- KEYS: reward. ARGV: quantity, user id or '', new stock version
			-- Without MySQL values (ARGV[1] == '') a missing key is reported (-8): the caller reads
			-- MySQL and calls again, so the common case costs no database reads.
			if ARGV[1] == '' and (redis.call('HEXISTS', KEYS[1], 's') == 0
			    or redis.call('HEXISTS', KEYS[1], 'u' .. ARGV[3]) == 0 or redis.call('HEXISTS', KEYS[2], 'b') == 0) then
			  return -8
			end
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

	RedemptionStore(StringRedisTemplate redis, PointsProperties properties) {
		this.redis = redis;
		this.balanceTtl = properties.balanceCacheTtl();
	}

	static String rewardKey(long rewardId) {
		return REWARD + rewardId;
	}

	static String holdKey(long userId) {
		return HOLD + userId;
	}

	/** What MySQL says, for loading missing keys; {@link #NONE} to try without reading MySQL first. */
	record Snapshot(int stock, long stockVersion, int userCount, int balance, long balanceVersion) {

		static final Snapshot NONE = new Snapshot(0, 0, 0, 0, 0);

	}

	Outcome reserve(long redemptionId, long userId, long rewardId, int quantity, int limit, int cost, Snapshot mysql,
			long nowMillis) {
		String hold = cost + ":" + rewardId + ":" + quantity + ":" + nowMillis;
		Long result = this.redis.execute(RESERVE,
				List.of(rewardKey(rewardId), PointsBalanceCache.key(userId), holdKey(userId)),
				(mysql == Snapshot.NONE) ? "" : Integer.toString(mysql.stock()), Long.toString(mysql.stockVersion()),
				Long.toString(userId),
				Integer.toString(mysql.userCount()), Integer.toString(mysql.balance()),
				Long.toString(mysql.balanceVersion()), Integer.toString(quantity), Integer.toString(limit),
				Integer.toString(cost), Long.toString(redemptionId), hold, Long.toString(this.balanceTtl.toMillis()),
				Long.toString(Duration.ofDays(1).toMillis()));
		return switch (result.intValue()) {
			case 1 -> Outcome.RESERVED;
			case -1 -> Outcome.OUT_OF_STOCK;
			case -2 -> Outcome.LIMIT_EXCEEDED;
			case -3 -> Outcome.POINTS_INSUFFICIENT;
			case -8 -> Outcome.NEEDS_LOAD;
			case -9 -> Outcome.STALE_LOAD;
			default -> throw new IllegalStateException("Unexpected reserve result " + result);
		};
	}

	boolean release(long redemptionId, long userId, long rewardId, PointsAccountMapper.Balance balance) {
		return this.redis.execute(RELEASE, List.of(rewardKey(rewardId), PointsBalanceCache.key(userId), holdKey(userId)),
				Long.toString(redemptionId), Integer.toString(balance.balance()), Long.toString(balance.version()),
				Long.toString(this.balanceTtl.toMillis())) == 1L;
	}

	boolean undo(long redemptionId, long userId, long rewardId, int quantity) {
		return this.redis.execute(UNDO, List.of(rewardKey(rewardId), holdKey(userId)), Long.toString(redemptionId),
				Long.toString(userId), Integer.toString(quantity)) == 1L;
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
		Map<Object, Object> raw = this.redis.opsForHash().entries(PointsBalanceCache.key(userId));
		Map<String, String> hash = new java.util.HashMap<>();
		raw.forEach((k, v) -> hash.put(k.toString(), v.toString()));
		return hash;
	}

	boolean repairBalance(long userId, String observedB, String observedV, PointsAccountMapper.Balance balance) {
		return this.redis.execute(REPAIR_BALANCE, List.of(PointsBalanceCache.key(userId), holdKey(userId)), observedB,
				observedV, Integer.toString(balance.balance()), Long.toString(balance.version())) == 1L;
	}

	/** Ids found in keys with this prefix (SCAN, not KEYS: never blocks Redis). */
	List<Long> idsWithPrefix(String prefix) {
		List<Long> ids = new ArrayList<>();
		try (Cursor<String> cursor = this.redis.scan(ScanOptions.scanOptions().match(prefix + "*").count(500).build())) {
			cursor.forEachRemaining(key -> {
				String tail = key.substring(prefix.length());
				if (!tail.isEmpty() && tail.chars().allMatch(Character::isDigit)) {
					ids.add(Long.valueOf(tail));
				}
			});
		}
		return ids;
	}

}
