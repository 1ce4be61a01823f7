package cn.wenming.practice.points;

import java.util.List;
import java.util.Map;

import cn.wenming.practice.shared.OpsMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.stereotype.Component;

/**
 * The balances the mini-program shows, in Redis ({@code points:balance:{u<userId>}}, a hash of the
 * balance {@code b} and the account version {@code v}). MySQL is the truth: a miss loads the
 * account, writes never read this, and with Redis down reads go to MySQL. A value is only ever
 * replaced by one with a higher version, so a slow reader that loaded an old balance, or two
 * after-commit refreshes arriving out of order, cannot overwrite a newer balance. Values expire
 * ({@code app.points.balance-cache-ttl}), which bounds staleness if a refresh was lost.
 */
@Component
class PointsBalanceCache {

	private static final Logger log = LoggerFactory.getLogger(PointsBalanceCache.class);

	static final String PREFIX = "points:balance:";

	/** Sets {b, v} unless the stored version is already at least v. */
	private static final DefaultRedisScript<Long> PUT_IF_NEWER = new DefaultRedisScript<>("""
			local v = redis.call('HGET', KEYS[1], 'v')
			if v and tonumber(v) >= tonumber(ARGV[1]) then return 0 end
			redis.call('HSET', KEYS[1], 'v', ARGV[1], 'b', ARGV[2])
			redis.call('PEXPIRE', KEYS[1], ARGV[3])
			return 1
			""", Long.class);

	private final StringRedisTemplate redis;

	private final PointsAccountMapper accounts;

	private final PointsProperties properties;

	PointsBalanceCache(StringRedisTemplate redis, PointsAccountMapper accounts, PointsProperties properties) {
		this.redis = redis;
		this.accounts = accounts;
		this.properties = properties;
	}

	/**
	 * The balance key, {@code points:balance:{u<id>}}. The hash tag puts it in the same Redis Cluster
	 * slot as the user's redemption holds, which one script reads together.
	 */
	static String key(long userId) {
		return PREFIX + userTag(userId);
	}

	static String userTag(long userId) {
		return "{u" + userId + "}";
	}

	/** The balance to show: Redis, else MySQL (and Redis refreshed), else MySQL alone when Redis is down. */
	int balance(long userId) {
		try {
			Object cached = this.redis.opsForHash().get(key(userId), "b");
			if (cached != null) {
				return Integer.parseInt(cached.toString());
			}
		}
		catch (RuntimeException ex) {
			log.warn("Points balance cache unreachable, reading MySQL: {}", ex.getClass().getSimpleName());
			OpsMetrics.redisFallback("points_balance");
			return fromDatabase(userId).balance();
		}
		PointsBalance balance = fromDatabase(userId);
		put(userId, balance);
		return balance.balance();
	}

	/** Stores a balance read from MySQL (after a commit or a miss); never fails the caller. */
	void put(long userId, PointsBalance balance) {
		try {
			this.redis.execute(PUT_IF_NEWER, List.of(key(userId)), Long.toString(balance.version()),
					Integer.toString(balance.balance()), Long.toString(this.properties.balanceCacheTtl().toMillis()));
		}
		catch (RuntimeException ex) {
			// The committed balance is in MySQL; the cached one expires, and a miss reloads it.
			log.warn("Could not refresh the points balance of user {} in Redis: {}", userId,
					ex.getClass().getSimpleName());
		}
	}

	/** The cached {b, v}, or an empty map; for checks. */
	Map<Object, Object> raw(long userId) {
		return this.redis.opsForHash().entries(key(userId));
	}

	private PointsBalance fromDatabase(long userId) {
		PointsBalance balance = this.accounts.find(userId);
		return (balance != null) ? balance : PointsBalance.NONE;
	}

}
